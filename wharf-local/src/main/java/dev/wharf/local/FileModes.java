package dev.wharf.local;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Private (owner-only) files for anything holding a password. */
final class FileModes {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private FileModes() {}

  /** Creates an empty file readable and writable by its owner only. */
  static void createPrivateFile(Path file) throws IOException {
    if (POSIX) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }

  /** Writes {@code content} to a new owner-only file, replacing any old one. */
  static void writePrivate(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    createPrivateFile(file);
    Files.writeString(file, content);
  }

  static void makeExecutable(Path file) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } else if (!file.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + file + " executable");
    }
  }
}
