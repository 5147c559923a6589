package dev.wharf.validate.render;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the external tools wharf validate runs (kustomize, kubectl, helm). */
public final class Executables {
  private Executables() {}

  /**
   * {@code given} as a path (absolute or with a directory part) when it is an executable file,
   * or as a name looked up on PATH; null when neither.
   */
  public static String resolve(String given) {
    Path p = Path.of(given);
    if (p.getNameCount() > 1 || p.isAbsolute()) {
      return Files.isRegularFile(p) && Files.isExecutable(p) ? p.toString() : null;
    }
    return onPath(given);
  }

  /** The first executable file called {@code name} in a directory of PATH, or null. */
  public static String onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }
}
