package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.function.Consumer;

/** resources: every container requests CPU and memory and limits memory. */
final class ResourcesSet implements Policy {
  static final String ID = "resources";
  private static final List<String[]> REQUIRED = List.of(
      new String[] {"requests", "cpu"}, new String[] {"requests", "memory"}, new String[] {"limits", "memory"});

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "every container sets resources.requests.cpu, resources.requests.memory and resources.limits.memory";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    for (PodSpecs.Container c : PodSpecs.containers(r)) {
      for (String[] req : REQUIRED) {
        if (Yamls.at(c.spec(), "resources", req[0], req[1]) == null) {
          out.accept(r.finding(ID, c.path() + ".resources." + req[0] + "." + req[1],
              "container '" + c.name() + "' sets no " + req[0] + "." + req[1],
              "Set resources.requests (cpu, memory) and resources.limits.memory so the scheduler can place the pod and the tenant quota can account for it."));
        }
      }
    }
  }
}
