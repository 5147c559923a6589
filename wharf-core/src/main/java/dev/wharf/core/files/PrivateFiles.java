package dev.wharf.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read and write (0600), for everything that holds a secret: admin
 * passwords, server configurations, env files, token caches, kubeconfigs. A file is written
 * whole or not at all: into an owner-only temporary file beside it, flushed to disk, then
 * renamed over it, so a reader never sees half a file nor, for a moment, a readable one.
 */
public final class PrivateFiles {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PrivateFiles() {}

  /** Writes {@code content} (UTF-8) to {@code file}, owner-only, replacing it whole. */
  public static void write(Path file, String content) throws IOException {
    write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code content} to {@code file}, owner-only, replacing it whole. */
  public static void write(Path file, byte[] content) throws IOException {
    replace(file, content, null);
  }

  /**
   * As {@link #write(Path, byte[])}, but a file that exists keeps its permissions and a
   * symbolic link stays one (the file it points to is replaced): for a file the user owns and
   * may share on purpose, such as a kubeconfig. A new file is owner-only.
   */
  public static void writeKeepingMode(Path file, byte[] content) throws IOException {
    Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
    Set<PosixFilePermission> mode = POSIX && Files.exists(target) ? Files.getPosixFilePermissions(target) : null;
    replace(target, content, mode);
  }

  /** Creates an empty owner-only file (a lock file); fails when it exists. */
  public static void create(Path file) throws IOException {
    if (POSIX) {
      Files.createFile(file, ownerOnly("rw-------"));
    } else {
      Files.createFile(file);
    }
  }

  /** Creates {@code dir} and its missing parents, each new one owner-only (0700). */
  public static Path createDirectories(Path dir) throws IOException {
    return POSIX ? Files.createDirectories(dir, ownerOnly("rwx------")) : Files.createDirectories(dir);
  }

  private static void replace(Path file, byte[] content, Set<PosixFilePermission> mode) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String prefix = "." + file.getFileName() + ".";
    Path tmp = POSIX ? Files.createTempFile(dir, prefix, ".tmp", ownerOnly("rw-------"))
        : Files.createTempFile(dir, prefix, ".tmp");
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      if (mode != null) {
        Files.setPosixFilePermissions(tmp, mode);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String mode) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
  }
}
