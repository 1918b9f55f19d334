package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.compress.internal.StoreSizes;
import dev.headroom.compress.internal.ccr.InMemoryCcrStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where originals dropped by compression are kept for retrieval, keyed by content hash <em>and</em>
 * owner scope: {@link #get(String, String)} never returns an entry stored under another scope, even
 * for the same hash. Implementations are thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CcrStore {

  /**
   * Stores an entry, replacing (and refreshing the age of) one with the same hash and scope.
   *
   * @param entry what to store
   */
  void put(CcrEntry entry);

  /**
   * @param hash the hash from a {@code <<ccr:HASH …>>} marker
   * @param scope the caller's scope
   * @return the entry, or empty when unknown, expired or owned by another scope
   */
  Optional<CcrEntry> get(String hash, String scope);

  /**
   * @return how many entries are held now (expired ones may still be counted until evicted)
   */
  int size();

  /**
   * A bounded in-memory store: the oldest entries are evicted first when either cap is reached, and
   * entries older than the time to live are never returned. The contents are kept outside the Java
   * heap (in direct buffers, allocated a mebibyte at a time as they fill, counted against {@code
   * -XX:MaxDirectMemorySize}), so a busy store adds nothing for the collector to copy; the byte cap
   * is also the most direct memory it takes.
   *
   * @param maxEntries the most entries kept, at least 1
   * @param maxBytes the most content bytes (UTF-8) kept, at least 1
   * @param ttl how long an entry may be retrieved after it was stored, positive
   * @return a new store
   */
  static CcrStore inMemory(int maxEntries, long maxBytes, Duration ttl) {
    return new InMemoryCcrStore(maxEntries, maxBytes, ttl, System::nanoTime);
  }

  /**
   * A bounded in-memory store, as {@link #inMemory(int, long, Duration)}, that also says when a
   * read finds an entry past its time to live: such a read still returns empty, as a miss does, and
   * then {@code onExpired} runs once, on the reading thread, after the store's lock is released (so
   * it should be quick). This is how a caller counts expiries apart from plain misses. Entries
   * evicted by the caps, or never read after expiring, are not reported.
   *
   * @param maxEntries the most entries kept, at least 1
   * @param maxBytes the most content bytes (UTF-8) kept, at least 1
   * @param ttl how long an entry may be retrieved after it was stored, positive
   * @param onExpired told of each read that found its entry expired (metrics count these)
   * @return a new store
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  static CcrStore inMemory(int maxEntries, long maxBytes, Duration ttl, Runnable onExpired) {
    return new InMemoryCcrStore(
        maxEntries,
        maxBytes,
        ttl,
        System::nanoTime,
        Objects.requireNonNull(onExpired, "onExpired must not be null"));
  }

  /**
   * @return a new in-memory store holding at most 1,000 entries and {@link #defaultMaxBytes()} for
   *     30 minutes
   */
  static CcrStore inMemory() {
    return inMemory(1_000, defaultMaxBytes(), Duration.ofMinutes(30));
  }

  /**
   * The byte cap of the default in-memory store: an eighth of this JVM's maximum heap, at least 1
   * MiB and at most 64 MiB (64 MiB under a heap of 512 MiB or more, 32 MiB under 256 MiB).
   *
   * @return the cap in bytes
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  static long defaultMaxBytes() {
    return StoreSizes.defaultBytes();
  }
}
