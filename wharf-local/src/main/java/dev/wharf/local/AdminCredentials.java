package dev.wharf.local;

import dev.wharf.core.Secret;
import dev.wharf.core.files.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The administrator password of each service, random per state directory and kept in {@code
 * <stateDir>/admin-credentials} (mode 0600) so that a restart of the same state reuses them.
 */
final class AdminCredentials {

  static final String FILE_NAME = "admin-credentials";

  private final Path file;
  private final Map<Service, String> passwords;

  private AdminCredentials(Path file, Map<Service, String> passwords) {
    this.file = file;
    this.passwords = passwords;
  }

  /** Reads the file, adding (and saving) a password for any service that has none yet. */
  static synchronized AdminCredentials loadOrCreate(Path stateDir) {
    Path file = stateDir.resolve(FILE_NAME);
    Properties stored = new Properties();
    try {
      Files.createDirectories(stateDir);
      // another JVM on the same state directory must not write different passwords at the same time
      try (FileChannel lockChannel = FileChannel.open(stateDir.resolve(FILE_NAME + ".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock ignored = lockChannel.lock()) {
        return loadOrCreateLocked(file, stored);
      }
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot read or write " + file + ": " + e.getMessage()
          + "; check that the state directory is writable, or delete the file to start afresh", e);
    }
  }

  private static AdminCredentials loadOrCreateLocked(Path file, Properties stored) throws IOException {
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        stored.load(in);
      }
    }
    Map<Service, String> passwords = new EnumMap<>(Service.class);
    boolean changed = false;
    for (Service service : Service.values()) {
      String key = key(service);
      String value = stored.getProperty(key);
      if (value == null || value.isBlank()) {
        value = Secret.generate().reveal();
        stored.setProperty(key, value);
        changed = true;
      }
      passwords.put(service, value);
    }
    if (changed) {
      write(file, stored);
    }
    return new AdminCredentials(file, passwords);
  }

  String password(Service service) {
    return passwords.get(service);
  }

  Path file() {
    return file;
  }

  private static String key(Service service) {
    return service.name().toLowerCase() + ".password";
  }

  private static void write(Path file, Properties values) throws IOException {
    StringWriter out = new StringWriter();
    values.store(out, "Wharf local runtime administrator passwords (keep private)");
    PrivateFiles.write(file, out.toString());
  }

  @Override
  public String toString() {
    return "AdminCredentials[" + file + ", passwords redacted]";
  }
}
