package dev.wharf.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * One running instance of each service per JVM, shared by every test class in it. Each call
 * starts what is needed and not yet running; everything stops when the JVM exits. The state
 * directory is the system property {@code wharf.test.stateDir}, else a fresh temporary one.
 *
 * <pre>{@code
 * MySqlServer mysql = SharedRuntime.get(Service.MYSQL).mysql();
 * }</pre>
 */
public final class SharedRuntime {

  public static final String STATE_DIR_PROPERTY = "wharf.test.stateDir";

  private static LocalRuntime runtime;
  private static Path temporaryState;

  private SharedRuntime() {}

  /** The shared runtime with at least {@code needed} running (none means all services). */
  public static synchronized LocalRuntime get(Service... needed) {
    if (runtime == null) {
      Path stateDir = stateDir();
      runtime = LocalRuntime.builder()
          .stateDir(stateDir)
          .services(EnumSet.noneOf(Service.class))
          .progress(new ProgressListener() {
            @Override
            public void message(String text) {
              System.err.println("wharf-local: " + text);
            }
          })
          .build();
      Runtime.getRuntime().addShutdownHook(new Thread(SharedRuntime::stopAndClean, "wharf-shared-runtime-stop"));
    }
    EnumSet<Service> wanted = needed.length == 0 ? EnumSet.allOf(Service.class) : EnumSet.copyOf(List.of(needed));
    return runtime.ensureRunning(wanted);
  }

  /** Stops the servers and removes a temporary state directory (a kept one stays for inspection). */
  private static void stopAndClean() {
    LocalRuntime current;
    synchronized (SharedRuntime.class) {
      current = runtime;
    }
    current.close();
    if (temporaryState != null) {
      try {
        CacheDir.deleteTree(temporaryState);
      } catch (IOException ignored) {
        // the temp directory's owner cleans up eventually
      }
    }
  }

  private static Path stateDir() {
    String configured = System.getProperty(STATE_DIR_PROPERTY);
    try {
      if (configured != null && !configured.isBlank()) {
        return Files.createDirectories(Path.of(configured));
      }
      temporaryState = Files.createTempDirectory("wharf-test-state-");
      return temporaryState;
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot create the test state directory"
          + (configured != null ? " " + configured + " (system property " + STATE_DIR_PROPERTY + ")" : "")
          + ": " + e.getMessage(), e);
    }
  }
}
