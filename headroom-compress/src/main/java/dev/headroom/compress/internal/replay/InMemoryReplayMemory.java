package dev.headroom.compress.internal.replay;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.Replay;
import dev.headroom.compress.ReplayMemory;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * A {@link ReplayMemory} in one map in access order: a recall moves its entries to the tail and
 * renews them; the head goes first when the byte cap is reached; an entry idle past the expiry is
 * dropped when met. One lock: every operation is short.
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryReplayMemory implements ReplayMemory {

  /**
   * Heap per entry besides its replay's own count and its key's text: the key record and its two
   * strings' headers (24 + 2 × 40), the entry (24), its map node and table slot (48), the replay
   * record's header beyond {@link Replay#size()}'s allowance and the rewriter's weak memo entry
   * (about 40).
   */
  static final int ENTRY_OVERHEAD = 216;

  private final long maxBytes;
  private final long idleNanos;
  private final LongSupplier clock;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  /**
   * @param maxBytes the byte cap, at least 1
   * @param idleExpiry how long an unused entry is kept, positive
   * @param clock nanosecond clock (tests pass a fake one)
   */
  public InMemoryReplayMemory(long maxBytes, Duration idleExpiry, LongSupplier clock) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (idleExpiry.isNegative() || idleExpiry.isZero()) {
      throw new IllegalArgumentException("idleExpiry must be positive: " + idleExpiry);
    }
    this.maxBytes = maxBytes;
    this.idleNanos = idleExpiry.toNanos();
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public synchronized Map<String, Replay> recall(String scope, Collection<String> keys) {
    Objects.requireNonNull(scope, "scope must not be null");
    long now = clock.getAsLong();
    Map<String, Replay> found = new HashMap<>();
    for (String key : keys) {
      Key k = new Key(scope, key);
      Entry entry = entries.get(k); // moves it to the tail: used most recently
      if (entry == null) {
        continue;
      }
      if (now - entry.usedAt > idleNanos) {
        entries.remove(k);
        bytes -= entry.charge;
        continue;
      }
      entry.usedAt = now;
      found.put(key, entry.replay);
    }
    return found;
  }

  @Override
  public synchronized void remember(String scope, String key, Replay replay) {
    Key k = new Key(Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(key, "key"));
    long charge = charge(scope, key, Objects.requireNonNull(replay, "replay"));
    if (charge > maxBytes || entries.containsKey(k)) {
      return; // too large to ever fit, or already remembered: the first value stays
    }
    entries.put(k, new Entry(replay, charge, clock.getAsLong()));
    bytes += charge;
    Iterator<Entry> oldest = entries.values().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      bytes -= oldest.next().charge;
      oldest.remove();
    }
  }

  /**
   * What an entry counts against the byte cap: the heap it takes, not only its replay's bytes. For
   * small replays (a compressed 1 KB table is a few hundred bytes) the objects around them are as
   * large again: the key's two strings, the entry, its map node, and the rewriter's identity memo
   * of the replay's bytes ({@value #ENTRY_OVERHEAD} bytes besides the strings' text). Counting only
   * the replays let a 64 MiB memory hold 170 MB of heap under many small entries.
   *
   * @param scope the entry's scope
   * @param key its key
   * @param replay its replay
   * @return the bytes it counts
   */
  public static long charge(String scope, String key, Replay replay) {
    return replay.size() + scope.length() + key.length() + ENTRY_OVERHEAD;
  }

  /**
   * @return how many entries are held (idle ones may be counted until met)
   */
  public synchronized int size() {
    return entries.size();
  }

  private record Key(String scope, String key) {}

  private static final class Entry {
    final Replay replay;
    final long charge;
    long usedAt;

    Entry(Replay replay, long charge, long usedAt) {
      this.replay = replay;
      this.charge = charge;
      this.usedAt = usedAt;
    }
  }
}
