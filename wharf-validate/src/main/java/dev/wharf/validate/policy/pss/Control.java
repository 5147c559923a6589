package dev.wharf.validate.policy.pss;

import java.util.List;

/**
 * One family of Pod Security Standards controls. {@code check} adds what {@code pod} breaks at
 * {@code level} (baseline or restricted) as Pod Security admission of version v1.{@code minor}
 * evaluates it.
 */
interface Control {
  void check(Pod pod, Level level, int minor, List<Violation> out);
}
