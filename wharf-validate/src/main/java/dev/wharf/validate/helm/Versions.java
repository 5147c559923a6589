package dev.wharf.validate.helm;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks a chart version among those available, as source-controller does. */
final class Versions {
  private Versions() {}

  /**
   * An exact string match first; else the newest version (three-part semver) that satisfies
   * {@code wanted} as a constraint, where an empty or {@code *} constraint means the newest
   * stable one. Empty when none fits, or when {@code wanted} is not a constraint at all.
   */
  static Optional<String> pick(List<String> available, String wanted) {
    if (!wanted.isEmpty() && available.contains(wanted)) {
      return Optional.of(wanted);
    }
    String c = wanted.isEmpty() ? "*" : wanted;
    Optional<VersionConstraint> constraint = VersionConstraint.parse(c);
    if (constraint.isEmpty()) {
      return Optional.empty();
    }
    return available.stream().map(ChartVersion::parse).flatMap(Optional::stream).filter(constraint.get()::matches)
        .max(Comparator.naturalOrder()).map(ChartVersion::original);
  }
}
