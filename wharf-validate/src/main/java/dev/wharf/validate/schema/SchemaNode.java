package dev.wharf.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One compiled JSON Schema (the OpenAPI subset Kubernetes uses), built once per schema file
 * so that validation never re-reads JSON. Keywords that only carry documentation or server
 * behaviour (description, x-kubernetes-list-type, CEL validations) are not kept.
 */
final class SchemaNode {
  Set<String> types; // null: any type
  boolean nullable;
  boolean preserveUnknown;
  boolean intOrString;
  Map<String, SchemaNode> properties; // null: none declared
  SchemaNode additional; // schema for other properties
  boolean additionalFalse;
  SchemaNode items;
  List<String> required = List.of();
  List<JsonNode> enumValues;
  Pattern pattern;
  Double minimum;
  Double maximum;
  Integer minLength;
  Integer maxLength;
  Integer minItems;
  Integer maxItems;
  List<SchemaNode> allOf = List.of();
  List<SchemaNode> anyOf = List.of();
  List<SchemaNode> oneOf = List.of();
  SchemaNode not;
  /** Properties declared here or in allOf/anyOf/oneOf branches: the known set for strictness. */
  Set<String> known;

  static SchemaNode compile(JsonNode json) {
    return compile(json, 0);
  }

  private static SchemaNode compile(JsonNode j, int depth) {
    SchemaNode s = new SchemaNode();
    if (j == null || !j.isObject() || depth > 150) {
      return s;
    }
    JsonNode type = j.get("type");
    if (type != null) {
      s.types = new HashSet<>();
      if (type.isArray()) {
        type.forEach(t -> s.types.add(t.asText()));
      } else {
        s.types.add(type.asText());
      }
    }
    s.nullable = j.path("nullable").asBoolean(false);
    s.preserveUnknown = j.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    s.intOrString = j.path("x-kubernetes-int-or-string").asBoolean(false) || "int-or-string".equals(j.path("format").asText());
    JsonNode props = j.get("properties");
    if (props != null && props.isObject()) {
      s.properties = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : props.properties()) {
        s.properties.put(e.getKey(), compile(e.getValue(), depth + 1));
      }
    }
    JsonNode add = j.get("additionalProperties");
    if (add != null) {
      if (add.isBoolean()) {
        s.additionalFalse = !add.asBoolean();
      } else if (add.isObject()) {
        s.additional = compile(add, depth + 1);
      }
    }
    JsonNode items = j.get("items");
    if (items != null && items.isObject()) {
      s.items = compile(items, depth + 1);
    }
    JsonNode req = j.get("required");
    if (req != null && req.isArray()) {
      List<String> r = new ArrayList<>();
      req.forEach(x -> r.add(x.asText()));
      s.required = r;
    }
    JsonNode en = j.get("enum");
    if (en != null && en.isArray()) {
      s.enumValues = new ArrayList<>();
      en.forEach(s.enumValues::add);
    }
    if (j.hasNonNull("pattern")) {
      try {
        s.pattern = Pattern.compile(j.get("pattern").asText());
      } catch (PatternSyntaxException unsupported) {
        s.pattern = null; // an RE2-only construct: skip the check rather than report noise
      }
    }
    s.minimum = num(j, "minimum");
    s.maximum = num(j, "maximum");
    s.minLength = integer(j, "minLength");
    s.maxLength = integer(j, "maxLength");
    s.minItems = integer(j, "minItems");
    s.maxItems = integer(j, "maxItems");
    s.allOf = list(j.get("allOf"), depth);
    s.anyOf = list(j.get("anyOf"), depth);
    s.oneOf = list(j.get("oneOf"), depth);
    if (j.get("not") != null && j.get("not").isObject()) {
      s.not = compile(j.get("not"), depth + 1);
    }
    s.known = new HashSet<>();
    if (s.properties != null) {
      s.known.addAll(s.properties.keySet());
    }
    for (List<SchemaNode> branch : List.of(s.allOf, s.anyOf, s.oneOf)) {
      for (SchemaNode b : branch) {
        s.known.addAll(b.known);
        s.preserveUnknown |= b.preserveUnknown && b.properties == null;
      }
    }
    return s;
  }

  /** True when an object here must not carry properties outside {@link #known}. */
  boolean strict() {
    return !preserveUnknown && additional == null && (additionalFalse || !known.isEmpty());
  }

  private static List<SchemaNode> list(JsonNode arr, int depth) {
    if (arr == null || !arr.isArray()) {
      return List.of();
    }
    List<SchemaNode> out = new ArrayList<>();
    arr.forEach(x -> out.add(compile(x, depth + 1)));
    return out;
  }

  private static Double num(JsonNode j, String k) {
    JsonNode n = j.get(k);
    return n != null && n.isNumber() ? n.asDouble() : null;
  }

  private static Integer integer(JsonNode j, String k) {
    JsonNode n = j.get(k);
    return n != null && n.isNumber() ? n.asInt() : null;
  }
}
