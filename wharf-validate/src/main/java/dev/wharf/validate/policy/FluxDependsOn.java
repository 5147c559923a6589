package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.List;
import java.util.function.Consumer;

/** flux-depends-on: every dependsOn of a Flux Kustomization or HelmRelease names one that exists. */
final class FluxDependsOn implements Policy {
  static final String ID = "flux-depends-on";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "dependsOn of Flux Kustomizations and HelmReleases names objects of the same kind that exist in the tree";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    String group = r.ref().group();
    boolean flux = (r.kind().equals("Kustomization") && group.equals("kustomize.toolkit.fluxcd.io"))
        || (r.kind().equals("HelmRelease") && group.equals("helm.toolkit.fluxcd.io"));
    if (!flux) {
      return;
    }
    List<Object> deps = Yamls.list(r.spec().get("dependsOn"));
    for (int i = 0; i < deps.size(); i++) {
      String name = Yamls.string(Yamls.map(deps.get(i)).get("name"));
      String ns = Yamls.string(Yamls.map(deps.get(i)).get("namespace"));
      String wantNs = ns.isEmpty() ? r.ref().namespace() : ns;
      boolean exists = ctx.ofKind(r.kind()).stream().anyMatch(o -> o.ref().group().equals(group)
          && o.ref().name().equals(name)
          && (wantNs.isEmpty() || o.ref().namespace().isEmpty() || o.ref().namespace().equals(wantNs)));
      if (!exists) {
        out.accept(r.finding(ID, "spec.dependsOn[" + i + "].name",
            r.kind() + " depends on " + r.kind() + " '" + (wantNs.isEmpty() ? "" : wantNs + "/") + name + "', which is not in the tree, so it never becomes ready",
            "Fix the name (or namespace) in dependsOn, or add the " + r.kind() + " it should wait for."));
      }
    }
  }
}
