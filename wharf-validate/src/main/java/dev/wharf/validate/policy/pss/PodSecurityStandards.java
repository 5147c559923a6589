package dev.wharf.validate.policy.pss;

import java.util.ArrayList;
import java.util.List;

/**
 * The Pod Security Standards as Pod Security admission evaluates them: every baseline control,
 * and at restricted also the restricted ones (some of which replace a baseline one), in the
 * version the namespace pins (v1.{@code minor}).
 */
public final class PodSecurityStandards {
  private static final List<Control> CONTROLS = List.of(new HostAccess(), new Privileges(), new Capabilities(), new Volumes(),
      new AccessControl(), new Seccomp(), new Kernel(), new Users());

  private PodSecurityStandards() {}

  public static List<Violation> check(Pod pod, Level level, int minor) {
    List<Violation> out = new ArrayList<>();
    if (level == Level.PRIVILEGED) {
      return out;
    }
    for (Control c : CONTROLS) {
      c.check(pod, level, minor, out);
    }
    return out;
  }
}
