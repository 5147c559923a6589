package dev.wharf.validate;

import java.util.List;

/**
 * The result of one run: findings (sorted, no duplicates), how many objects were checked and
 * how many of them charts rendered, how many files, notes on what was not checked and why
 * (a valuesFrom that only exists at run time, a release exempt from rendering), and how long
 * rendering (kustomize and helm) and the whole run took.
 */
public record Report(List<Finding> findings, int resources, int chartResources, int files, List<String> notes, long renderMillis,
    long totalMillis) {

  public Report(List<Finding> findings, int resources, int files, long renderMillis, long totalMillis) {
    this(findings, resources, 0, files, List.of(), renderMillis, totalMillis);
  }

  public boolean clean() {
    return findings.isEmpty();
  }

  /** The same report with {@code prefix} put before every file path (e.g. "gitops/"). */
  public Report withFilePrefix(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    List<Finding> moved = findings.stream().map(f -> f.file().isEmpty() ? f : f.withFile(prefix + f.file())).toList();
    return new Report(moved, resources, chartResources, files, notes, renderMillis, totalMillis);
  }

  /** The same report timed from an earlier start (option parsing, schema indexing included). */
  public Report withTotalMillis(long millis) {
    return new Report(findings, resources, chartResources, files, notes, renderMillis, Math.max(millis, totalMillis));
  }

  /** Exactly the last line every output format ends with. */
  public String summaryLine() {
    return "validate: " + resources + " resources (" + chartResources + " from charts) in " + files + " files, " + findings.size()
        + " errors, " + totalMillis + " ms";
  }
}
