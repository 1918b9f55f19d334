package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.compress.internal.StoreSizes;
import dev.headroom.compress.internal.replay.InMemoryReplayMemory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the live-zone rewrite remembers of the blocks it compressed, so that a conversation's
 * history stays one stable, compressed text from turn to turn: per owner scope, a key of each
 * original block (a digest of its JSON bytes as the client sent them) to the exact {@link Replay}
 * that replaced it. Every later request in that scope gets those same bytes wherever the original
 * appears again, so the provider's prompt cache keeps matching, and the block is paid compressed on
 * every turn.
 *
 * <p>A key, once remembered, keeps its first value: an entry is never replaced by another
 * compression of the same block, and a lost entry (evicted, expired) means the original is sent
 * again, never a different compression. Implementations are thread-safe and may block (a shared
 * store): call them off any event loop.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ReplayMemory {

  /**
   * @param scope the caller's scope; nothing remembered under another scope is returned
   * @param keys digests of original blocks
   * @return the replays known for those keys (absent keys are not in the map)
   */
  Map<String, Replay> recall(String scope, Collection<String> keys);

  /**
   * Remembers a replay unless the key already has one.
   *
   * @param scope the caller's scope
   * @param key the digest of the original block
   * @param replay what replaced it
   */
  void remember(String scope, String key, Replay replay);

  /**
   * @return a memory that remembers nothing: every request is compressed on its own, as before
   *     sessions were tracked
   */
  static ReplayMemory none() {
    return None.INSTANCE;
  }

  /**
   * @return an in-process memory of at most {@link #defaultMaxBytes()} whose entries expire 24
   *     hours after they were last used
   */
  static ReplayMemory inMemory() {
    return inMemory(defaultMaxBytes(), Duration.ofHours(24));
  }

  /**
   * The byte cap of the default in-process memory: an eighth of this JVM's maximum heap, at least 1
   * MiB and at most 64 MiB (64 MiB under a heap of 512 MiB or more, 32 MiB under 256 MiB).
   *
   * @return the cap in bytes
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  static long defaultMaxBytes() {
    return StoreSizes.defaultBytes();
  }

  /**
   * An in-process memory bounded by bytes: the entries used longest ago go first when the cap is
   * reached, and an entry not used for {@code idleExpiry} is forgotten (each use renews it).
   *
   * @param maxBytes the most bytes kept, at least 1: each entry counts its replay's bytes, its key
   *     and the bookkeeping around it (some 200 bytes), so the cap bounds the heap it takes
   * @param idleExpiry how long an unused entry is kept, positive
   * @return a new memory
   */
  static ReplayMemory inMemory(long maxBytes, Duration idleExpiry) {
    Objects.requireNonNull(idleExpiry, "idleExpiry must not be null");
    return new InMemoryReplayMemory(maxBytes, idleExpiry, System::nanoTime);
  }

  /** The memory that remembers nothing. */
  enum None implements ReplayMemory {
    INSTANCE;

    @Override
    public Map<String, Replay> recall(String scope, Collection<String> keys) {
      return Map.of();
    }

    @Override
    public void remember(String scope, String key, Replay replay) {
      // forgotten at once
    }
  }
}
