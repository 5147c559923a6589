package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.function.Consumer;

/** image-registry: app workloads pull only from the platform registry (Harbor). */
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
    String registry = ctx.settings().registry();
    for (PodSpecs.Container c : PodSpecs.containers(r)) {
      String image = Yamls.string(c.spec().get("image"));
      if (!image.isEmpty() && !image.startsWith(registry + "/")) {
        out.accept(r.finding(ID, c.path() + ".image",
            "container '" + c.name() + "' image " + image + " is not from the platform registry " + registry,
            "Push the image to Harbor and use " + registry + "/<team>/<image>:<tag>; for public images use the Harbor proxy-cache project."));
      }
    }
  }
}
