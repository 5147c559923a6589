package dev.wharf.validate.helm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets one value at a valuesFrom {@code targetPath} as Flux does (helm's --set parser): dots
 * separate keys, {@code \.} escapes a dot, a quoted value stays a string, {@code literal}
 * values are taken verbatim, and an unquoted one is typed (true, false, null, integers without
 * a leading zero; {@code {a,b}} is a list). What the --set syntax would read as more than one
 * assignment (an unescaped comma) or a list index in the path is refused with a reason.
 */
final class TargetPath {
  private TargetPath() {}

  /** Sets the value; returns null, or why the value or path cannot be set. */
  static String set(Map<String, Object> values, String path, String value, boolean literal) {
    if (path.contains("[")) {
      return "targetPath '" + path + "' indexes a list, which this check does not evaluate";
    }
    List<String> keys = keysOf(path);
    if (keys.isEmpty() || keys.stream().anyMatch(String::isEmpty)) {
      return "targetPath '" + path + "' is not a dotted path of keys";
    }
    Object typed;
    boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"));
    if (literal) {
      typed = value;
    } else if (quoted && !unescapedComma(value)) {
      typed = value.replaceAll("^[\"']+|[\"']+$", ""); // Flux trims every leading and trailing quote
    } else if (value.startsWith("{") && value.endsWith("}")) {
      List<Object> list = new ArrayList<>();
      for (String item : value.substring(1, value.length() - 1).split(",", -1)) {
        list.add(typed(item));
      }
      typed = list;
    } else if (unescapedComma(value) && !(value.startsWith("{") && value.endsWith("}"))) {
      return "the value for targetPath '" + path + "' contains a comma, which Flux's --set parser reads as a second assignment; "
          + "quote the value or set literal: true";
    } else {
      typed = typed(value.replace("\\,", ","));
    }
    put(values, keys, typed);
    return null;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> values, List<String> keys, Object value) {
    Map<String, Object> cur = values;
    for (String k : keys.subList(0, keys.size() - 1)) {
      if (!(cur.get(k) instanceof Map<?, ?>)) {
        cur.put(k, new LinkedHashMap<String, Object>());
      }
      cur = (Map<String, Object>) cur.get(k);
    }
    cur.put(keys.get(keys.size() - 1), value);
  }

  /** The keys of a dotted path, {@code \\.} read as a dot inside a key. */
  static List<String> keysOf(String path) {
    List<String> out = new ArrayList<>();
    StringBuilder k = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '.') {
        k.append('.');
        i++;
      } else if (c == '.') {
        out.add(k.toString());
        k.setLength(0);
      } else {
        k.append(c);
      }
    }
    out.add(k.toString());
    return out;
  }

  private static boolean unescapedComma(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '\\') {
        i++;
      } else if (v.charAt(i) == ',') {
        return true;
      }
    }
    return false;
  }

  /** helm strvals typedVal. */
  private static Object typed(String v) {
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    if (v.equalsIgnoreCase("null")) {
      return null;
    }
    if (v.equals("0")) {
      return 0L;
    }
    if (!v.isEmpty() && v.charAt(0) != '0') {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException notAnInteger) {
        // a string
      }
    }
    return v;
  }
}
