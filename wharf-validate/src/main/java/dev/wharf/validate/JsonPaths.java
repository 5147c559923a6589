package dev.wharf.validate;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The JSON paths findings carry ({@code spec.values.server["grafana.ini"]}) and the "did you
 * mean" hint for a key that is not known.
 */
public final class JsonPaths {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private JsonPaths() {}

  /** {@code path} extended by {@code key}: dotted when plain, else {@code ["key"]}. */
  public static String child(String path, String key) {
    String k = PLAIN_KEY.matcher(key).matches() ? key : "[\"" + key.replace("\"", "\\\"") + "\"]";
    if (path.isEmpty()) {
      return k;
    }
    return k.startsWith("[") ? path + k : path + "." + k;
  }

  /** " (did you mean 'x'?)" for the closest of {@code known} within 2 edits, else "". */
  public static String suggestion(String key, Collection<String> known) {
    String best = null;
    int bestDist = 3;
    for (String k : known) {
      int d = distance(key.toLowerCase(), k.toLowerCase());
      if (d < bestDist) {
        bestDist = d;
        best = k;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3) {
      return 99;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
