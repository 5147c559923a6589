package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local state directory ($WHARF_HOME, by default {@code <repo>/.wharf}): server data, logs,
 * greeter's env file and the demo users' passwords. It is private to the user (0700); the next
 * {@code wharf up} reuses it, so the data survives.
 */
public record StateDir(Path root) {

  /** $WHARF_HOME, or ~/.wharf when run without the launcher. */
  public static StateDir fromEnvironment() {
    String home = System.getenv("WHARF_HOME");
    Path root = home != null && !home.isBlank()
        ? Path.of(home) : Path.of(System.getProperty("user.home"), ".wharf");
    return new StateDir(root.toAbsolutePath().normalize());
  }

  /** {@code dir} when given (an option), else the environment's. */
  public static StateDir of(Path dir) {
    return dir != null ? new StateDir(dir.toAbsolutePath().normalize()) : fromEnvironment();
  }

  /** Creates the directory (0700) and returns this. */
  public StateDir create() {
    try {
      Files.createDirectories(root);
      Files.createDirectories(logs());
      Files.createDirectories(users());
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
      return this;
    } catch (IOException e) {
      throw new UserError("cannot create the state directory " + root + " (" + e.getMessage()
          + "): make it writable or set WHARF_HOME to another directory");
    }
  }

  /** Where the local runtime keeps its servers' data. */
  public Path runtime() {
    return root.resolve("runtime");
  }

  public Path logs() {
    return root.resolve("logs");
  }

  public Path greeterLog() {
    return logs().resolve("greeter.log");
  }

  /** The pids of greeter's processes while it runs, so none is left behind if its guard is killed. */
  public Path greeterPids() {
    return root.resolve("greeter.pids");
  }

  public Path buildLog() {
    return logs().resolve("greeter-build.log");
  }

  /** greeter's credentials, the platform's ten env keys (0600). */
  public Path greeterEnv() {
    return root.resolve("greeter.env");
  }

  public Path users() {
    return root.resolve("users");
  }

  /** A demo user's password, alone in its file (0600) so curl can read it with @file. */
  public Path password(String user) {
    return users().resolve(user + ".password");
  }

  /** A demo user's password as stored by {@link #password(String)}. */
  public String readPassword(String user) throws IOException {
    return Files.readString(password(user)).strip();
  }

  /** The pid of the running {@code wharf up}; {@code wharf down} signals it. */
  public Path pidFile() {
    return root.resolve("up.pid");
  }

  /** Held while {@code wharf up} runs, so two cannot share one state directory. */
  public Path lockFile() {
    return root.resolve("up.lock");
  }
}
