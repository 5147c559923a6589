package dev.wharf.validate.policy.pss;

import java.util.List;

/** Baseline: no privileged containers. Restricted: allowPrivilegeEscalation: false on every container. */
final class Privileges implements Control {
  @Override
  public void check(Pod pod, Level level, int minor, List<Violation> out) {
    for (Pod.Container c : pod.containers()) {
      if (Boolean.TRUE.equals(c.security("privileged"))) {
        out.add(new Violation("Privileged Containers", Level.BASELINE, c.path() + ".securityContext.privileged",
            Pod.describe(c) + " is privileged", "Remove securityContext.privileged (or set it false) and add only the capabilities it needs."));
      }
      if (level == Level.RESTRICTED && minor >= 8 && !pod.windows(minor) && !Boolean.FALSE.equals(c.security("allowPrivilegeEscalation"))) {
        out.add(new Violation("Privilege Escalation", Level.RESTRICTED, c.path() + ".securityContext.allowPrivilegeEscalation",
            Pod.describe(c) + " does not set securityContext.allowPrivilegeEscalation: false", "Set securityContext.allowPrivilegeEscalation: false."));
      }
    }
  }
}
