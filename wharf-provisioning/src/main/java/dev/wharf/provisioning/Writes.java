package dev.wharf.provisioning;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts mutating calls sent to the servers. Every provisioner sends each write through
 * {@link #record}; tests and the onboarding benchmark read the total.
 */
public final class Writes {

  private final AtomicLong count = new AtomicLong();

  /** Records one write; {@code what} names it for debugging and is never a secret. */
  public void record(String what) {
    count.incrementAndGet();
  }

  public long count() {
    return count.get();
  }
}
