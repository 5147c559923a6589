package dev.wharf.validate.policy.pss;

import java.util.List;

/** Restricted: containers must run as non-root (runAsNonRoot: true) and never as UID 0 (v1.23+). */
final class Users implements Control {
  @Override
  public void check(Pod pod, Level level, int minor, List<Violation> out) {
    if (level != Level.RESTRICTED) {
      return;
    }
    Object podNonRoot = pod.security("runAsNonRoot");
    if (Boolean.FALSE.equals(podNonRoot)) {
      out.add(new Violation("Running as Non-root", Level.RESTRICTED, pod.specPath() + ".securityContext.runAsNonRoot",
          "the pod sets runAsNonRoot: false", "Set spec.securityContext.runAsNonRoot: true and run the image as a non-root user."));
    }
    if (minor >= 23 && isZero(pod.security("runAsUser"))) {
      out.add(new Violation("Running as Non-root user", Level.RESTRICTED, pod.specPath() + ".securityContext.runAsUser",
          "the pod runs as UID 0 (root)", "Set runAsUser to a non-zero UID, or remove it and let the image's non-root user apply."));
    }
    for (Pod.Container c : pod.containers()) {
      Object nonRoot = c.security("runAsNonRoot");
      if (Boolean.FALSE.equals(nonRoot) || (nonRoot == null && !Boolean.TRUE.equals(podNonRoot))) {
        out.add(new Violation("Running as Non-root", Level.RESTRICTED, c.path() + ".securityContext.runAsNonRoot",
            Pod.describe(c) + (nonRoot == null ? " is not required to run as non-root (neither it nor the pod sets runAsNonRoot: true)" : " sets runAsNonRoot: false"),
            "Set runAsNonRoot: true on the pod (spec.securityContext) or on the container, with an image that runs as a non-root user."));
      }
      if (minor >= 23 && isZero(c.security("runAsUser"))) {
        out.add(new Violation("Running as Non-root user", Level.RESTRICTED, c.path() + ".securityContext.runAsUser",
            Pod.describe(c) + " runs as UID 0 (root)", "Set runAsUser to a non-zero UID, or remove it and let the image's non-root user apply."));
      }
    }
  }

  private static boolean isZero(Object o) {
    return o instanceof Number n && n.longValue() == 0;
  }
}
