package dev.wharf.operator.http;

import java.util.regex.Pattern;

/**
 * Checks identifiers before they become URL path segments. Wharf's names are DNS labels and
 * a few joiners, so anything else (/, .., %, ?) is refused instead of being encoded.
 */
public final class PathSegments {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+$-]{0,199}");

  private PathSegments() {}

  public static String check(String what, String value) {
    if (value == null || !SAFE.matcher(value).matches() || value.contains("..")) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a safe name: use letters, digits, '-', '_', '.', '+'");
    }
    return value;
  }
}
