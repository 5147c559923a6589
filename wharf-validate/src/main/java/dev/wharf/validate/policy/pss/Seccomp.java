package dev.wharf.validate.policy.pss;

import dev.wharf.validate.JsonPaths;
import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.Map;

/**
 * Baseline: a seccomp profile, when set, is RuntimeDefault or Localhost (before v1.19 the
 * annotations). Restricted (v1.19+, replacing it): the profile must be set, on the pod or on
 * every container.
 */
final class Seccomp implements Control {
  private static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  private static final String CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/";
  private static final String FIX = "Set securityContext.seccompProfile.type: RuntimeDefault on the pod (spec.securityContext) or on the container.";

  @Override
  public void check(Pod pod, Level level, int minor, List<Violation> out) {
    if (minor < 19) {
      annotations(pod, out);
      return;
    }
    boolean restricted = level == Level.RESTRICTED;
    if (restricted && pod.windows(minor)) {
      return;
    }
    Object podType = pod.security("seccompProfile", "type");
    boolean podSet = podType != null && valid(podType);
    if (podType != null && !valid(podType)) {
      out.add(new Violation("Seccomp", Level.BASELINE, pod.specPath() + ".securityContext.seccompProfile.type",
          "the pod sets seccomp profile " + podType, FIX));
    }
    for (Pod.Container c : pod.containers()) {
      Object type = c.security("seccompProfile", "type");
      if (type != null && !valid(type)) {
        out.add(new Violation("Seccomp", Level.BASELINE, c.path() + ".securityContext.seccompProfile.type", Pod.describe(c) + " sets seccomp profile " + type, FIX));
      } else if (type == null && restricted && !podSet) {
        out.add(new Violation("Seccomp", Level.RESTRICTED, c.path() + ".securityContext.seccompProfile.type",
            Pod.describe(c) + " runs without a seccomp profile (neither it nor the pod sets one)", FIX));
      }
    }
  }

  private static boolean valid(Object type) {
    return "RuntimeDefault".equals(type) || "Localhost".equals(type);
  }

  private static void annotations(Pod pod, List<Violation> out) {
    Map<String, Object> annotations = Yamls.map(pod.metadata().get("annotations"));
    for (Map.Entry<String, Object> a : annotations.entrySet()) {
      String v = Yamls.string(a.getValue());
      boolean ours = a.getKey().equals(POD_ANNOTATION) || a.getKey().startsWith(CONTAINER_ANNOTATION);
      if (ours && !(v.equals("runtime/default") || v.equals("docker/default") || v.startsWith("localhost/"))) {
        out.add(new Violation("Seccomp", Level.BASELINE, JsonPaths.child(pod.metadataPath() + ".annotations", a.getKey()),
            "annotation " + a.getKey() + " sets seccomp profile '" + v + "'", "Use runtime/default or a localhost/ profile."));
      }
    }
  }
}
