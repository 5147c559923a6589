package dev.wharf.operator.reconcile;

import dev.wharf.core.AppRef;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Exponential retry delays per app: min, 2*min, 4*min, ... up to max; reset on success. */
public final class Backoff {
  private final Duration min;
  private final Duration max;
  private final Map<AppRef, Integer> failures = new ConcurrentHashMap<>();

  public Backoff(Duration min, Duration max) {
    this.min = min;
    this.max = max;
  }

  public Duration next(AppRef app) {
    int n = failures.merge(app, 1, Integer::sum);
    long millis = min.toMillis() << Math.min(n - 1, 20);
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }

  public void reset(AppRef app) {
    failures.remove(app);
  }
}
