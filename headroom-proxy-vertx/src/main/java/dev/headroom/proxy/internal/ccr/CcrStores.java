package dev.headroom.proxy.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CcrStore;
import dev.headroom.compress.ReplayMemory;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Opens what {@code --ccr-store} names: where originals are kept, which conversations have the
 * retrieval tool, and the replay memory of compressed blocks — in this proxy's memory, or shared by
 * a fleet in one Redis.
 */
@API(status = INTERNAL, since = "0.1")
public final class CcrStores {

  /**
   * How many conversations one proxy remembers (in memory, or as its local cache in front of
   * Redis).
   */
  static final int CONVERSATIONS = 100_000;

  /**
   * Where and for how long.
   *
   * @param redis a {@code redis://} URI, or empty for this proxy's memory
   * @param originalsTtl how long an original can be retrieved after it was stored
   * @param conversationTtl how long a conversation keeps the tool in Redis after its last use
   * @param replayBytes the most bytes of compressed blocks this proxy keeps in memory for replay
   * @param replayTtl how long a compressed block is kept for replay after its last use
   */
  @API(status = INTERNAL, since = "0.1")
  public record Settings(
      Optional<URI> redis,
      Duration originalsTtl,
      Duration conversationTtl,
      long replayBytes,
      Duration replayTtl) {}

  /**
   * The three stores, in the same place.
   *
   * @param store where originals are kept
   * @param conversations which conversations have the tool
   * @param replay the compressed blocks every later request of their conversation replays
   * @param redis the Redis link the three share, when they are in Redis (statistics and limits use
   *     it too)
   */
  @API(status = INTERNAL, since = "0.1")
  public record Opened(
      CcrStore store,
      Conversations conversations,
      ReplayMemory replay,
      Optional<RedisLink> redis) {}

  private CcrStores() {}

  /**
   * @param vertx the proxy's Vert.x (the Redis client runs on it)
   * @param settings where and for how long
   * @param metrics counts expiries, conversation lookups and replay hits
   * @return the stores, in memory or all in Redis through one client
   */
  public static Opened open(Vertx vertx, Settings settings, CcrMetrics metrics) {
    ReplayMemory local = ReplayMemory.inMemory(settings.replayBytes(), settings.replayTtl());
    if (settings.redis().isEmpty()) {
      return new Opened(
          CcrStore.inMemory(
              1_000, CcrStore.defaultMaxBytes(), settings.originalsTtl(), metrics::expired),
          Conversations.inMemory(CONVERSATIONS),
          new MeteredReplayMemory(local, metrics),
          Optional.empty());
    }
    RedisLink link = RedisLink.create(vertx, settings.redis().get().toString());
    return new Opened(
        RedisCcrStore.create(link, settings.originalsTtl(), metrics::expired),
        new SharedConversations(link, settings.conversationTtl(), CONVERSATIONS, metrics),
        new MeteredReplayMemory(
            new RedisReplayMemory(link, local, settings.replayTtl(), metrics), metrics),
        Optional.of(link));
  }
}
