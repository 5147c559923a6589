package dev.wharf.cli.up;

import java.time.Duration;

/** Elapsed wall time of a step, printed as {@code 12.3 s}. */
record Timer(long startNanos) {
  static Timer start() {
    return new Timer(System.nanoTime());
  }

  Duration duration() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  String elapsed() {
    return ConsoleProgress.seconds(duration());
  }

  double seconds() {
    return duration().toMillis() / 1000.0;
  }
}
