package org.centralis.shared.infrastructure.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A node-local memory of values that are each trusted for a fixed time after they were put, for facts read on every
 * request that change rarely and may be seen late by that long (who a login is, that a password passed its check).
 * It is bounded crudely: at {@code maxEntries} it forgets everything, which costs one lookup per key and never grows
 * the heap with logins that come once. A value is never removed on change; the time to live is the promise.
 */
public final class ExpiringMap<K, V> {

  private record Entry<V>(V value, long expiresAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long ttlMillis;
  private final int maxEntries;
  private final LongSupplier clock;

  public ExpiringMap(long ttlMillis, int maxEntries) {
    this(ttlMillis, maxEntries, System::currentTimeMillis);
  }

  /** With a clock of epoch milliseconds of the caller's choosing, so that a test can let time pass. */
  public ExpiringMap(long ttlMillis, int maxEntries, LongSupplier clock) {
    this.ttlMillis = ttlMillis;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** The value put for {@code key} less than the time to live ago, or null. */
  public V get(K key) {
    Entry<V> e = entries.get(key);
    return e == null || e.expiresAt() < clock.getAsLong() ? null : e.value();
  }

  public void put(K key, V value) {
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(key, new Entry<>(value, clock.getAsLong() + ttlMillis));
  }
}
