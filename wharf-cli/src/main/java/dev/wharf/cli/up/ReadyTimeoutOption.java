package dev.wharf.cli.up;

import dev.wharf.cli.UserError;
import java.time.Duration;
import picocli.CommandLine.Option;

/** --ready-timeout of 'wharf up' and 'wharf demo': more time for a slow or busy machine. */
public final class ReadyTimeoutOption {
  @Option(names = "--ready-timeout", paramLabel = "SECONDS",
      description = "How long to wait for each server and for greeter to become ready"
          + " (default: MySQL 90, Redis 30, Keycloak 180, greeter 120).")
  Integer seconds;

  /** The chosen timeout, or null for each service's default. */
  Duration timeout() {
    if (seconds == null) {
      return null;
    }
    if (seconds < 1) {
      throw new UserError("--ready-timeout " + seconds
          + " is not a timeout: give a number of seconds, 1 or more");
    }
    return Duration.ofSeconds(seconds);
  }
}
