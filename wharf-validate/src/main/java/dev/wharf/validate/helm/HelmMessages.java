package dev.wharf.validate.helm;

/**
 * helm's error output made fit for one finding: one line, without the hint to use --debug,
 * with long template texts that tpl errors quote cut short, and at most a bounded length
 * (keeping the end, where helm puts the cause).
 */
final class HelmMessages {
  private static final int MAX = 900;

  private HelmMessages() {}

  static String clean(String stderr) {
    String s = stderr.replaceAll("(?m)^Use --debug flag to render out invalid YAML\\s*$", "")
        .replaceAll("(?m)^(WARNING|walk\\.go|level=WARN).*$", "")
        .strip()
        .replaceFirst("^Error: ", "")
        .replaceAll("\\s*\\n\\s*", "; ");
    s = shortenQuotedTemplates(s);
    if (s.isEmpty()) {
      return "no error output";
    }
    return s.length() <= MAX ? s : s.substring(0, 200) + " ... " + s.substring(s.length() - (MAX - 205));
  }

  /** tpl errors quote the whole template they ran, {@code for "...": }, which can be kilobytes. */
  private static String shortenQuotedTemplates(String s) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    int at;
    while ((at = s.indexOf("for \"", from)) >= 0) {
      int end = closingQuote(s, at + 5);
      out.append(s, from, at + 5);
      if (end > 0 && end - at > 200 && s.startsWith("\": ", end)) {
        out.append("...");
      } else if (end > 0) {
        out.append(s, at + 5, end);
      } else {
        from = at + 5;
        continue;
      }
      from = end;
    }
    return out.append(s.substring(from)).toString();
  }

  /** The index of the quote that closes a Go-quoted string starting at {@code from}, or -1. */
  private static int closingQuote(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  /** helm's message when values.schema.json rejects the values. */
  static boolean isSchemaRejection(String cleaned) {
    return cleaned.contains("values don't meet the specifications of the schema");
  }
}
