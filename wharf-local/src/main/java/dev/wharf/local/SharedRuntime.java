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
 * MySqlEndpoint mysql = SharedRuntime.get(Service.MYSQL).mysql();
 * }</pre>
 */
public final class SharedRuntime {

  public static final String STATE_DIR_PROPERTY = "wharf.test.stateDir";

  private static LocalRuntime runtime;

  private SharedRuntime() {}

  /** The shared runtime with at least {@code needed} running (none means all services). */
  public static synchronized LocalRuntime get(Service... needed) {
    if (runtime == null) {
      runtime = LocalRuntime.builder()
          .stateDir(stateDir())
          .services(EnumSet.noneOf(Service.class))
          .progress(new ProgressListener() {
            @Override
            public void message(String text) {
              System.err.println("wharf-local: " + text);
            }
          })
          .build();
    }
    EnumSet<Service> wanted = needed.length == 0 ? EnumSet.allOf(Service.class) : EnumSet.copyOf(List.of(needed));
    return runtime.ensureRunning(wanted);
  }

  private static Path stateDir() {
    String configured = System.getProperty(STATE_DIR_PROPERTY);
    try {
      if (configured != null && !configured.isBlank()) {
        return Files.createDirectories(Path.of(configured));
      }
      return Files.createTempDirectory("wharf-test-state-");
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot create the test state directory"
          + (configured != null ? " " + configured + " (system property " + STATE_DIR_PROPERTY + ")" : "")
          + ": " + e.getMessage(), e);
    }
  }
}
