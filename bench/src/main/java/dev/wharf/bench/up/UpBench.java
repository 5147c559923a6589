package dev.wharf.bench.up;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Time from 'wharf up' to ready: cold (a new state directory, after the one-time Keycloak
 * download and greeter build, which a first run does) and warm (the same state again).
 * Targets: cold <= 60 s, warm <= 30 s on a 2-core machine. Last line:
 * {@code up: cold C s, warm W s}.
 */
public final class UpBench {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  public static void main(String[] args) throws Exception {
    // One untimed run so the one-time work (download, unpack, build) is out of the figures.
    Path prime = Files.createTempDirectory("wharf-bench-up-prime-");
    System.err.println("up bench: priming (one-time downloads and builds) in " + prime);
    try (UpProcess up = UpProcess.start(prime, TIMEOUT)) {
      System.err.println("up bench: primed in " + seconds(up.tookToReady()) + " s");
    }
    delete(prime);

    Path home = Files.createTempDirectory("wharf-bench-up-");
    double cold;
    double warm;
    try {
      try (UpProcess up = UpProcess.start(home, TIMEOUT)) {
        cold = seconds(up.tookToReady());
      }
      try (UpProcess up = UpProcess.start(home, TIMEOUT)) {
        warm = seconds(up.tookToReady());
      }
    } finally {
      delete(home);
    }
    System.out.printf(Locale.ROOT, "up: cold %.1f s, warm %.1f s%n", cold, warm);
  }

  static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  static void delete(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
