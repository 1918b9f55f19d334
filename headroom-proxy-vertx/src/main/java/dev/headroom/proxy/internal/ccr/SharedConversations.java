package dev.headroom.proxy.internal.ccr;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;

/**
 * {@link Conversations} shared by every proxy pointed at one Redis, so the retrieval tool sticks to
 * a conversation whichever proxy a turn lands on. Key {@code headroom:conv:<conversation key>} (the
 * conversation key embeds the owner scope), value {@code 1}, {@code SET … PX <ttl>}; the time to
 * live is pushed back as the conversation is used.
 *
 * <p><b>Cost.</b> A local positive cache sits in front of Redis: a conversation this proxy already
 * knows has the tool costs no round trip (its key's time to live is renewed asynchronously, at most
 * once per {@linkplain #refreshEvery(Duration) eighth of the TTL}). The first time this proxy gives
 * a conversation the tool, one blocking {@code SET} tells the fleet. A request that was not
 * compressed and whose conversation this proxy does not know costs one blocking {@code PEXPIRE} (it
 * answers "exists" and renews the TTL in one round trip); a "yes" is cached locally, a "no" is not:
 * another proxy may give the conversation the tool at any moment, and a cached "no" would then drop
 * the tool from a later turn and flip the {@code tools} array. So with a shared store, every
 * request of a conversation that never had the tool costs one lookup, and {@link #anyMayHaveTool()}
 * is always true: even the smallest requests go through the rewrite (a body too small to compress
 * may still belong to a conversation another proxy gave the tool, e.g. a Responses request with
 * {@code previous_response_id}). Requests on other routes never look anything up.
 *
 * <p><b>Failure.</b> Calls share the originals' {@link RedisLink}: at most {@link
 * RedisLink#TIMEOUT} each, none while the link is down after a failure. Redis unavailable means
 * local knowledge only: conversations this proxy knows keep the tool, others get it only if their
 * own request is compressed (never a failed or delayed request); each such case counts in {@code
 * headroom_ccr_conversation_errors}.
 */
final class SharedConversations implements Conversations {

  static final String PREFIX = "headroom:conv:";

  private final RedisLink redis;
  private final LocalConversations known;
  private final long ttlMillis;
  private final long refreshNanos;
  private final CcrMetrics metrics;

  /**
   * @param redis the link the originals use
   * @param ttl how long a conversation keeps the tool fleet-wide after its last use
   * @param capacity how many conversations this proxy remembers locally
   * @param metrics counts lookups and failures
   */
  SharedConversations(RedisLink redis, Duration ttl, int capacity, CcrMetrics metrics) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    this.redis = redis;
    this.known = new LocalConversations(capacity);
    this.ttlMillis = ttl.toMillis();
    this.refreshNanos = refreshEvery(ttl).toNanos();
    this.metrics = metrics;
  }

  /** An active conversation (used within seven eighths of the TTL) never loses its key. */
  static Duration refreshEvery(Duration ttl) {
    return ttl.dividedBy(8);
  }

  @Override
  public boolean anyMayHaveTool() {
    return true;
  }

  /** Always: another proxy may have given any conversation the tool. */
  @Override
  public boolean mayContain(long firstUser) {
    return true;
  }

  @Override
  public boolean contains(String key) {
    Long writtenAt = known.writtenAt(key);
    if (writtenAt != null) {
      refreshIfDue(key, writtenAt);
      return true;
    }
    if (redis.down()) {
      metrics.conversationErrors.incrementAndGet();
      return false;
    }
    metrics.conversationLookups.incrementAndGet();
    Response renewed;
    try {
      renewed = redis.call(Request.cmd(Command.PEXPIRE).arg(PREFIX + key).arg(ttlMillis));
    } catch (RedisUnavailableException down) {
      metrics.conversationErrors.incrementAndGet();
      return false;
    }
    if (renewed == null || renewed.toInteger() != 1) {
      return false;
    }
    // Its fingerprint is not asked of the local cache (mayContain is always true here).
    known.put(key, System.nanoTime(), UNKNOWN_FIRST_USER);
    return true;
  }

  @Override
  public void add(String key, long firstUser) {
    Long writtenAt = known.writtenAt(key);
    if (writtenAt != null) {
      refreshIfDue(key, writtenAt);
      return;
    }
    known.put(key, System.nanoTime(), firstUser);
    if (redis.down()) {
      metrics.conversationErrors.incrementAndGet();
      return;
    }
    try {
      redis.call(set(key));
    } catch (RedisUnavailableException down) {
      metrics.conversationErrors.incrementAndGet();
    }
  }

  /**
   * Renews the key without waiting; a {@code SET} rather than {@code PEXPIRE}, so an evicted key
   * comes back.
   */
  private void refreshIfDue(String key, long writtenAt) {
    long now = System.nanoTime();
    if (now - writtenAt < refreshNanos) {
      return;
    }
    known.written(key, now);
    redis.send(set(key), metrics.conversationErrors::incrementAndGet);
  }

  private Request set(String key) {
    return Request.cmd(Command.SET).arg(PREFIX + key).arg("1").arg("PX").arg(ttlMillis);
  }

  @Override
  public String toString() {
    return "SharedConversations[ttl=" + ttlMillis + "ms]";
  }
}
