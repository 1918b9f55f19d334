package dev.headroom.compress.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * A {@link CcrStore} whose contents are kept outside the collected heap, in a {@link ByteRing} the
 * size of the byte cap, in the order they were stored: the oldest entries go first when the entry
 * or byte cap is reached, and expired entries are dropped when met. Only a small record per entry
 * is on the heap, so a store under steady churn does not fill the old generation with evicted
 * originals. One lock: puts and gets are short (a copy of the content in or out).
 *
 * <p>Contents are kept as UTF-8, or as their raw chars when UTF-8 would not give the same string
 * back (an unpaired surrogate): a read returns exactly what was stored.
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryCcrStore implements CcrStore {

  private final int maxEntries;
  private final long maxBytes;
  private final long ttlNanos;
  private final LongSupplier clock;
  private final Runnable onExpired;
  private final HashMap<Key, Stored> entries = new HashMap<>();
  private final ByteRing<Key> ring;

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
    this.ring = new ByteRing<>(maxBytes);
  }

  @Override
  public void put(CcrEntry entry) {
    String content = entry.content();
    // UTF-8 gives the same string back unless a surrogate is unpaired (the encoder makes it '?').
    boolean utf8 = !hasLoneSurrogate(content);
    byte[] bytes = utf8 ? content.getBytes(StandardCharsets.UTF_8) : utf16(content);
    if (bytes.length > maxBytes) {
      return; // could never fit; storing it would evict everything else for nothing
    }
    Key key = new Key(entry.hash(), entry.scope());
    synchronized (this) {
      ByteRing.Record<Key> record;
      try {
        record = ring.write(key, bytes, entries::remove);
      } catch (OutOfMemoryError directMemoryExhausted) {
        return; // not kept, as if evicted at once: the request that compressed it goes on
      }
      // A re-put goes in again at the tail: it refreshes age and order.
      Stored old =
          entries.put(key, new Stored(entry.description(), utf8, record, clock.getAsLong()));
      if (old != null) {
        ring.free(old.record);
      }
      while (entries.size() > maxEntries && ring.dropOldest(entries::remove)) {
        // dropped
      }
    }
  }

  @Override
  public Optional<CcrEntry> get(String hash, String scope) {
    Key key = new Key(Objects.requireNonNull(hash, "hash"), Objects.requireNonNull(scope, "scope"));
    Stored stored;
    byte[] bytes;
    synchronized (this) {
      stored = entries.get(key);
      if (stored == null) {
        return Optional.empty();
      }
      if (clock.getAsLong() - stored.storedAt < ttlNanos) {
        bytes = ring.read(stored.record);
      } else {
        entries.remove(key);
        ring.free(stored.record);
        bytes = null;
      }
    }
    if (bytes == null) {
      onExpired.run(); // outside the lock: the observer is the caller's code
      return Optional.empty();
    }
    String content = stored.utf8 ? new String(bytes, StandardCharsets.UTF_8) : utf16(bytes);
    return Optional.of(new CcrEntry(hash, scope, content, stored.description));
  }

  @Override
  public synchronized int size() {
    return entries.size();
  }

  private record Key(String hash, String scope) {}

  private record Stored(
      String description, boolean utf8, ByteRing.Record<Key> record, long storedAt) {}

  /** {@return whether a high surrogate lacks its low one after it, or a low one its high one} */
  private static boolean hasLoneSurrogate(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++; // a pair
        } else {
          return true;
        }
      }
    }
    return false;
  }

  /** The text's chars as they are, two bytes each: no charset, as it would replace a lone one. */
  private static byte[] utf16(String text) {
    byte[] bytes = new byte[text.length() * 2];
    ByteBuffer.wrap(bytes).asCharBuffer().put(text);
    return bytes;
  }

  private static String utf16(byte[] bytes) {
    return ByteBuffer.wrap(bytes).asCharBuffer().toString();
  }

  @Override
  public String toString() {
    return "InMemoryCcrStore[entries=" + size() + ", maxEntries=" + maxEntries + "]";
  }

  /** For tests: the keys held, as {@code hash@scope}, in eviction order. */
  synchronized List<String> keys() {
    return ring.liveOwners().stream().map(k -> k.hash() + "@" + k.scope()).toList();
  }
}
