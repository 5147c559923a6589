package dev.wharf.cli.up;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How often a crashed process may be started again: at most {@code max} times within
 * {@code window}, each after a longer pause (1 s, 2 s, 4 s, ...). A process that keeps crashing
 * is broken, and restarting it forever would only hide that.
 */
final class RestartBudget {
  private final int max;
  private final Duration window;
  private final Duration firstPause;
  private final Map<String, Deque<Instant>> restarts = new HashMap<>();

  RestartBudget(int max, Duration window, Duration firstPause) {
    this.max = max;
    this.window = window;
    this.firstPause = firstPause;
  }

  /** The pause before the next restart of {@code name}, or empty when its budget is spent. */
  Optional<Duration> next(String name, Instant now) {
    Deque<Instant> recent = restarts.computeIfAbsent(name, n -> new ArrayDeque<>());
    while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
      recent.removeFirst();
    }
    if (recent.size() >= max) {
      return Optional.empty();
    }
    Duration pause = firstPause.multipliedBy(1L << recent.size());
    recent.addLast(now);
    return Optional.of(pause);
  }

  int max() {
    return max;
  }

  Duration window() {
    return window;
  }
}
