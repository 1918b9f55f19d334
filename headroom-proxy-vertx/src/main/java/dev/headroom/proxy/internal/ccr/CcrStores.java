package dev.headroom.proxy.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CcrStore;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Opens what {@code --ccr-store} names: where originals are kept, and which conversations have the
 * tool.
 */
@API(status = INTERNAL, since = "0.1")
public final class CcrStores {

  /** How long an original can be retrieved after it was stored. */
  public static final Duration TTL = Duration.ofMinutes(30);

  /**
   * How many conversations one proxy remembers (in memory, or as its local cache in front of
   * Redis).
   */
  static final int CONVERSATIONS = 100_000;

  /**
   * The store of originals and the conversations that have the retrieval tool, in the same place.
   *
   * @param store where originals are kept
   * @param conversations which conversations have the tool
   */
  @API(status = INTERNAL, since = "0.1")
  public record Opened(CcrStore store, Conversations conversations) {}

  private CcrStores() {}

  /**
   * @param vertx the proxy's Vert.x (the Redis client runs on it)
   * @param uri a {@code redis://} URI, or empty for memory
   * @param conversationTtl how long a conversation keeps the tool in Redis after its last use
   * @param metrics counts expiries and conversation lookups
   * @return both, in memory or both in Redis through one client
   */
  public static Opened open(
      Vertx vertx, Optional<URI> uri, Duration conversationTtl, CcrMetrics metrics) {
    return open(vertx, uri, TTL, conversationTtl, metrics);
  }

  static Opened open(
      Vertx vertx, Optional<URI> uri, Duration ttl, Duration conversationTtl, CcrMetrics metrics) {
    if (uri.isEmpty()) {
      return new Opened(
          CcrStore.inMemory(1_000, 64L << 20, ttl, metrics::expired),
          Conversations.inMemory(CONVERSATIONS));
    }
    RedisLink link = RedisLink.create(vertx, uri.get().toString());
    return new Opened(
        RedisCcrStore.create(link, ttl, metrics::expired),
        new SharedConversations(link, conversationTtl, CONVERSATIONS, metrics));
  }
}
