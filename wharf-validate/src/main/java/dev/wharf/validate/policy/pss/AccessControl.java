package dev.wharf.validate.policy.pss;

import dev.wharf.validate.JsonPaths;
import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Baseline: AppArmor may not be turned off or overridden, SELinux only with the container types. */
final class AccessControl implements Control {
  private static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";
  private static final Set<String> SELINUX_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t");

  @Override
  public void check(Pod pod, Level level, int minor, List<Violation> out) {
    appArmor(pod.security("appArmorProfile", "type"), pod.specPath() + ".securityContext.appArmorProfile.type", "the pod", out);
    seLinux(Yamls.map(pod.security("seLinuxOptions")), pod.specPath() + ".securityContext.seLinuxOptions", "the pod", minor, out);
    for (Pod.Container c : pod.containers()) {
      appArmor(c.security("appArmorProfile", "type"), c.path() + ".securityContext.appArmorProfile.type", Pod.describe(c), out);
      seLinux(Yamls.map(c.security("seLinuxOptions")), c.path() + ".securityContext.seLinuxOptions", Pod.describe(c), minor, out);
    }
    for (Map.Entry<String, Object> a : Yamls.map(pod.metadata().get("annotations")).entrySet()) {
      String v = Yamls.string(a.getValue());
      if (a.getKey().startsWith(APPARMOR_ANNOTATION) && !(v.isEmpty() || v.equals("runtime/default") || v.startsWith("localhost/"))) {
        out.add(new Violation("AppArmor", Level.BASELINE, JsonPaths.child(pod.metadataPath() + ".annotations", a.getKey()),
            "annotation " + a.getKey() + " sets AppArmor profile '" + v + "'", "Use runtime/default or a localhost/ profile, or remove the annotation."));
      }
    }
  }

  private static void appArmor(Object type, String path, String who, List<Violation> out) {
    if (type != null && !"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
      out.add(new Violation("AppArmor", Level.BASELINE, path, who + " sets AppArmor profile type " + type,
          "Use appArmorProfile.type RuntimeDefault or Localhost, or leave it unset."));
    }
  }

  private static void seLinux(Map<String, Object> opts, String path, String who, int minor, List<Violation> out) {
    if (opts.isEmpty()) {
      return;
    }
    String type = Yamls.string(opts.get("type"));
    if (!SELINUX_TYPES.contains(type) && !(minor >= 31 && type.equals("container_engine_t"))) {
      out.add(new Violation("SELinux", Level.BASELINE, path + ".type", who + " sets SELinux type " + type,
          "Leave seLinuxOptions.type unset or use container_t, container_init_t, container_kvm_t" + (minor >= 31 ? " or container_engine_t." : ".")));
    }
    for (String field : List.of("user", "role")) {
      if (!Yamls.string(opts.get(field)).isEmpty()) {
        out.add(new Violation("SELinux", Level.BASELINE, path + "." + field, who + " sets a custom SELinux " + field,
            "Remove seLinuxOptions." + field + "."));
      }
    }
  }
}
