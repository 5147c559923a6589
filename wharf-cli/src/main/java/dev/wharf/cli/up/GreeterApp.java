package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * greeter's jar unpacked with Spring Boot's {@code jarmode=tools extract} into the cache
 * ({@code <cache>/greeter/<key of its content>/}), next to a class-data-sharing archive the JVM
 * writes on greeter's first exit: later starts load classes from it, which roughly halves
 * greeter's start. The directory is keyed by the jar's content, so a changed jar gets a new
 * one and greeter never runs from a file a build is rewriting.
 */
record GreeterApp(Path dir) {
  static final String JAR = "greeter.jar";

  Path jar() {
    return dir.resolve(JAR);
  }

  Path sharedArchive() {
    return dir.resolve("greeter.jsa");
  }

  /**
   * How greeter is run. The shared archive is written when greeter first exits and used from
   * then on; the logging flags keep the JVM's notes about creating or refreshing it out of
   * greeter's log.
   */
  List<String> command() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return List.of(java.toString(), "-XX:+UseSerialGC",
        "-XX:SharedArchiveFile=" + sharedArchive(), "-XX:+AutoCreateSharedArchive",
        "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-jar", jar().toString());
  }

  /** The unpacked app for {@code jar}, unpacking it first when this jar is new. */
  static GreeterApp of(Path jar, Path cacheRoot, Path log) {
    try {
      Path dir = cacheRoot.resolve("greeter").resolve(key(jar));
      if (Files.isRegularFile(dir.resolve(JAR))) {
        Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis()));
        pruneOthers(dir);
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
   * Removes unpacked builds of other jars (each about 140 MB with its archive) unused for an
   * hour, except those a running process (another 'wharf up') still runs from.
   */
  private static void pruneOthers(Path current) {
    long hourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
    try (Stream<Path> siblings = Files.list(current.getParent())) {
      for (Path other : siblings.filter(p -> !p.equals(current)).toList()) {
        if (!other.getFileName().toString().startsWith(".")
            && Files.getLastModifiedTime(other).toMillis() < hourAgo && !inUse(other)) {
          deleteTree(other);
        }
      }
    } catch (IOException e) {
      // pruning is housekeeping; the next run tries again
    }
  }

  private static boolean inUse(Path dir) {
    String path = dir.toString();
    return ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments()
        .map(args -> java.util.Arrays.stream(args).anyMatch(a -> a.contains(path)))
        .orElse(false));
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
   * Names the jar's content from its directory: each entry's name, size and CRC. A rebuild
   * that changes nothing keeps the name (and the archive); reading the directory takes
   * milliseconds, where hashing 60 MB would take a second or more.
   */
  static String key(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).forEach(e -> digest.update(
          (e.getName() + "|" + e.getSize() + "|" + e.getCrc() + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    } catch (java.util.zip.ZipException e) {
      throw new IOException(jar + " is not a jar (" + e.getMessage() + "); rebuild greeter", e);
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
