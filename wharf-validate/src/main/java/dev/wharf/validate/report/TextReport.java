package dev.wharf.validate.report;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Report;
import java.io.PrintWriter;

/**
 * Human output: one finding per line with its fix indented below, then the notes (what was
 * not checked and why), then the summary line.
 */
final class TextReport {
  private TextReport() {}

  static void write(Report report, PrintWriter out) {
    for (Finding f : report.findings()) {
      out.println(printable(line(f)));
      if (!f.fix().isEmpty()) {
        out.println(printable("    fix: " + f.fix()));
      }
    }
    for (String note : report.notes()) {
      out.println(printable("note: " + note));
    }
    out.println(report.summaryLine());
  }

  /**
   * Control and bidirectional-override characters from a manifest (a name, a value) shown as
   * \\uXXXX, so a hostile file cannot move the cursor, recolour or reorder a terminal or CI log.
   */
  static String printable(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean unsafe = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
      if (unsafe && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (unsafe) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  static String line(Finding f) {
    StringBuilder b = new StringBuilder(f.file().isEmpty() ? "(tree)" : f.file());
    if (f.line() > 0) {
      b.append(':').append(f.line());
    }
    b.append(": ");
    if (f.object() != null) {
      b.append(f.objectName()).append(": ");
    }
    b.append('[').append(f.rule()).append("] ").append(f.message());
    if (!f.path().isEmpty() && !f.message().startsWith(f.path())) {
      b.append(" (at ").append(f.path()).append(')');
    }
    return b.toString();
  }
}
