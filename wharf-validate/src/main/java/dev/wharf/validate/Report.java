package dev.wharf.validate;

import java.util.List;

/**
 * The result of one run: findings (sorted, no duplicates), how many objects and files were
 * checked, and how long rendering and the whole run took.
 */
public record Report(List<Finding> findings, int resources, int files, long renderMillis, long totalMillis) {
  public boolean clean() {
    return findings.isEmpty();
  }

  /** The same report with {@code prefix} put before every file path (e.g. "gitops/"). */
  public Report withFilePrefix(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    List<Finding> moved = findings.stream().map(f -> f.file().isEmpty() ? f : f.withFile(prefix + f.file())).toList();
    return new Report(moved, resources, files, renderMillis, totalMillis);
  }

  /** The same report timed from an earlier start (option parsing, schema indexing included). */
  public Report withTotalMillis(long millis) {
    return new Report(findings, resources, files, renderMillis, Math.max(millis, totalMillis));
  }

  /** Exactly the last line every output format ends with. */
  public String summaryLine() {
    return "validate: " + resources + " resources in " + files + " files, " + findings.size() + " errors, " + totalMillis + " ms";
  }
}
