package dev.wharf.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The shared cache of unpacked server binaries ({@code $WHARF_CACHE}, else {@code
 * ~/.cache/wharf}). Several JVMs may fill it at once, so every install happens under a file lock
 * into a temporary directory that is renamed into place when complete.
 */
final class CacheDir {

  private static final ConcurrentHashMap<String, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path root;

  CacheDir(Path root) {
    this.root = root;
  }

  static CacheDir fromEnvironment() {
    String env = System.getenv("WHARF_CACHE");
    Path root = env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "wharf");
    return new CacheDir(root.toAbsolutePath());
  }

  Path root() {
    return root;
  }

  /** Something that fills a fresh directory. */
  interface Installer {
    void install(Path into) throws IOException, InterruptedException;
  }

  /** Work done while holding the named lock. */
  interface Locked<T> {
    T run() throws IOException, InterruptedException;
  }

  /** {@code <cache>/<name>}, filled by {@code installer} the first time, atomically. */
  Path installOnce(String name, Installer installer) {
    Path target = root.resolve(name);
    if (Files.isDirectory(target)) {
      return target;
    }
    return withLock(name, () -> {
      if (Files.isDirectory(target)) {
        return target;
      }
      removeAbandoned(name);
      Path tmp = root.resolve(name + ".tmp-" + UUID.randomUUID());
      Files.createDirectories(tmp);
      try {
        installer.install(tmp);
        moveAtomically(tmp, target);
      } finally {
        deleteTree(tmp);
      }
      return target;
    });
  }

  /** Half-done installs of {@code name} by processes that died; only called holding its lock. */
  private void removeAbandoned(String name) throws IOException {
    try (Stream<Path> siblings = Files.list(root)) {
      for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(name + ".tmp-")).toList()) {
        deleteTree(p);
      }
    }
  }

  /** Runs {@code work} holding a lock that excludes other threads and other JVMs. */
  <T> T withLock(String name, Locked<T> work) {
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(name, n -> new ReentrantLock());
    Path lockFile = root.resolve(name + ".lock");
    jvmLock.lock();
    try {
      Files.createDirectories(root);
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock ignored = channel.lock()) {
        return work.run();
      }
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot prepare " + root.resolve(name) + ": " + e.getMessage()
          + "; check that the cache directory is writable, or point WHARF_CACHE at another directory", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalRuntimeException("interrupted while preparing " + root.resolve(name), e);
    } finally {
      jvmLock.unlock();
    }
  }

  /** Copies a classpath resource to {@code <cache>/<name>} (once), executable. */
  Path executableResource(String resource, String name) {
    Path target = root.resolve(name);
    if (Files.isExecutable(target)) {
      return target;
    }
    return withLock(name, () -> {
      if (Files.isExecutable(target)) {
        return target;
      }
      Path tmp = root.resolve(name + ".tmp-" + UUID.randomUUID());
      try (InputStream in = CacheDir.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("resource " + resource + " is missing from the wharf-local jar");
        }
        Files.copy(in, tmp);
        FileModes.makeExecutable(tmp);
        moveAtomically(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return target;
    });
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    } catch (FileAlreadyExistsException e) {
      // another process finished first; its copy is as good as ours
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
