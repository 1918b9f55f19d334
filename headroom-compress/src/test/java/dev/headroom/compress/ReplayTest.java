package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.replay.InMemoryReplayMemory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Compress once, replay verbatim: a block compressed on one turn goes as the very same bytes on
 * every later turn of its conversation, wherever it now sits in the history, so the provider's
 * prompt cache keeps matching; nothing else of the history changes.
 */
class ReplayTest {

  private static final CompressContext OWNER = CompressContext.defaults().withScope("key:owner");

  private static LiveZoneRewriter rewriter(ReplayMemory memory, Duration budget) {
    return LiveZoneRewriter.create(
        Compressor.create(), LiveZoneOptions.defaults().withRequestBudget(budget), memory);
  }

  private static LiveZoneRewriter rewriter(ReplayMemory memory) {
    return rewriter(memory, Duration.ofSeconds(30));
  }

  private static String logOf(String service, int lines) {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      log.append("2026-12-06T10:00:")
          .append(10 + i % 50)
          .append("Z INFO ")
          .append(service)
          .append(" handled GET /v1/items/")
          .append(1000 + i)
          .append(" in ")
          .append(3 + i % 9)
          .append(" ms\n");
    }
    return log.append("2026-12-06T10:01:00Z ERROR ")
        .append(service)
        .append(" lost its database\n")
        .toString();
  }

  /** A chat request: the history of earlier turns, then one tool call and its output. */
  private static byte[] chat(String... outputs) {
    StringBuilder messages = new StringBuilder("{\"role\":\"system\",\"content\":\"Be brief.\"}");
    for (int i = 0; i < outputs.length; i++) {
      messages
          .append(",{\"role\":\"user\",\"content\":\"What failed in step ")
          .append(i)
          .append("?\"},{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c")
          .append(i)
          .append(
              "\",\"type\":\"function\",\"function\":{\"name\":\"logs\",\"arguments\":\"{}\"}}]},")
          .append("{\"role\":\"tool\",\"tool_call_id\":\"c")
          .append(i)
          .append("\",\"content\":")
          .append(LiveZoneRewriterTest.quoted(outputs[i]))
          .append('}');
      if (i < outputs.length - 1) {
        messages
            .append(",{\"role\":\"assistant\",\"content\":\"Step ")
            .append(i)
            .append(" done.\"}");
      }
    }
    return ("{\"model\":\"gpt-4o\",\"messages\":[" + messages + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void aBlockCompressedOnOneTurnGoesAsTheSameBytesOnEveryLaterTurn() {
    LiveZoneRewriter rewriter = rewriter(ReplayMemory.inMemory());
    String first = logOf("orders", 400);
    String second = logOf("billing", 400);
    String third = logOf("shipping", 400);

    LiveZoneResult turn1 = rewriter.rewrite(chat(first), ProviderApi.CHAT_COMPLETIONS, OWNER);
    LiveZoneResult turn2 =
        rewriter.rewrite(chat(first, second), ProviderApi.CHAT_COMPLETIONS, OWNER);
    LiveZoneResult turn3 =
        rewriter.rewrite(chat(first, second, third), ProviderApi.CHAT_COMPLETIONS, OWNER);

    // What the provider received on each turn is the start of what it receives on the next: the
    // last message of a turn is closed by the next turn's answer, so compare up to it.
    String sent1 = text(turn1.body());
    String sent2 = text(turn2.body());
    String sent3 = text(turn3.body());
    assertTrue(
        sent2.startsWith(sent1.substring(0, sent1.length() - 2)), "turn 2 starts with turn 1");
    assertTrue(
        sent3.startsWith(sent2.substring(0, sent2.length() - 2)), "turn 3 starts with turn 2");
    assertFalse(sent3.contains("/v1/items/1100 "), "every output went compressed");
    List<String> outcomes = turn3.blocks().stream().map(BlockDecision::outcome).toList();
    assertEquals(2, outcomes.stream().filter("replayed"::equals).count(), outcomes.toString());
    assertEquals(1, outcomes.stream().filter("compressed"::equals).count(), outcomes.toString());
    BlockDecision replayed =
        turn3.blocks().stream().filter(BlockDecision::replayed).findFirst().orElseThrow();
    BlockDecision fresh =
        turn1.blocks().stream().filter(BlockDecision::compressed).findFirst().orElseThrow();
    assertEquals(fresh.tokensBefore(), replayed.tokensBefore());
    assertEquals(fresh.tokensAfter(), replayed.tokensAfter());
    assertTrue(replayed.compressed(), "a replayed block counts as compressed text sent");
  }

  @Test
  void aLaterTurnWhoseBlocksAreAllReplayedIsScannedWithNothingLeftToCompress() {
    LiveZoneRewriter rewriter = rewriter(ReplayMemory.inMemory());
    String first = logOf("orders", 400);
    byte[] turn1 = chat(first);
    String asked = text(turn1);
    byte[] turn2 =
        (asked.substring(0, asked.length() - 2)
                + ",{\"role\":\"assistant\",\"content\":\"It lost its database.\"},"
                + "{\"role\":\"user\",\"content\":\"Since when?\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    ScannedRewrite<LiveZoneResult> scanned1 =
        rewriter.scan(turn1, ProviderApi.CHAT_COMPLETIONS, OWNER);
    assertTrue(scanned1.compresses(), "a fresh tool output is compressed");
    String sent1 = text(scanned1.finish().body());
    ScannedRewrite<LiveZoneResult> scanned2 =
        rewriter.scan(turn2, ProviderApi.CHAT_COMPLETIONS, OWNER);

    assertFalse(scanned2.compresses(), "its one tool output is replayed: nothing for a worker");
    LiveZoneResult sent2 = scanned2.finish();
    assertTrue(text(sent2.body()).startsWith(sent1.substring(0, sent1.length() - 2)));
    List<String> outcomes = sent2.blocks().stream().map(BlockDecision::outcome).toList();
    assertEquals(
        1, outcomes.stream().filter(BlockDecision.REPLAYED::equals).count(), outcomes.toString());
    assertFalse(outcomes.contains(BlockDecision.COMPRESSED), outcomes.toString());
    assertEquals(
        text(sent2.body()),
        text(rewriter.rewrite(turn2, ProviderApi.CHAT_COMPLETIONS, OWNER).body()),
        "the same bytes as the one-step rewrite");
  }

  @Test
  void aReplayThatIsNotOneJsonValueSendsTheClientsBodyAsItCame() {
    String first = logOf("orders", 400);
    byte[] turn = chat(first);
    for (String broken : List.of("\"cut short", "\"a\",\"b\"", "\"bad \\q escape\"", "{\"a\":}")) {
      // A memory of the application's own that hands back whatever it holds for any key.
      ReplayMemory garbled =
          new ReplayMemory() {
            @Override
            public Map<String, Replay> recall(String scope, java.util.Collection<String> keys) {
              Map<String, Replay> all = new java.util.HashMap<>();
              for (String key : keys) {
                all.put(
                    key,
                    new Replay(
                        broken.getBytes(StandardCharsets.UTF_8), ContentType.LOG, "log", 9, 3, 1));
              }
              return all;
            }

            @Override
            public void remember(String scope, String key, Replay replay) {}
          };

      LiveZoneResult result = rewriter(garbled).rewrite(turn, ProviderApi.CHAT_COMPLETIONS, OWNER);

      assertSame(turn, result.body(), broken);
      assertEquals("invalid_result", result.reason(), broken);
      assertTrue(result.blocks().stream().noneMatch(BlockDecision::compressed), broken);
    }
  }

  @Test
  void anotherScopeNeverGetsTheReplayAndItsHistoryGoesAsItCame() {
    ReplayMemory memory = ReplayMemory.inMemory();
    LiveZoneRewriter rewriter = rewriter(memory);
    String first = logOf("orders", 400);
    rewriter.rewrite(chat(first), ProviderApi.CHAT_COMPLETIONS, OWNER);

    byte[] turn2 = chat(first, "short");
    LiveZoneResult other =
        rewriter.rewrite(
            turn2, ProviderApi.CHAT_COMPLETIONS, CompressContext.defaults().withScope("key:other"));

    assertSame(turn2, other.body(), "the other key's history is its own");
  }

  @Test
  void aLostEntryMeansTheOriginalGoesNeverAnotherCompressionOfIt() {
    AtomicLong now = new AtomicLong();
    ReplayMemory memory = new InMemoryReplayMemory(1L << 20, Duration.ofMinutes(5), now::get);
    LiveZoneRewriter rewriter = rewriter(memory);
    String first = logOf("orders", 400);
    rewriter.rewrite(chat(first), ProviderApi.CHAT_COMPLETIONS, OWNER);
    now.addAndGet(Duration.ofMinutes(6).toNanos()); // idle past its expiry: forgotten

    byte[] turn2 = chat(first, "a short output");
    LiveZoneResult result = rewriter.rewrite(turn2, ProviderApi.CHAT_COMPLETIONS, OWNER);

    assertSame(turn2, result.body(), "the original goes, not a new compression of it");
    assertTrue(result.blocks().stream().noneMatch(BlockDecision::compressed), result.toString());
  }

  @Test
  void theFirstCompressionOfABlockStaysEvenWhenTheSameTextIsFreshAgain() {
    ReplayMemory memory = ReplayMemory.inMemory();
    String key = "0123456789abcdef0123456789abcdef";
    Replay first =
        new Replay("\"first\"".getBytes(StandardCharsets.UTF_8), ContentType.LOG, "log", 9, 9, 1);
    Replay second =
        new Replay("\"second\"".getBytes(StandardCharsets.UTF_8), ContentType.LOG, "log", 9, 9, 1);

    memory.remember("key:owner", key, first);
    memory.remember("key:owner", key, second);

    assertSame(first, memory.recall("key:owner", List.of(key)).get(key));
    assertEquals(Map.of(), memory.recall("key:other", List.of(key)));
  }

  @Test
  void replaysAreNeverSkippedForTimeTheirBytesAreWhatTheCacheHolds() {
    ReplayMemory memory = ReplayMemory.inMemory();
    String first = logOf("orders", 400);
    rewriter(memory).rewrite(chat(first), ProviderApi.CHAT_COMPLETIONS, OWNER);

    LiveZoneResult late =
        rewriter(memory, Duration.ofNanos(1))
            .rewrite(chat(first, logOf("billing", 400)), ProviderApi.CHAT_COMPLETIONS, OWNER);

    assertTrue(late.blocks().stream().anyMatch(BlockDecision::replayed), late.toString());
  }

  @Test
  void theMemoryForgetsWhatWasUsedLongestAgoFirstAndRenewsWhatItRecalls() {
    AtomicLong now = new AtomicLong();
    Replay replay = new Replay(new byte[100], ContentType.LOG, "log", 900, 300, 30);
    InMemoryReplayMemory memory =
        new InMemoryReplayMemory(
            3 * InMemoryReplayMemory.charge("s", "a", replay), Duration.ofMinutes(10), now::get);
    memory.remember("s", "a", replay);
    memory.remember("s", "b", replay);
    memory.remember("s", "c", replay);
    now.addAndGet(Duration.ofMinutes(6).toNanos());
    memory.recall("s", List.of("a")); // renews a, and makes b the one used longest ago

    memory.remember("s", "d", replay);
    now.addAndGet(Duration.ofMinutes(6).toNanos());

    // b went for room (used longest ago), c expired idle; a was renewed, d is young.
    assertEquals(Set.of("a", "d"), memory.recall("s", List.of("a", "b", "c", "d")).keySet());
  }

  @Test
  void smallEntriesCountTheirKeysAndBookkeepingAgainstTheCapNotOnlyTheirBytes() {
    Replay small = new Replay(new byte[10], ContentType.LOG, "log", 900, 300, 30);
    InMemoryReplayMemory memory =
        new InMemoryReplayMemory(100_000, Duration.ofMinutes(10), () -> 0L);
    for (int i = 0; i < 5_000; i++) {
      memory.remember("s", "%064x".formatted(i), small);
    }
    // Each holds 10 bytes of replay, 64 of key and some 200 of objects around them: a cap that
    // counted only the replay (77 each) would keep 1,298 of them in 100,000 bytes.
    assertTrue(memory.size() < 100_000 / 300, "entries held: " + memory.size());
    assertTrue(memory.size() > 100_000 / 400, "the cap is still used: " + memory.size());
  }
}
