package dev.wharf.validate.policy.pss;

import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.Set;

/**
 * Baseline: added capabilities only from the container runtime's default set. Restricted
 * (v1.22+, replacing it): drop ALL, add at most NET_BIND_SERVICE.
 */
final class Capabilities implements Control {
  private static final Set<String> BASELINE_ADD = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
      "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  @Override
  public void check(Pod pod, Level level, int minor, List<Violation> out) {
    boolean restricted = level == Level.RESTRICTED && minor >= 22;
    if (restricted && pod.windows(minor)) {
      return; // the restricted check replaces the baseline one, and exempts Windows pods
    }
    for (Pod.Container c : pod.containers()) {
      List<Object> add = Yamls.list(c.security("capabilities", "add"));
      for (int i = 0; i < add.size(); i++) {
        String cap = Yamls.string(add.get(i));
        boolean ok = restricted ? cap.equals("NET_BIND_SERVICE") : BASELINE_ADD.contains(cap);
        if (!ok) {
          out.add(new Violation("Capabilities", restricted ? Level.RESTRICTED : Level.BASELINE, c.path() + ".securityContext.capabilities.add[" + i + "]",
              Pod.describe(c) + " adds capability " + cap, restricted ? "Add no capability other than NET_BIND_SERVICE."
                  : "Remove " + cap + "; baseline allows adding only " + String.join(", ", new java.util.TreeSet<>(BASELINE_ADD)) + "."));
        }
      }
      if (restricted && !Yamls.list(c.security("capabilities", "drop")).contains("ALL")) {
        out.add(new Violation("Capabilities", Level.RESTRICTED, c.path() + ".securityContext.capabilities.drop",
            Pod.describe(c) + " does not drop ALL capabilities", "Set securityContext.capabilities.drop: [ALL]."));
      }
    }
  }
}
