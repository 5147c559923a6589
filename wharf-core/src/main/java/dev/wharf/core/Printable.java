package dev.wharf.core;

/** Shows rejected input in error messages safely: quoted, control characters escaped, capped. */
final class Printable {

  private static final int MAX_SHOWN = 80;

  private Printable() {}

  static String quote(String value) {
    var out = new StringBuilder("\"");
    int shown = Math.min(value.length(), MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    if (shown < value.length()) {
      out.append("...");
    }
    return out.append('"').toString();
  }
}
