package dev.wharf.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.validate.JsonPaths;
import dev.wharf.validate.Rules;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a loaded YAML value against a compiled schema, strictly: a property the schema does
 * not declare is an error unless the schema preserves unknown fields or gives
 * additionalProperties. Stops descending into a value once its type is wrong.
 */
public final class SchemaValidator {
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");
  private static final int MAX_DEPTH = 200;
  private static final Pattern SENSITIVE = Pattern.compile("(?i)data|password|passwd|secret|token|key|cert|credential");

  private SchemaValidator() {}

  /**
   * Violations of {@code schema} by a whole object. For custom resources metadata is checked
   * strictly as ObjectMeta, and the CRD's own metadata schema only for its constraints (name
   * length, for example), as the API server does.
   */
  public static List<Violation> validate(Object value, CompiledSchema schema) {
    List<Violation> out = new ArrayList<>();
    if (schema.objectMeta() != null && value instanceof Map<?, ?> m && m.get("metadata") != null) {
      Map<Object, Object> rest = new java.util.LinkedHashMap<>(m);
      Object meta = rest.remove("metadata");
      check(rest, schema.root(), "", true, out, 0);
      SchemaNode crMeta = schema.root().properties == null ? null : schema.root().properties.get("metadata");
      if (crMeta != null) {
        check(meta, crMeta, "metadata", false, out, 1);
      }
      check(meta, schema.objectMeta(), "metadata", true, out, 1);
      return out;
    }
    check(value, schema.root(), "", true, out, 0);
    return out;
  }

  private static void check(Object v, SchemaNode s, String path, boolean strictHere, List<Violation> out, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (v == null) {
      if (s.types != null && !s.types.contains("null") && !s.nullable) {
        out.add(new Violation(Rules.SCHEMA_TYPE, path, "is null; expected " + expected(s)));
      }
      return;
    }
    String actual = typeOf(v);
    if (!typeOk(s, actual)) {
      out.add(new Violation(Rules.SCHEMA_TYPE, path, "is " + describe(actual, v, path) + "; expected " + expected(s)));
      return;
    }
    if (s.enumValues != null && s.enumValues.stream().noneMatch(e -> same(e, v))) {
      out.add(new Violation(Rules.SCHEMA_VALUE, path, "is " + brief(v, path) + "; allowed: " + allowed(s.enumValues)));
    }
    switch (v) {
      case String str -> checkString(str, s, path, out);
      case Number n -> checkNumber(n, s, path, out);
      case List<?> l -> checkArray(l, s, path, out, depth);
      case Map<?, ?> m -> checkObject(m, s, path, strictHere, out, depth);
      default -> { }
    }
    for (SchemaNode b : s.allOf) {
      check(v, b, path, false, out, depth + 1);
    }
    if (!s.anyOf.isEmpty() && matching(v, s.anyOf, path, depth, 1) == 0) {
      out.add(new Violation(Rules.SCHEMA_VALUE, path, "matches none of the allowed forms (anyOf)"));
    }
    if (!s.oneOf.isEmpty()) {
      int n = matching(v, s.oneOf, path, depth, 2);
      if (n != 1) {
        out.add(new Violation(Rules.SCHEMA_VALUE, path, n == 0
            ? "matches none of the allowed forms (oneOf)"
            : "matches more than one of the mutually exclusive forms (oneOf); set only one of them"));
      }
    }
    if (s.not != null && matching(v, List.of(s.not), path, depth, 1) == 1) {
      out.add(new Violation(Rules.SCHEMA_VALUE, path, "has a combination of fields the schema forbids (not)"));
    }
  }

  /** How many branches {@code v} satisfies, counting no further than {@code enough}. */
  private static int matching(Object v, List<SchemaNode> branches, String path, int depth, int enough) {
    int n = 0;
    for (SchemaNode b : branches) {
      List<Violation> tmp = new ArrayList<>();
      check(v, b, path, false, tmp, depth + 1);
      if (tmp.isEmpty() && ++n >= enough) {
        return n;
      }
    }
    return n;
  }

  private static void checkString(String str, SchemaNode s, String path, List<Violation> out) {
    int len = str.codePointCount(0, str.length());
    if (s.minLength != null && len < s.minLength) {
      out.add(new Violation(Rules.SCHEMA_VALUE, path, "is shorter than " + s.minLength + " characters"));
    }
    if (s.maxLength != null && len > s.maxLength) {
      out.add(new Violation(Rules.SCHEMA_VALUE, path, "is longer than " + s.maxLength + " characters"));
    }
    if (s.pattern != null && !s.pattern.matcher(str).find()) {
      out.add(new Violation(Rules.SCHEMA_VALUE, path, "is " + brief(str, path) + "; must match " + s.pattern.pattern()));
    }
  }

