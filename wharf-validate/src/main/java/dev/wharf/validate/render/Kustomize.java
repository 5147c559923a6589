package dev.wharf.validate.render;

import dev.wharf.validate.ValidateException;
import java.nio.file.Path;
import java.util.List;

/** The command that renders a kustomization: {@code kustomize build} or {@code kubectl kustomize}. */
public record Kustomize(List<String> command) {

  /**
   * {@code explicit} (a path or name of kustomize or kubectl) when given, else the first of
   * kustomize and kubectl on PATH.
   */
  public static Kustomize locate(String explicit) {
    if (explicit != null && !explicit.isBlank()) {
      String exe = Executables.resolve(explicit);
      if (exe == null) {
        throw new ValidateException("--kustomize " + explicit + " is not an executable file; pass the path of kustomize or kubectl.");
      }
      return forBinary(exe);
    }
    String k = Executables.onPath("kustomize");
    if (k != null) {
      return forBinary(k);
    }
    String kubectl = Executables.onPath("kubectl");
    if (kubectl != null) {
      return forBinary(kubectl);
    }
    throw new ValidateException("neither kustomize nor kubectl is on PATH; install one "
        + "(https://kubectl.docs.kubernetes.io/installation/kustomize/ or kubectl >= 1.27) "
        + "or pass its path with --kustomize.");
  }

  private static Kustomize forBinary(String exe) {
    String name = Path.of(exe).getFileName().toString();
    return name.startsWith("kubectl") ? new Kustomize(List.of(exe, "kustomize")) : new Kustomize(List.of(exe, "build"));
  }
}
