package dev.wharf.validate.report;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Report;
import java.io.PrintWriter;

/** Human output: one finding per line with its fix indented below, then the summary line. */
final class TextReport {
  private TextReport() {}

  static void write(Report report, PrintWriter out) {
    for (Finding f : report.findings()) {
      out.println(line(f));
      if (!f.fix().isEmpty()) {
        out.println("    fix: " + f.fix());
      }
    }
    out.println(report.summaryLine());
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
