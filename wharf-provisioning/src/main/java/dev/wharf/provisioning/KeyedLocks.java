package dev.wharf.provisioning;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per key (an app, a client id): calls about the same thing are serialised, so two
 * reconciles cannot both create it, while calls about different things run side by side.
 */
public final class KeyedLocks<K> {
  private final ConcurrentHashMap<K, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** Holds the lock of {@code key} until the returned handle is closed. */
  public Held hold(K key) {
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
    lock.lock();
    return lock::unlock;
  }

  /** A held lock; closing it releases it. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }
}
