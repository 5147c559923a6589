package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import java.util.Set;
import java.util.function.Consumer;

/** probes: containers of Deployments and StatefulSets have readiness and liveness probes. */
final class ProbesPresent implements Policy {
  static final String ID = "probes";
  private static final Set<String> KINDS = Set.of("Deployment", "StatefulSet");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "containers of Deployments and StatefulSets define readinessProbe and livenessProbe";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    if (!KINDS.contains(r.kind())) {
      return;
    }
    for (PodSpecs.Container c : PodSpecs.containers(r)) {
      if (c.init()) {
        continue;
      }
      for (String probe : new String[] {"readinessProbe", "livenessProbe"}) {
        if (c.spec().get(probe) == null) {
          out.accept(r.finding(ID, c.path() + "." + probe, "container '" + c.name() + "' has no " + probe,
              "Add a " + probe + " (httpGet on a health endpoint, for example /actuator/health/"
                  + (probe.startsWith("readiness") ? "readiness" : "liveness") + ") so rollouts wait for healthy pods and hung pods restart."));
        }
      }
    }
  }
}