  private static void checkNumber(Number n, SchemaNode s, String path, List<Violation> out) {
    double d = n.doubleValue();
    if (s.minimum != null && d < s.minimum) {
      out.add(new Violation(Rules.SCHEMA_VALUE, path, "is " + n + "; minimum is " + trim(s.minimum)));
    }
    if (s.maximum != null && d > s.maximum) {
      out.add(new Violation(Rules.SCHEMA_VALUE, path, "is " + n + "; maximum is " + trim(s.maximum)));
    }
  }

  private static void checkArray(List<?> l, SchemaNode s, String path, List<Violation> out, int depth) {
    if (s.minItems != null && l.size() < s.minItems) {
      out.add(new Violation(Rules.SCHEMA_VALUE, path, "has " + l.size() + " items; at least " + s.minItems + " needed"));
    }
    if (s.maxItems != null && l.size() > s.maxItems) {
      out.add(new Violation(Rules.SCHEMA_VALUE, path, "has " + l.size() + " items; at most " + s.maxItems + " allowed"));
    }
    if (s.items != null) {
      for (int i = 0; i < l.size(); i++) {
        check(l.get(i), s.items, path + "[" + i + "]", true, out, depth + 1);
      }
    }
  }

  private static void checkObject(Map<?, ?> m, SchemaNode s, String path, boolean strictHere, List<Violation> out, int depth) {
    for (String r : s.required) {
      if (!m.containsKey(r)) {
        out.add(new Violation(Rules.SCHEMA_REQUIRED, JsonPaths.child(path, r), "is required but missing"));
      }
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey());
      String p = JsonPaths.child(path, key);
      SchemaNode prop = s.properties == null ? null : s.properties.get(key);
      if (prop != null) {
        check(e.getValue(), prop, p, true, out, depth + 1);
      } else if (s.additional != null) {
        check(e.getValue(), s.additional, p, true, out, depth + 1);
      } else if (strictHere && s.strict() && !s.known.contains(key) && !(path.isEmpty() && ROOT_FIELDS.contains(key))) {
        out.add(new Violation(Rules.SCHEMA_UNKNOWN_FIELD, p, "is not a field of this object" + JsonPaths.suggestion(key, s.known)));
      }
    }
  }

  private static boolean typeOk(SchemaNode s, String actual) {
    if (s.intOrString) {
      return "string".equals(actual) || "integer".equals(actual);
    }
    if (s.types == null) {
      return true;
    }
    if (s.types.contains(actual)) {
      return true;
    }
    return "integer".equals(actual) && s.types.contains("number");
  }

  static String typeOf(Object v) {
    return switch (v) {
      case String s -> "string";
      case Boolean b -> "boolean";
      case Integer i -> "integer";
      case Long l -> "integer";
      case BigInteger b -> "integer";
      case Short s -> "integer";
      case Byte b -> "integer";
      case BigDecimal d -> d.stripTrailingZeros().scale() <= 0 ? "integer" : "number";
      case Number n -> n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue()) ? "integer" : "number";
      case List<?> l -> "array";
      case Map<?, ?> m -> "object";
      default -> "unknown";
    };
  }

  private static boolean same(JsonNode e, Object v) {
    if (e.isTextual()) {
      return v instanceof String s && s.equals(e.asText());
    }
    if (e.isNumber()) {
      return v instanceof Number n && n.doubleValue() == e.asDouble();
    }
    if (e.isBoolean()) {
      return v instanceof Boolean b && b == e.asBoolean();
    }
    return e.isNull() && v == null;
  }

  private static String expected(SchemaNode s) {
    if (s.intOrString) {
      return "an integer or a string";
    }
    List<String> t = new ArrayList<>(s.types);
    t.remove("null");
    t.sort(null);
    return String.join(" or ", t.stream().map(x -> article(x) + x).toList());
  }

  private static String describe(String type, Object v, String path) {
    return article(type) + type + ("object".equals(type) || "array".equals(type) ? "" : " (" + brief(v, path) + ")");
  }

  private static String article(String type) {
    return switch (type) {
      case "object", "array", "integer" -> "an ";
      default -> "a ";
    };
  }

  /** The value for a message, unless the field may hold a secret (never echo those). */
  private static String brief(Object v, String path) {
    if (SENSITIVE.matcher(path).find()) {
      return "<value hidden>";
    }
    String s = String.valueOf(v);
    s = s.length() > 60 ? s.substring(0, 60) + "..." : s;
    return v instanceof String ? "\"" + s + "\"" : s;
  }

  private static String allowed(List<JsonNode> values) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : values) {
      out.add(e.isTextual() ? e.asText() : e.toString());
      if (out.size() == 12) {
        out.add("...");
        break;
      }
    }
    return String.join(", ", out);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
