package dev.headroom.compress.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * A {@link CcrStore} in a map ordered by insertion: the oldest entries go first when the entry or
 * byte cap is reached, and expired entries are dropped when met. One lock: puts and gets are short.
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryCcrStore implements CcrStore {

  private final int maxEntries;
  private final long maxBytes;
  private final long ttlNanos;
  private final LongSupplier clock;
  private final Runnable onExpired;
  private final LinkedHashMap<Key, Stored> entries = new LinkedHashMap<>();
  private long bytes;

  /**
   * @param maxEntries at least 1
   * @param maxBytes at least 1
   * @param ttl positive
   * @param clock nanosecond clock (tests pass a fake one)
   */
  public InMemoryCcrStore(int maxEntries, long maxBytes, Duration ttl, LongSupplier clock) {
    this(maxEntries, maxBytes, ttl, clock, () -> {});
  }

  /**
   * @param maxEntries at least 1
   * @param maxBytes at least 1
   * @param ttl positive
   * @param clock nanosecond clock (tests pass a fake one)
   * @param onExpired told of each read that found its entry expired
   */
  public InMemoryCcrStore(
      int maxEntries, long maxBytes, Duration ttl, LongSupplier clock, Runnable onExpired) {
    if (maxEntries < 1 || maxBytes < 1) {
      throw new IllegalArgumentException(
          "maxEntries and maxBytes must be positive: " + maxEntries + ", " + maxBytes);
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.ttlNanos = ttl.toNanos();
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.onExpired = Objects.requireNonNull(onExpired, "onExpired must not be null");
  }

  @Override
  public synchronized void put(CcrEntry entry) {
    long size = 2L * entry.content().length();
    if (size > maxBytes) {
      return; // could never fit; storing it would evict everything else for nothing
    }
    Key key = new Key(entry.hash(), entry.scope());
    Stored old = entries.remove(key); // re-insert at the tail: a re-put refreshes age and order
    if (old != null) {
      bytes -= old.size;
    }
    entries.put(key, new Stored(entry, size, clock.getAsLong()));
    bytes += size;
    Iterator<Stored> oldest = entries.values().iterator();
    while ((entries.size() > maxEntries || bytes > maxBytes) && oldest.hasNext()) {
      bytes -= oldest.next().size;
      oldest.remove();
    }
  }

  @Override
  public Optional<CcrEntry> get(String hash, String scope) {
    Key key = new Key(Objects.requireNonNull(hash, "hash"), Objects.requireNonNull(scope, "scope"));
    synchronized (this) {
      Stored stored = entries.get(key);
      if (stored == null) {
        return Optional.empty();
      }
      if (clock.getAsLong() - stored.storedAt < ttlNanos) {
        return Optional.of(stored.entry);
      }
      entries.remove(key);
      bytes -= stored.size;
    }
    onExpired.run(); // outside the lock: the observer is the caller's code
    return Optional.empty();
  }

  @Override
  public synchronized int size() {
    return entries.size();
  }

  private record Key(String hash, String scope) {}

  private record Stored(CcrEntry entry, long size, long storedAt) {}

  @Override
  public String toString() {
    return "InMemoryCcrStore[entries=" + size() + ", maxEntries=" + maxEntries + "]";
  }

  /** For tests: entries in eviction order. */
  synchronized Map<String, String> snapshot() {
    Map<String, String> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(k.hash() + "@" + k.scope(), v.entry.description()));
    return out;
  }
}
