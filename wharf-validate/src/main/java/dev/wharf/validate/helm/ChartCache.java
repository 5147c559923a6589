package dev.wharf.validate.helm;

import dev.wharf.validate.render.Command;
import dev.wharf.validate.render.TempDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Charts pulled with {@code helm pull} into a cache directory, one sub-directory per
 * repository. An exact version (or digest) already in the cache is not pulled again; a range
 * is resolved by pulling, so it follows the repository as Flux does.
 */
public final class ChartCache implements ChartStore {
  private final Path dir;
  private final Helm helm;
  private final Duration timeout;
  private final Map<ChartRef, Lookup> pulled = new ConcurrentHashMap<>();

  public ChartCache(Path dir, Helm helm, Duration timeout) {
    this.dir = dir;
    this.helm = helm;
    this.timeout = timeout;
  }

  @Override
  public Lookup locate(ChartRef ref) {
    return pulled.computeIfAbsent(ref, this::lookup);
  }

  private Lookup lookup(ChartRef ref) {
    Path repoDir = dir.resolve(key(ref.repository()));
    String digestFile = ref.name() + "@" + ref.digest().replace(':', '-') + ".tgz";
    if (!ref.digest().isEmpty() && Files.isRegularFile(repoDir.resolve(digestFile))) {
      return Lookup.found(repoDir.resolve(digestFile));
    }
    if (ref.digest().isEmpty() && (ref.tag() || ChartVersion.parse(ref.version()).isPresent()) && Files.isDirectory(repoDir)) {
      Optional<String> cached = ref.tag() ? Optional.of(ref.version()).filter(v -> Files.isRegularFile(repoDir.resolve(ref.name() + "-" + v + ".tgz")))
          : Versions.pick(ChartDir.versionsOf(ChartDir.list(repoDir), ref.name()), ref.version());
      if (cached.isPresent()) {
        return Lookup.found(repoDir.resolve(ref.name() + "-" + cached.get() + ".tgz"));
      }
    }
    return pull(ref, repoDir, digestFile);
  }

  private Lookup pull(ChartRef ref, Path repoDir, String digestFile) {
    Path tmp = null;
    try {
      Files.createDirectories(repoDir);
      tmp = Files.createTempDirectory(repoDir, ".pull");
      List<String> cmd = new ArrayList<>(List.of(helm.executable(), "pull"));
      if (ref.oci()) {
        cmd.add(ref.digest().isEmpty() ? ref.repository() : ref.repository() + "@" + ref.digest());
      } else {
        cmd.addAll(List.of(ref.name(), "--repo", ref.repository()));
      }
      if (ref.digest().isEmpty() && !ref.version().equals("*")) {
        cmd.addAll(List.of("--version", ref.version()));
      }
      cmd.addAll(List.of("--destination", tmp.toString()));
      Path out = Files.createTempFile(repoDir, ".pull", ".out");
      Path err = Files.createTempFile(repoDir, ".pull", ".err");
      try {
        int exit = Command.run(cmd, out, err, timeout);
        List<Path> got = ChartDir.list(tmp).stream().map(tmp::resolve).toList();
        if (exit != 0 || got.size() != 1) {
          String why = exit == Command.TIMED_OUT ? "helm pull did not finish within " + timeout.toSeconds() + " s"
              : HelmMessages.clean(Files.readString(err, StandardCharsets.UTF_8));
          return Lookup.missing("chart " + ref.label() + " from " + ref.source() + " cannot be pulled: " + why,
              "Check the chart name, version and repository URL (" + ref.pullCommand() + "), and the network. If the chart cannot be had "
                  + "where this runs, pass --chart-dir with its archive, or exempt this HelmRelease with the annotation "
                  + "validate.wharf.dev/exempt-helm-chart-missing: \"<why>\".");
        }
        Path target = repoDir.resolve(ref.digest().isEmpty() ? got.get(0).getFileName().toString() : digestFile);
        Files.move(got.get(0), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Lookup.found(target);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      return Lookup.missing("chart " + ref.label() + " cannot be pulled into " + dir + ": " + e.getMessage(),
          "Make the chart cache writable (--chart-cache DIR) or pass --chart-dir.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Lookup.missing("interrupted while pulling chart " + ref.label(), "Run wharf validate again.");
    } finally {
      TempDirs.deleteQuietly(tmp);
    }
  }

  private static String key(String repository) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(repository.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
