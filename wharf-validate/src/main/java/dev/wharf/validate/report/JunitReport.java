package dev.wharf.validate.report;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Report;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML: one test suite, one test case per file with findings (each finding a failure
 * inside it) and one passing case for a clean tree.
 */
final class JunitReport {
  private JunitReport() {}

  static void write(Report report, PrintWriter out) {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      byFile.computeIfAbsent(f.file().isEmpty() ? "(tree)" : f.file(), k -> new java.util.ArrayList<>()).add(f);
    }
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.printf("<testsuites name=\"wharf validate\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
        Math.max(1, byFile.size()), report.findings().size(), report.totalMillis() / 1000.0);
    out.printf("  <testsuite name=\"wharf validate\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.3f\">%n",
        Math.max(1, byFile.size()), report.findings().size(), report.totalMillis() / 1000.0);
    if (byFile.isEmpty()) {
      out.printf("    <testcase classname=\"wharf.validate\" name=\"%d resources\"/>%n", report.resources());
    }
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      out.printf("    <testcase classname=\"wharf.validate\" name=\"%s\" file=\"%s\">%n", esc(e.getKey()), esc(e.getKey()));
      for (Finding f : e.getValue()) {
        out.printf("      <failure type=\"%s\" message=\"%s\">%s</failure>%n", esc(f.rule()), esc(TextReport.line(f)),
            esc("object: " + f.objectName() + "\npath: " + f.path() + "\nfix: " + f.fix()));
      }
      out.println("    </testcase>");
    }
    if (!report.notes().isEmpty()) {
      out.printf("    <system-out>%s</system-out>%n", esc(String.join("\n", report.notes())));
    }
    out.println("  </testsuite>");
    out.println("</testsuites>");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\n' -> b.append("&#10;");
        default -> b.append(c < 0x20 && c != '\t' ? ' ' : c);
      }
    }
    return b.toString();
  }
}
