package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.headroom.compress.CcrEntry;
import dev.headroom.proxy.internal.ccr.RedisCcrStore;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Proxies sharing one real Redis ({@code --ccr-store redis://…}): what one compressed, another
 * returns, only to the same key; a conversation that got the retrieval tool on one keeps it on the
 * others; entries expire; and an outage never fails a request.
 */
class SharedRedisStoreTest {

  private static final Duration GENEROUS = Duration.ofSeconds(10);
  private static final Pattern MARKER = Pattern.compile("<<ccr:([0-9a-f]+) ");

  private static String chat() throws Exception {
    return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Did any order fail?\"},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
        + RetrievalConversationTest.q(LiveZoneCompressionTest.orders())
        + "}]}";
  }

  @Test
  void aMarkerWrittenThroughOneProxyIsRetrievedThroughAnotherOnlyWithTheSameKey() throws Exception {
    try (RedisServer redis = RedisServer.start();
        ProxyFixture first =
            ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS));
        ProxyFixture second =
            ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS))) {
      first.post("/v1/chat/completions", chat(), "authorization", "Bearer sk-owner");
      String sent = new String(first.openai.take().body(), StandardCharsets.UTF_8);
      Matcher marker = MARKER.matcher(sent);
      assertTrue(marker.find(), "compressed through the first proxy: " + sent);

      Tests.Reply owner =
          second.get("/v1/retrieve/" + marker.group(1), "authorization", "Bearer sk-owner");
      Tests.Reply stranger =
          second.get("/v1/retrieve/" + marker.group(1), "authorization", "Bearer sk-other");

      assertEquals(200, owner.status());
      assertTrue(
          new String(owner.body(), StandardCharsets.UTF_8).contains("ord_100042"),
          "the original, through the second proxy");
      assertEquals(404, stranger.status(), "another key cannot read it");
      assertTrue(
          second.proxy.scrapeMetrics().contains("headroom_ccr_hits_total 1.0"),
          second.proxy.scrapeMetrics());
      assertTrue(
          first.proxy.scrapeMetrics().matches("(?s).*headroom_ccr_stores_total [1-9].*"),
          first.proxy.scrapeMetrics());
    }
  }

  @Test
  void aBlockCompressedThroughOneProxyIsReplayedByAnotherOnTheNextTurn() throws Exception {
    try (RedisServer redis = RedisServer.start();
        ProxyFixture first =
            ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS));
        ProxyFixture second =
            ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS))) {
      first.post("/v1/chat/completions", chat(), "authorization", "Bearer sk-owner");
      String compressed = toolOutputAsSent(first.openai.take().body());
      String nextTurn =
          chat()
              .replace(
                  "}]}",
                  "},{\"role\":\"assistant\",\"content\":\"One failed.\"},"
                      + "{\"role\":\"user\",\"content\":\"Which one?\"}]}");

      Tests.Reply reply =
          second.post("/v1/chat/completions", nextTurn, "authorization", "Bearer sk-owner");

      assertEquals(
          compressed, toolOutputAsSent(second.openai.take().body()), "the same bytes, replayed");
      assertEquals("1", reply.headers().get("x-headroom-replayed-blocks"));
      assertTrue(
          second.proxy.scrapeMetrics().contains("headroom_replay_hits_total 1.0"),
          second.proxy.scrapeMetrics());
    }
  }

  /** The tool message (the second of {@code messages}) as sent, byte for byte. */
  private static String toolOutputAsSent(byte[] body) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(body)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean messages = parser.currentName().equals("messages");
        parser.nextToken();
        if (!messages) {
          parser.skipChildren();
          continue;
        }
        parser.nextToken();
        parser.skipChildren(); // the user's question
        parser.nextToken();
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        return new String(body, start, end - start, StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no messages in " + new String(body, StandardCharsets.UTF_8));
  }

  /**
   * A later turn of the conversation {@link RetrievalConversationTest.Api#CHAT} starts: far too
   * small to compress.
   */
  private static String laterTurn(String question) throws Exception {
    return "{\"model\":\"gpt-4o\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"orders\",\"parameters\":{\"type\":\"object\"}}}],"
        + "\"messages\":[{\"role\":\"user\",\"content\":"
        + RetrievalConversationTest.q(RetrievalConversationTest.QUESTION)
        + "},"
        + "{\"role\":\"assistant\",\"content\":\"ord_100123 shipped.\"},{\"role\":\"user\",\"content\":"
        + RetrievalConversationTest.q(question)
        + "}]}";
  }

  @Test
  void theToolSticksToAConversationWhicheverProxyItsLaterTurnsLandOn() throws Exception {
    RetrievalConversationTest.Api api = RetrievalConversationTest.Api.CHAT;
    try (RedisServer redis = RedisServer.start();
        ProxyFixture first =
            ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS));
        ProxyFixture second =
            ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS))) {
      api.post(first, api.body(LiveZoneCompressionTest.orders()), "sk-owner");
      byte[] turn1 = first.openai.take().body();
      Tests.Reply reply2 = api.post(second, laterTurn("Thanks. And ord_100200?"), "sk-owner");
      byte[] turn2 = second.openai.take().body();
      api.post(second, laterTurn("One more: ord_100201?"), "sk-owner");
      byte[] turn3 = second.openai.take().body();
      api.post(second, laterTurn("Thanks. And ord_100200?"), "sk-stranger");
      byte[] strangers = second.openai.take().body();

      String tools = RetrievalConversationTest.toolsBytes(turn1);
      assertTrue(
          MARKER.matcher(new String(turn1, StandardCharsets.UTF_8)).find(),
          "turn 1 was compressed through the first proxy");
      assertTrue(tools.contains("\"headroom_retrieve\""), tools);
      assertFalse(
          MARKER.matcher(new String(turn2, StandardCharsets.UTF_8)).find(),
          "turn 2 is not compressed");
      assertFalse(reply2.headers().contains("x-headroom-tokens-saved"));
      assertEquals(
          tools,
          RetrievalConversationTest.toolsBytes(turn2),
          "turn 2, on the second proxy, carries the same tools bytes");
      assertEquals(tools, RetrievalConversationTest.toolsBytes(turn3), "turn 3 too");
      assertEquals(
          laterTurn("Thanks. And ord_100200?"),
          new String(strangers, StandardCharsets.UTF_8),
          "the same words under another API key are another conversation: untouched");
      assertTrue(
          second.proxy.scrapeMetrics().contains("headroom_ccr_conversation_lookups_total 2.0"),
          "turn 2 and the stranger were looked up in Redis, turn 3 was known locally: "
              + second.proxy.scrapeMetrics());
    }
  }

  @Test
  void withRedisStoppedAConversationKeepsTheToolWhereItIsKnownAndNoRequestFails() throws Exception {
    RetrievalConversationTest.Api api = RetrievalConversationTest.Api.CHAT;
    RedisServer redis = RedisServer.start();
    try (ProxyFixture first =
            ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS));
        ProxyFixture second =
            ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS))) {
      api.post(first, api.body(LiveZoneCompressionTest.orders()), "sk-owner");
      String tools = RetrievalConversationTest.toolsBytes(first.openai.take().body());

      redis.close();
      Tests.Reply known = api.post(first, laterTurn("Thanks. And ord_100200?"), "sk-owner");
      String knownTools = RetrievalConversationTest.toolsBytes(first.openai.take().body());
      Tests.Reply unknown = api.post(second, laterTurn("Thanks. And ord_100200?"), "sk-owner");
      byte[] unknownSent = second.openai.take().body();

      assertEquals(200, known.status());
      assertEquals(tools, knownTools, "the proxy that gave the tool still knows it");
      assertEquals(200, unknown.status());
      assertEquals(
          laterTurn("Thanks. And ord_100200?"),
          new String(unknownSent, StandardCharsets.UTF_8),
          "the other proxy cannot know: the client's bytes go upstream");
      assertTrue(
          second
              .proxy
              .scrapeMetrics()
              .matches("(?s).*headroom_ccr_conversation_errors_total [1-9].*"),
          second.proxy.scrapeMetrics());
    } finally {
      redis.close();
    }
  }

  @Test
  void anEntryExpiresAtItsTimeToLive() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      Vertx vertx = Vertx.vertx();
      AtomicInteger expiries = new AtomicInteger();
      RedisCcrStore store =
          RedisCcrStore.create(
              vertx, redis.uri(), Duration.ofMillis(1500), expiries::incrementAndGet);
      try {
        store.put(new CcrEntry("00112233aabbccdd", "key:one", "the original", "3 rows omitted"));

        assertEquals(
            "the original", store.get("00112233aabbccdd", "key:one").orElseThrow().content());
        assertTrue(
            store.get("00112233aabbccdd", "key:two").isEmpty(),
            "scoped: another key's read misses");
        assertTrue(
            Tests.eventually(() -> store.get("00112233aabbccdd", "key:one").isEmpty()),
            "gone after its TTL");
        assertEquals(
            1, expiries.get(), "a read just past the TTL is counted as an expiry, not a miss");
      } finally {
        store.close();
        Tests.await(vertx.close());
      }
    }
  }

  @Test
  void withRedisStoppedRequestsStillSucceedUncompressed() throws Exception {
    RedisServer redis = RedisServer.start();
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS))) {
      fx.post("/v1/chat/completions", chat(), "authorization", "Bearer sk-owner");
      assertTrue(
          MARKER.matcher(new String(fx.openai.take().body(), StandardCharsets.UTF_8)).find(),
          "compressed while Redis is up");

      redis.close();
      // Another tool output: nothing of it was compressed before, so nothing can be replayed.
      String body =
          chat().replace("Did any order fail?", "Any failures at all?").replace("ord_", "inv_");
      Tests.Reply reply = fx.post("/v1/chat/completions", body, "authorization", "Bearer sk-owner");

      assertEquals(200, reply.status());
      byte[] sent = fx.openai.take().body();
      assertArrayEquals(
          body.getBytes(StandardCharsets.UTF_8),
          sent,
          "without a store, the client's bytes go upstream");
      assertFalse(reply.headers().contains("x-headroom-tokens-saved"));
    } finally {
      redis.close();
    }
  }
}
