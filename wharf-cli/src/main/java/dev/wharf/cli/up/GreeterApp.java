package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * greeter's jar unpacked with Spring Boot's {@code jarmode=tools extract} into the cache
 * ({@code <cache>/greeter/<key of this build>/}), next to a class-data-sharing archive the JVM
 * writes on greeter's first exit: later starts load classes from it, which roughly halves
 * greeter's start. The directory is keyed by the jar's path, size and time, so a rebuilt jar
 * gets a new one and greeter never runs from a file a build is rewriting.
 */
record GreeterApp(Path dir) {
  static final String JAR = "greeter.jar";

  Path jar() {
    return dir.resolve(JAR);
  }

  Path sharedArchive() {
    return dir.resolve("greeter.jsa");
  }

  /** The unpacked app for {@code jar}, unpacking it first when this jar is new. */
  static GreeterApp of(Path jar, Path cacheRoot, Path log) {
    try {
      Path dir = cacheRoot.resolve("greeter").resolve(key(jar));
      if (Files.isRegularFile(dir.resolve(JAR))) {
        return new GreeterApp(dir);
      }
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), ".extract-");
      try {
        extract(jar, tmp, log);
        try {
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
          // another 'wharf up' or demo unpacked the same jar at the same time: use theirs
        } catch (IOException e) {
          if (!Files.isRegularFile(dir.resolve(JAR))) {
            throw e;
          }
        }
      } finally {
        deleteTree(tmp);
      }
      pruneOthers(dir);
      return new GreeterApp(dir);
    } catch (IOException e) {
      throw new UserError("cannot unpack greeter's jar into " + cacheRoot + " (" + e.getMessage()
          + "): check that the directory is writable (or set WHARF_CACHE) and the disk has space");
    }
  }

  /**
   * Removes unpacked builds of earlier jars (each about 140 MB with its archive) untouched for
   * a day, so a greeter still running from one keeps its files.
   */
  private static void pruneOthers(Path current) {
    long dayAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1);
    try (Stream<Path> siblings = Files.list(current.getParent())) {
      for (Path other : siblings.filter(p -> !p.equals(current)).toList()) {
        if (Files.getLastModifiedTime(other).toMillis() < dayAgo) {
          deleteTree(other);
        }
      }
    } catch (IOException e) {
      // pruning is housekeeping; the next run tries again
    }
  }

  /** {@code $WHARF_CACHE}, else {@code ~/.cache/wharf}: where the local runtime caches too. */
  static Path cacheRoot() {
    String cache = System.getenv("WHARF_CACHE");
    return cache != null && !cache.isBlank() ? Path.of(cache)
        : Path.of(System.getProperty("user.home"), ".cache", "wharf");
  }

  private static void extract(Path jar, Path into, Path log) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Djarmode=tools", "-jar",
        jar.toString(), "extract", "--force", "--destination", into.toString(),
        "--application-filename", JAR))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    try {
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("unpacking " + jar + " failed; see " + log);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unpacking " + jar);
    }
  }

  /**
   * Names one build of the jar: its path, size and modification time (hashing 60 MB of content
   * on every start would cost more than a second).
   */
  static String key(Path jar) throws IOException {
    String id = jar.toAbsolutePath() + "|" + Files.size(jar) + "|"
        + Files.getLastModifiedTime(jar).toMillis();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
