package dev.headroom.proxy.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.proxy.RedisServer;
import dev.headroom.proxy.Tests;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two proxies' view of which conversations have the tool, through one real Redis. */
class SharedConversationsTest {

  private static final Duration DAY = Duration.ofHours(24);

  private static long pttl(RedisLink link, String key) {
    return link.call(Request.cmd(Command.PTTL).arg(SharedConversations.PREFIX + key)).toLong();
  }

  @Test
  void aConversationGivenTheToolOnOneProxyIsKnownToAnotherUnderItsOwnKeyWithATimeToLive()
      throws Exception {
    Vertx vertx = Vertx.vertx();
    try (RedisServer redis = RedisServer.start()) {
      RedisLink one = RedisLink.create(vertx, redis.uri());
      RedisLink other = RedisLink.create(vertx, redis.uri());
      CcrMetrics otherMetrics = new CcrMetrics();
      SharedConversations first = new SharedConversations(one, DAY, 10, new CcrMetrics());
      SharedConversations second = new SharedConversations(other, DAY, 10, otherMetrics);

      first.add("key:a|s:session-1", 1);

      assertTrue(second.contains("key:a|s:session-1"));
      assertTrue(second.contains("key:a|s:session-1"), "asked again: answered locally");
      assertFalse(
          second.contains("key:b|s:session-1"), "another API key's conversation of the same name");
      assertEquals(
          2,
          otherMetrics.conversationLookups(),
          "one lookup per conversation not known locally, none for a known one");
      long ttl = pttl(one, "key:a|s:session-1");
      assertTrue(
          ttl > DAY.toMillis() - 60_000 && ttl <= DAY.toMillis(), "SET … PX the TTL: " + ttl);
    } finally {
      Tests.await(vertx.close());
    }
  }

  @Test
  void aNoIsNotRememberedSoAConversationGivenTheToolLaterElsewhereIsFound() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (RedisServer redis = RedisServer.start()) {
      SharedConversations first =
          new SharedConversations(RedisLink.create(vertx, redis.uri()), DAY, 10, new CcrMetrics());
      SharedConversations second =
          new SharedConversations(RedisLink.create(vertx, redis.uri()), DAY, 10, new CcrMetrics());

      assertFalse(second.contains("h:0123"), "turn 1 on the second proxy: not compressed, no tool");
      first.add("h:0123", 1);

      assertTrue(
          second.contains("h:0123"),
          "turn 3 on the second proxy: the first gave it the tool at turn 2");
      assertTrue(
          second.anyMayHaveTool(),
          "with a shared store any request may belong to such a conversation");
    } finally {
      Tests.await(vertx.close());
    }
  }

  @Test
  void aKnownConversationRenewsItsKeyWithoutALookup() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (RedisServer redis = RedisServer.start()) {
      RedisLink link = RedisLink.create(vertx, redis.uri());
      Duration ttl = Duration.ofSeconds(4); // renewed when older than half a second
      CcrMetrics metrics = new CcrMetrics();
      SharedConversations conversations = new SharedConversations(link, ttl, 10, metrics);
      conversations.add("h:77", 1);
      link.call(Request.cmd(Command.PEXPIRE).arg(SharedConversations.PREFIX + "h:77").arg(1_000));
      Thread.sleep(SharedConversations.refreshEvery(ttl).toMillis() + 50);

      assertTrue(conversations.contains("h:77"));

      assertTrue(
          Tests.eventually(() -> pttl(link, "h:77") > 2_000),
          "renewed to the full TTL in the background");
      assertEquals(0, metrics.conversationLookups());
    } finally {
      Tests.await(vertx.close());
    }
  }

  @Test
  void withRedisDownOnlyLocalKnowledgeCountsAndEveryFailureIsCounted() throws Exception {
    Vertx vertx = Vertx.vertx();
    RedisServer redis = RedisServer.start();
    try {
      CcrMetrics metrics = new CcrMetrics();
      SharedConversations conversations =
          new SharedConversations(RedisLink.create(vertx, redis.uri()), DAY, 10, metrics);
      conversations.add("h:known", 1);
      redis.close();

      assertTrue(conversations.contains("h:known"));
      assertFalse(conversations.contains("h:unknown"));
      conversations.add("h:new", 1);
      assertTrue(conversations.contains("h:new"), "given the tool while Redis is down: known here");
      assertEquals(
          2,
          metrics.conversationErrors(),
          "the failed lookup and the write that could not be made");
    } finally {
      redis.close();
      Tests.await(vertx.close());
    }
  }
}
