package dev.wharf.provisioning;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts mutating calls sent to the servers. Every provisioner sends each write through
 * {@link #record}; tests and the onboarding benchmark read the counts.
 */
public final class Writes {

  private final LongAdder total = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> byKind = new ConcurrentHashMap<>();

  /** Records one write of kind {@code what} (e.g. "mysql grant"); never a secret. */
  public void record(String what) {
    total.increment();
    byKind.computeIfAbsent(what, k -> new LongAdder()).increment();
  }

  public long count() {
    return total.sum();
  }

  /** Counts per kind, sorted by kind. */
  public Map<String, Long> byKind() {
    var out = new TreeMap<String, Long>();
    byKind.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
