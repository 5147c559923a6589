package dev.wharf.operator.reconcile;

import java.time.Duration;

/**
 * When an App is reconciled again with nothing changed: the resync interval plus or minus up to
 * a tenth of it, the same for an App every time (from its uid). After an operator restart every
 * App is reconciled at once; with a spread their next resyncs fall over a fifth of the interval
 * (a minute at the default 5 minutes) instead of coming back as one burst each period.
 * Model code: no I/O.
 */
public final class ResyncSpread {
  /** The most an App's interval differs from the configured one, as a fraction of it. */
  public static final double SPREAD = 0.1;

  private ResyncSpread() {}

  /** The delay until {@code key}'s (an App's uid) next resync. */
  public static Duration next(Duration interval, String key) {
    double offset = (unit(key) * 2 - 1) * SPREAD; // in [-SPREAD, SPREAD)
    return Duration.ofMillis(Math.round(interval.toMillis() * (1 + offset)));
  }

  /** A number in [0, 1) spread evenly over keys, however alike the keys are (murmur3's finaliser). */
  static double unit(String key) {
    long h = key == null ? 0 : key.hashCode();
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53;
  }
}
