package dev.wharf.validate.helm;

import dev.wharf.validate.ValidateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Charts from a directory of archives named as {@code helm pull} names them,
 * {@code <chart>-<version>.tgz}; the version is picked among them as Flux picks it from a
 * repository index.
 */
public final class ChartDir implements ChartStore {
  private final Path dir;
  private final List<String> files;

  public ChartDir(Path dir) {
    this.dir = dir;
    if (!Files.isDirectory(dir)) {
      throw new ValidateException("--chart-dir " + dir + " is not a directory; point it at a directory of <chart>-<version>.tgz archives "
          + "(as helm pull names them), or leave it out to pull charts into the cache.");
    }
    this.files = list(dir);
  }

  @Override
  public Lookup locate(ChartRef ref) {
    List<String> versions = versionsOf(files, ref.name());
    String have = versions.isEmpty() ? "it has no " + ref.name() + " archive"
        : "it has " + String.join(", ", versions.stream().map(v -> ref.name() + "-" + v + ".tgz").toList());
    String fix = "Put " + ref.name() + "-<version>.tgz in " + dir + " (" + ref.pullCommand() + " -d " + dir + "), or run without "
        + "--chart-dir to pull it. If the chart cannot be had where this runs, exempt this HelmRelease with the annotation "
        + "validate.wharf.dev/exempt-helm-chart-missing: \"<why>\" (its objects are then not checked here); never change the "
        + "version to what happens to be available.";
    if (!ref.digest().isEmpty()) {
      return Lookup.missing("chart " + ref.name() + " is pinned to digest " + ref.digest() + ", which a chart directory cannot show ("
          + have + ")", fix);
    }
    Optional<String> picked = ref.tag()
        ? versions.stream().filter(v -> v.equals(ref.version()) || v.equals(ref.version().replace('_', '+'))).findFirst()
        : Versions.pick(versions, ref.version());
    if (picked.isEmpty()) {
      return Lookup.missing("chart " + ref.name() + " version " + ref.version() + " from " + ref.source() + " is not in " + dir
          + " (" + have + ")", fix);
    }
    return Lookup.found(dir.resolve(ref.name() + "-" + picked.get() + ".tgz"));
  }

  /** The version part of every {@code <name>-<version>.tgz} among {@code files}. */
  static List<String> versionsOf(List<String> files, String name) {
    List<String> out = new ArrayList<>();
    for (String f : files) {
      if (f.startsWith(name + "-") && f.endsWith(".tgz")) {
        String v = f.substring(name.length() + 1, f.length() - ".tgz".length());
        // "loki-stack-2.0.0.tgz" is not a loki archive: what follows the name must be a version.
        if (ChartVersion.parse(v).isPresent() || VersionConstraint.loose(v).isPresent()) {
          out.add(v);
        }
      }
    }
    return out;
  }

  static List<String> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tgz")).sorted().toList();
    } catch (IOException e) {
      throw new ValidateException("cannot read chart directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
