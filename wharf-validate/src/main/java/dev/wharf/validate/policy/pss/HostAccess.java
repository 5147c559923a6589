package dev.wharf.validate.policy.pss;

import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.Map;

/**
 * Baseline: HostProcess, host namespaces, host ports, and (v1.34+) probes and lifecycle hooks
 * that name a host.
 */
final class HostAccess implements Control {
  @Override
  public void check(Pod pod, Level level, int minor, List<Violation> out) {
    if (Boolean.TRUE.equals(pod.security("windowsOptions", "hostProcess"))) {
      out.add(new Violation("HostProcess", Level.BASELINE, pod.specPath() + ".securityContext.windowsOptions.hostProcess",
          "the pod runs as a Windows HostProcess pod, with privileged access to the node", "Remove windowsOptions.hostProcess (or set it false)."));
    }
    for (Pod.Container c : pod.containers()) {
      if (Boolean.TRUE.equals(c.security("windowsOptions", "hostProcess"))) {
        out.add(new Violation("HostProcess", Level.BASELINE, c.path() + ".securityContext.windowsOptions.hostProcess",
            Pod.describe(c) + " runs as a Windows HostProcess container", "Remove securityContext.windowsOptions.hostProcess (or set it false)."));
      }
    }
    for (String ns : List.of("hostNetwork", "hostPID", "hostIPC")) {
      if (Boolean.TRUE.equals(pod.spec().get(ns))) {
        out.add(new Violation("Host Namespaces", Level.BASELINE, pod.specPath() + "." + ns, "the pod shares the node's namespace (" + ns + ": true)",
            "Remove " + ns + " (or set it false); a workload that truly needs it belongs in a namespace labelled pod-security.kubernetes.io/enforce: privileged."));
      }
    }
    for (Pod.Container c : pod.containers()) {
      List<Object> ports = Yamls.list(c.spec().get("ports"));
      for (int i = 0; i < ports.size(); i++) {
        Object hostPort = Yamls.map(ports.get(i)).get("hostPort");
        if (hostPort instanceof Number n && n.longValue() != 0) {
          out.add(new Violation("Host Ports", Level.BASELINE, c.path() + ".ports[" + i + "].hostPort", Pod.describe(c) + " binds host port " + hostPort,
              "Remove hostPort and reach the container through a Service."));
        }
      }
      if (minor >= 34) {
        hostProbes(c, out);
      }
    }
  }

  private static void hostProbes(Pod.Container c, List<Violation> out) {
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      host(c, probe, Yamls.map(c.spec().get(probe)), out);
    }
    for (String hook : List.of("postStart", "preStop")) {
      host(c, "lifecycle." + hook, Yamls.map(Yamls.at(c.spec(), "lifecycle", hook)), out);
    }
  }

  private static void host(Pod.Container c, String at, Map<String, Object> handler, List<Violation> out) {
    for (String action : List.of("httpGet", "tcpSocket")) {
      String host = Yamls.string(Yamls.at(handler, action, "host"));
      if (!host.isEmpty()) {
        out.add(new Violation("Probes and Lifecycle Hooks", Level.BASELINE, c.path() + "." + at + "." + action + ".host",
            Pod.describe(c) + " sends its " + at + " to host " + host + " instead of the pod", "Remove the host field; the kubelet then uses the pod's IP."));
      }
    }
  }
}
