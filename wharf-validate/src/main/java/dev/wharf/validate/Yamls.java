package dev.wharf.validate;

import java.util.List;
import java.util.Map;

/** Small helpers to read loaded YAML (maps, lists and scalars) without casts everywhere. */
public final class Yamls {
  private Yamls() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  public static String string(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  /** Follows keys through nested maps; null when any step is missing. */
  public static Object at(Object root, String... keys) {
    Object cur = root;
    for (String k : keys) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(k);
    }
    return cur;
  }
}
