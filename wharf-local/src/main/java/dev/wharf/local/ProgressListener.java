package dev.wharf.local;

import java.time.Duration;

/**
 * Hears what the runtime is doing, for a command line to show. Services start in parallel, so
 * the methods may be called from several threads at once.
 */
public interface ProgressListener {

  /** Ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  default void starting(Service service) {}

  default void started(Service service, Duration took) {}

  /** {@code total} is -1 when the server did not say how big the file is. */
  default void download(String what, long bytes, long total) {}

  default void message(String text) {}
}
