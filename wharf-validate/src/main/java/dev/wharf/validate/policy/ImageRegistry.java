package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.function.Consumer;

/**
 * image-registry: app workloads pull only from the platform registry (Harbor) of the cluster
 * that runs them (see {@link PolicyContext#registries}).
 */
final class ImageRegistry implements Policy {
  static final String ID = "image-registry";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "app workloads (under apps/ or in a tenant namespace) pull images from the platform registry";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    if (!ctx.isApp(r)) {
      return;
    }
    PolicyContext.Registries allowed = null;
    for (PodSpecs.Container c : PodSpecs.containers(r)) {
      String image = Yamls.string(c.spec().get("image"));
      if (image.isEmpty()) {
        continue;
      }
      allowed = allowed == null ? ctx.registries(r) : allowed;
      if (allowed.hosts().stream().noneMatch(host -> image.startsWith(host + "/"))) {
        String hosts = String.join(" or ", allowed.hosts());
        out.accept(r.finding(ID, c.path() + ".image",
            "container '" + c.name() + "' image " + image + " is not from " + allowed.whose() + ": " + (hosts.isEmpty() ? "none is common to them" : hosts),
            "Push the image to that Harbor and use " + (allowed.hosts().isEmpty() ? "<registry>" : allowed.hosts().get(0))
                + "/<team>/<image>:<tag>; for public images use the Harbor proxy-cache project."));
      }
    }
  }
}
