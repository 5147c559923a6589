package dev.wharf.validate.report;

import dev.wharf.validate.Report;
import java.io.PrintWriter;

/**
 * Output formats. Text ends with {@link Report#summaryLine()}; JUnit and SARIF are pure
 * documents (so they can be redirected to a file) and the caller prints the summary line
 * elsewhere.
 */
public enum Format {
  TEXT, JUNIT, SARIF;

  /** True when the document itself ends with the summary line. */
  public boolean includesSummary() {
    return this == TEXT;
  }

  public void write(Report report, PrintWriter out) {
    switch (this) {
      case TEXT -> TextReport.write(report, out);
      case JUNIT -> JunitReport.write(report, out);
      case SARIF -> SarifReport.write(report, out);
    }
    out.flush();
  }
}
