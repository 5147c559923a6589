package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * greeter's runnable jar (Spring Boot's repackaged {@code greeter-<version>-exec.jar}). When it
 * is missing or older than greeter's sources it is built with the repository's Maven wrapper.
 */
final class GreeterJar {
  /** Set by wharf-cli's integration tests (and usable by hand) to skip the lookup and build. */
  static final String JAR_PROPERTY = "wharf.greeter.jar";

  private final Path repo;

  GreeterJar(Path repo) {
    this.repo = repo;
  }

  /** The repository the launcher runs from ($WHARF_REPO), or the current directory. */
  static GreeterJar fromEnvironment() {
    String repo = System.getenv("WHARF_REPO");
    return new GreeterJar(Path.of(repo != null && !repo.isBlank() ? repo : ".").toAbsolutePath());
  }

  Path module() {
    return repo.resolve("examples/greeter");
  }

  /** An up-to-date jar, building it when needed; the build's output goes to {@code log}. */
  Path ensureBuilt(Path log, java.util.function.Consumer<String> progress) {
    String given = System.getProperty(JAR_PROPERTY);
    if (given != null && !given.isBlank()) {
      Path jar = Path.of(given);
      if (!Files.isRegularFile(jar)) {
        throw new UserError(JAR_PROPERTY + " names " + jar + ", which is not a file: build greeter"
            + " (./mvnw -pl examples/greeter -am package -DskipTests) or unset the property");
      }
      return jar;
    }
    Optional<Path> jar = find();
    if (jar.isPresent() && !outdated(jar.get())) {
      return jar.get();
    }
    progress.accept(jar.isPresent() ? "greeter's sources changed: rebuilding it" : "building greeter (first run)");
    build(log);
    return find().orElseThrow(() -> new UserError("the greeter build finished but left no "
        + "greeter-*-exec.jar in " + module().resolve("target") + "; see " + log));
  }

  Optional<Path> find() {
    Path target = module().resolve("target");
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("greeter-.*-exec\\.jar"))
          .filter(Files::isRegularFile).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  boolean outdated(Path jar) {
    try {
      FileTime built = Files.getLastModifiedTime(jar);
      if (Files.getLastModifiedTime(module().resolve("pom.xml")).compareTo(built) > 0) {
        return true;
      }
      try (Stream<Path> sources = Files.walk(module().resolve("src/main"))) {
        return sources.filter(Files::isRegularFile).anyMatch(p -> newer(p, built));
      }
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean newer(Path file, FileTime than) {
    try {
      return Files.getLastModifiedTime(file).compareTo(than) > 0;
    } catch (IOException e) {
      return true;
    }
  }

  private void build(Path log) {
    Path mvnw = repo.resolve("mvnw");
    if (!Files.isExecutable(mvnw)) {
      throw new UserError("greeter's jar is missing and there is no Maven wrapper at " + mvnw
          + ": run wharf from the repository (./wharf up) or set WHARF_REPO to it");
    }
    ProcessBuilder pb = new ProcessBuilder(List.of(mvnw.toString(), "-q", "-B",
        "-pl", "examples/greeter", "-am", "package", "-Dmaven.test.skip=true"))
        .directory(repo.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    try {
      Process p = pb.start();
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new UserError("building greeter took over 15 minutes and was stopped; see " + log);
      }
      if (p.exitValue() != 0) {
        throw new UserError("building greeter failed; see " + log);
      }
    } catch (IOException e) {
      throw new UserError("cannot run " + mvnw + " (" + e.getMessage() + "); see " + log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while building greeter", 130);
    }
  }
}
