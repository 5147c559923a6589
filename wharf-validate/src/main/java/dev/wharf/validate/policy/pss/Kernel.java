package dev.wharf.validate.policy.pss;

import dev.wharf.validate.Yamls;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Baseline: the default /proc mount, and only the namespaced "safe" sysctls of the version. */
final class Kernel implements Control {
  @Override
  public void check(Pod pod, Level level, int minor, List<Violation> out) {
    for (Pod.Container c : pod.containers()) {
      Object procMount = c.security("procMount");
      if (procMount != null && !"Default".equals(procMount)) {
        out.add(new Violation("/proc Mount Type", Level.BASELINE, c.path() + ".securityContext.procMount",
            Pod.describe(c) + " sets procMount " + procMount + ", unmasking /proc", "Remove securityContext.procMount (or set it Default)."));
      }
    }
    Set<String> allowed = safeSysctls(minor);
    List<Object> sysctls = Yamls.list(pod.security("sysctls"));
    for (int i = 0; i < sysctls.size(); i++) {
      String name = Yamls.string(Yamls.map(sysctls.get(i)).get("name"));
      if (!allowed.contains(name)) {
        out.add(new Violation("Sysctls", Level.BASELINE, pod.specPath() + ".securityContext.sysctls[" + i + "].name",
            "the pod sets sysctl " + name + ", which is not one of the safe, namespaced ones",
            "Remove it; baseline v1." + minor + " allows only " + String.join(", ", new TreeSet<>(allowed)) + "."));
      }
    }
  }

  static Set<String> safeSysctls(int minor) {
    Set<String> s = new HashSet<>(Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"));
    if (minor >= 27) {
      s.add("net.ipv4.ip_local_reserved_ports");
    }
    if (minor >= 29) {
      s.addAll(Set.of("net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"));
    }
    if (minor >= 32) {
      s.addAll(Set.of("net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"));
    }
    return s;
  }
}
