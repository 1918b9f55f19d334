package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The live-zone rules, ported from the original's tests (chat passthrough, tool message compressed,
 * n > 1, stream_options and tool_choice untouched, older tool messages untouched, Anthropic latest
 * user turn, Responses items preserved), and the splice invariant: every byte outside the replaced
 * values is the client's.
 */
class LiveZoneRewriterTest {

  // A generous budget: a cold test JVM loads classes on the first call; the budget has its own
  // test.
  private static final LiveZoneRewriter REWRITER =
      LiveZoneRewriter.create(
          Compressor.create(),
          LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30)));
  private static final CompressContext CONTEXT = CompressContext.defaults();

  /** 300 orders, one FAILED with a distinctive error, the queried id somewhere in the middle. */
  static String ordersJson() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      boolean failed = i == 217;
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"ord_")
          .append(100000 + i)
          .append("\",\"customer\":\"cus_")
          .append(7000 + i % 40)
          .append("\",\"total\":")
          .append(10 + i % 90)
          .append(".50")
          .append(",\"status\":\"")
          .append(failed ? "FAILED" : "shipped")
          .append("\",\"note\":\"")
          .append(failed ? "card_declined: insufficient funds" : "ok")
          .append("\"}");
    }
    return json.append(']').toString();
  }

  static String quoted(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body is prefix + replaced value + suffix: both ends must be the client's bytes exactly. */
  private static void assertOnlyTheValueBetweenChanged(
      String prefix, String suffix, byte[] result) {
    byte[] p = utf8(prefix);
    byte[] s = utf8(suffix);
    assertArrayEquals(
        p, Arrays.copyOfRange(result, 0, p.length), "bytes before the live zone changed");
    assertArrayEquals(
        s,
        Arrays.copyOfRange(result, result.length - s.length, result.length),
        "bytes after the live zone changed");
  }

  private static void assertValidJson(byte[] body) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(body)) {
      while (parser.nextToken() != null) {
        // reads every token; throws on invalid JSON
      }
    }
  }

  @Test
  void aSmallChatRequestIsForwardedAsTheSameBytes() {
    byte[] body =
        utf8("{\"model\":\"gpt-4o\",  \"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertSame(body, result.body());
    assertFalse(result.changed());
  }

  @Test
  void theLatestToolMessageIsCompressedAndEveryOtherByteIsKept() throws IOException {
    String prefix =
        "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"list_orders\"}},"
            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"list_orders\",\"parameters\":{\"type\":\"object\"}}}],"
            + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"call_0\",\"content\":"
            + quoted(ordersJson())
            + "},"
            + "{\"role\":\"user\",\"content\":\"What happened to ord_100123? Any failures?\"},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"list_orders\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":";
    String suffix = "}],  \"temperature\": 0.10 }";
    String original = ordersJson();
    byte[] body = utf8(prefix + quoted(original) + suffix);

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertTrue(result.changed(), result.toString());
    assertValidJson(result.body());
    assertOnlyTheValueBetweenChanged(prefix, suffix, result.body());
    String sent = text(result.body()).substring(prefix.length());
    assertTrue(sent.contains("card_declined"), "the error row must survive");
    assertTrue(sent.contains("ord_100123"), "the queried id must survive");
    assertTrue(
        result.body().length < body.length - utf8(original).length / 2,
        "the tool output must shrink by more than half");
    assertTrue(result.tokensAfter() < result.tokensBefore());
  }

  @Test
  void aToolOutputTheModelHasAlreadyAnsweredIsNoLongerInTheLiveZone() {
    // The provider cached this history as it was sent: compressing the old output now would make
    // the next request's prefix differ from the last one's.
    String prefix =
        "{\"model\":\"gpt-4o\",\"messages\":["
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"orders\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
            + quoted(ordersJson())
            + "},{\"role\":\"assistant\",\"content\":\"One order failed.\"},"
            + "{\"role\":\"user\",\"content\":\"Thanks.\"}]}";
    byte[] body = utf8(prefix);

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertSame(body, result.body(), result.toString());
  }

  @Test
  void aBlockLargerThanTheLimitGoesAsItCameAndTheRestIsStillCompressed() {
    LiveZoneRewriter limited =
        LiveZoneRewriter.create(
            Compressor.create(),
            LiveZoneOptions.defaults()
                .withRequestBudget(Duration.ofSeconds(30))
                .withMaxBlockBytes(20_000));
    String small = ordersJson().substring(0, 15_000);
    small = small.substring(0, small.lastIndexOf(",{")) + "]";
    byte[] body =
        utf8(
            "{\"model\":\"gpt-4o\",\"messages\":["
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                + "{\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"big\",\"arguments\":\"{}\"}},"
                + "{\"id\":\"b\",\"type\":\"function\",\"function\":{\"name\":\"small\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"a\",\"content\":"
                + quoted(ordersJson())
                + "},{\"role\":\"tool\",\"tool_call_id\":\"b\",\"content\":"
                + quoted(small)
                + "}]}");

    LiveZoneResult result = limited.rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertTrue(text(result.body()).contains(quoted(ordersJson())), "the large block goes whole");
    assertEquals(BlockDecision.TOO_LARGE, result.blocks().get(0).outcome());
    assertTrue(result.blocks().get(1).compressed(), result.blocks().toString());
  }

  @Test
  void aCallersQueryWinsOverTheLatestUserTextOfTheBody() {
    byte[] body =
        utf8(
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
                + quoted(ordersJson())
                + "}]}");

    String withoutQuery =
        text(REWRITER.rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT).body());
    String withQuery =
        text(
            REWRITER
                .rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT.withQuery("ord_100042"))
                .body());

    assertFalse(
        withoutQuery.contains("ord_100042"), "the body's own question does not name the row");
    assertTrue(withQuery.contains("ord_100042"), "the caller's question keeps the row it names");
  }

  @Test
  void moreThanOneChoiceIsNeverCompressed() {
    byte[] body =
        utf8(
            "{\"n\":2,\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
                + quoted(ordersJson())
                + "}]}");

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertSame(body, result.body());
    assertEquals("n_greater_than_one", result.reason());
  }

  @Test
  void anthropicCompressesOnlyTheLatestUserTurn() throws IOException {
    String cached =
        "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t0\",\"content\":"
            + quoted(ordersJson())
            + ",\"cache_control\":{\"type\":\"ephemeral\"}}]}";
    String prefix =
        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"system\":[{\"type\":\"text\",\"text\":\"You help.\"}],"
            + "\"messages\":["
            + cached
            + ",{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"hm\",\"signature\":\"sig==\"},"
            + "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"orders\",\"input\":{}}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":";
    String suffix = "},{\"type\":\"text\",\"text\":\"Why did ord_100217 fail?\"}]}]}";
    byte[] body = utf8(prefix + quoted(ordersJson()) + suffix);

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.ANTHROPIC_MESSAGES, CONTEXT);

    assertTrue(result.changed(), result.toString());
    assertValidJson(result.body());
    assertOnlyTheValueBetweenChanged(prefix, suffix, result.body());
    assertTrue(text(result.body()).substring(prefix.length()).contains("card_declined"));
  }

  @Test
  void anthropicCompressesALatestUserTurnThatCarriesCacheControlAsCodingAgentsMarkIt() {
    String prefix =
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":";
    String suffix = ",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}";
    byte[] body = utf8(prefix + quoted(ordersJson()) + suffix);

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.ANTHROPIC_MESSAGES, CONTEXT);

    assertTrue(result.changed(), result.toString());
    assertOnlyTheValueBetweenChanged(prefix, suffix, result.body());
  }

  @Test
  void responsesCompressesCurrentTurnOutputsAndPreservesEveryOtherItem() throws IOException {
    String prefix =
        "{\"model\":\"gpt-5\",\"input\":["
            + "{\"type\":\"message\",\"role\":\"user\",\"content\":\"list orders\"},"
            + "{\"type\":\"function_call\",\"call_id\":\"fc_0\",\"name\":\"orders\",\"arguments\":\"{}\"},"
            + "{\"type\":\"function_call_output\",\"call_id\":\"fc_0\",\"output\":"
            + quoted(ordersJson())
            + "},"
            + "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"done\"}]},"
            + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"why did ord_100217 fail?\"}]},"
            + "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"encrypted_content\":\"gAAAAB"
            + "x".repeat(600)
            + "\",\"summary\":[]},"
            + "{\"type\":\"function_call\",\"call_id\":\"fc_r\",\"name\":\"headroom_retrieve\",\"arguments\":\"{}\"},"
            + "{\"type\":\"function_call_output\",\"call_id\":\"fc_r\",\"output\":"
            + quoted(ordersJson())
            + "},"
            + "{\"type\":\"some_future_item\",\"output\":"
            + quoted(ordersJson())
            + "},"
            + "{\"type\":\"function_call\",\"call_id\":\"fc_1\",\"name\":\"orders\",\"arguments\":\"{}\"},"
            + "{\"type\":\"function_call_output\",\"call_id\":\"fc_1\",\"output\":";
    String suffix = "}],\"store\":false}";
    byte[] body = utf8(prefix + quoted(ordersJson()) + suffix);

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.RESPONSES, CONTEXT);

    assertTrue(result.changed(), result.toString());
    assertValidJson(result.body());
    assertOnlyTheValueBetweenChanged(prefix, suffix, result.body());
    assertEquals(1, result.blocks().size(), result.blocks().toString());
    assertEquals("input[10].output", result.blocks().get(0).path());
  }

  @Test
  void aWrappedResponseCreateFrameIsCompressedInside() throws IOException {
    String prefix =
        "{\"type\":\"response.create\",\"response\":{\"model\":\"gpt-5\",\"input\":["
            + "{\"type\":\"message\",\"role\":\"user\",\"content\":\"why did ord_100217 fail?\"},"
            + "{\"type\":\"function_call_output\",\"call_id\":\"fc_1\",\"output\":";
    String suffix = "}]}}";
    byte[] body = utf8(prefix + quoted(ordersJson()) + suffix);

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.RESPONSES, CONTEXT);

    assertTrue(result.changed(), result.toString());
    assertValidJson(result.body());
    assertOnlyTheValueBetweenChanged(prefix, suffix, result.body());
    assertTrue(text(result.body()).contains("card_declined"));
  }

  @Test
  void bodiesThatAreNotJsonObjectsAreForwardedAsTheyCame() {
    for (String raw :
        new String[] {"", "[1,2]", "{\"messages\":[", "not json", "{\"a\":1} trailing", "null"}) {
      byte[] body = utf8(raw);
      assertSame(body, REWRITER.rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT).body(), raw);
    }
  }

  @Test
  void aFailingCompressorRevertsOnlyItsBlock() {
    Compressor failing =
        (content, context) -> {
          throw new IllegalStateException("boom");
        };
    byte[] body =
        utf8(
            "{\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
                + quoted(ordersJson())
                + "}]}");

    LiveZoneResult result =
        LiveZoneRewriter.create(
                failing, LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30)))
            .rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertSame(body, result.body());
    assertEquals("compressor_error", result.blocks().get(0).outcome());
  }

  /** A compressor that takes 20 ms a block, and a chat body with two long blocks in its zone. */
  private static final Compressor SLOW =
      (content, context) -> {
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        return Compressor.create().compress(content, context);
      };

  private static final String LONG_QUESTION =
      "Which order failed? " + "Please look closely at every row. ".repeat(30);

  /** A log the user pasted: machine output, so compressed like a tool output. */
  private static final String PASTED_LOG = pastedLog();

  private static String pastedLog() {
    StringBuilder log = new StringBuilder("Why does this keep failing?\n");
    for (int i = 0; i < 80; i++) {
      log.append("2026-01-01T00:00:")
          .append(10 + i % 50)
          .append("Z INFO worker-")
          .append(i % 3)
          .append(" request ")
          .append(i)
          .append(" served in ")
          .append(i % 17)
          .append(" ms\n");
    }
    return log.append("2026-01-01T00:01:00Z ERROR worker-2 payment declined for order A-17\n")
        .toString();
  }

  private static byte[] twoLongBlocks() {
    return utf8(
        "{\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
            + quoted(ordersJson())
            + "},{\"role\":\"user\",\"content\":"
            + quoted(PASTED_LOG)
            + "}]}");
  }

  /** A request whose only message is the user's, saying {@code text}. */
  private static byte[] userSays(String text) {
    return utf8("{\"messages\":[{\"role\":\"user\",\"content\":" + quoted(text) + "}]}");
  }

  private static final String PROSE =
      LONG_QUESTION + "  \n\n\n\n" + "And the totals, too.  ".repeat(400);

  @Test
  void theUsersOwnProseIsSentAsItCameAPastedLogIsCompressed() {
    LiveZoneRewriter rewriter =
        LiveZoneRewriter.create(Compressor.create(), LiveZoneOptions.defaults());
    byte[] asked = userSays(PROSE);

    LiveZoneResult proseResult = rewriter.rewrite(asked, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertFalse(proseResult.changed(), proseResult.toString());
    assertEquals(
        List.of(BlockDecision.USER_PROSE),
        proseResult.blocks().stream().map(BlockDecision::outcome).toList());

    byte[] pasted = userSays(PASTED_LOG);
    LiveZoneResult logResult = rewriter.rewrite(pasted, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertTrue(logResult.changed(), logResult.toString());
    assertEquals("compressed", logResult.blocks().get(0).outcome());
    assertTrue(text(logResult.body()).contains("payment declined for order A-17"));
  }

  @Test
  void aMarkdownTableTheUserWroteIsTheirsAPastedCsvIsCompressed() {
    LiveZoneRewriter rewriter =
        LiveZoneRewriter.create(Compressor.create(), LiveZoneOptions.defaults());
    StringBuilder spec =
        new StringBuilder("Implement these endpoints:\n\n| method | path | scope |\n");
    spec.append("|---|---|---|\n");
    StringBuilder csv = new StringBuilder("method,path,scope\n");
    for (int i = 0; i < 80; i++) {
      spec.append("| GET | /v1/accounts/").append(i).append("/statements | read |\n");
      csv.append("GET,/v1/accounts/").append(i).append("/statements,read\n");
    }

    LiveZoneResult written =
        rewriter.rewrite(userSays(spec.toString()), ProviderApi.CHAT_COMPLETIONS, CONTEXT);
    LiveZoneResult pasted =
        rewriter.rewrite(userSays(csv.toString()), ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertFalse(written.changed(), written.toString());
    assertEquals(
        List.of(BlockDecision.USER_PROSE),
        written.blocks().stream().map(BlockDecision::outcome).toList());
    assertTrue(pasted.changed(), pasted.toString());
  }

  @Test
  void theScanTellsTheUsersOwnProseFromAPastedLogBeforeAnythingIsCompressed() {
    LiveZoneRewriter rewriter =
        LiveZoneRewriter.create(Compressor.create(), LiveZoneOptions.defaults());
    byte[] asked = userSays(PROSE);
    byte[] pasted = userSays(PASTED_LOG);

    ScannedRewrite<LiveZoneResult> proseScan =
        rewriter.scan(asked, ProviderApi.CHAT_COMPLETIONS, CONTEXT);
    ScannedRewrite<LiveZoneResult> logScan =
        rewriter.scan(pasted, ProviderApi.CHAT_COMPLETIONS, CONTEXT);
    ScannedRewrite<LiveZoneResult> toolScan =
        rewriter.scan(twoLongBlocks(), ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertFalse(proseScan.compresses(), "the user's own words: nothing for a worker");
    assertTrue(logScan.compresses(), "a pasted log is compressed");
    assertTrue(toolScan.compresses(), "a tool output is compressed");
    // Finished, each is what the one-step rewrite gives.
    for (byte[] body : List.of(asked, pasted, twoLongBlocks())) {
      LiveZoneResult inTwo = rewriter.scan(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT).finish();
      LiveZoneResult inOne = rewriter.rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT);
      assertEquals(text(inOne.body()), text(inTwo.body()));
      assertEquals(inOne.blocks(), inTwo.blocks());
    }
    assertEquals(
        List.of(BlockDecision.USER_PROSE),
        proseScan.finish().blocks().stream().map(BlockDecision::outcome).toList());
  }

  @Test
  void aShortToolOutputLeavesNothingToCompressALongOneDoes() {
    LiveZoneRewriter rewriter =
        LiveZoneRewriter.create(Compressor.create(), LiveZoneOptions.defaults());
    byte[] small =
        utf8(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"why?\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"ok\"}]}");

    assertFalse(rewriter.scan(small, ProviderApi.CHAT_COMPLETIONS, CONTEXT).compresses());
    assertTrue(
        rewriter
            .scan(
                utf8(
                    "{\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
                        + quoted(ordersJson())
                        + "}]}"),
                ProviderApi.CHAT_COMPLETIONS,
                CONTEXT)
            .compresses());
  }

  @Test
  void aBlockThatFinishesPastTheBudgetIsStillUsed() {
    byte[] body =
        utf8(
            "{\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
                + quoted(ordersJson())
                + "}]}");

    LiveZoneResult result =
        LiveZoneRewriter.create(
                SLOW, LiveZoneOptions.defaults().withRequestBudget(Duration.ofMillis(1)))
            .rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertTrue(result.changed(), result.toString());
    assertTrue(result.body().length < body.length / 4, "sent " + result.body().length + " bytes");
    assertEquals("compressed", result.blocks().get(0).outcome());
    assertTrue(result.tokensAfter() < result.tokensBefore());
  }

  @Test
  void aShortQuestionBeforeTheToolOutputDoesNotUseUpItsTurnToRun() {
    // As a cold JVM's first request: the budget is gone before the first block, a question too
    // short
    // to compress comes first, and the tool output after it must still be compressed.
    byte[] body =
        utf8(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
                + quoted(ordersJson())
                + "}]}");

    LiveZoneResult result =
        LiveZoneRewriter.create(
                SLOW, LiveZoneOptions.defaults().withRequestBudget(Duration.ofNanos(1)))
            .rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertTrue(result.body().length < body.length / 4, result.blocks().toString());
    assertEquals(
        List.of("below_min_bytes", "compressed"),
        result.blocks().stream().map(BlockDecision::outcome).toList());
  }

  @Test
  void pastTheBudgetNoFurtherBlockStartsAndOnlyTheBlocksSentAreCounted() {
    byte[] body = twoLongBlocks();

    LiveZoneResult result =
        LiveZoneRewriter.create(
                SLOW, LiveZoneOptions.defaults().withRequestBudget(Duration.ofMillis(1)))
            .rewrite(body, ProviderApi.CHAT_COMPLETIONS, CONTEXT);

    assertTrue(result.changed(), result.toString());
    assertEquals(2, result.blocks().size(), result.toString());
    BlockDecision first = result.blocks().get(0);
    BlockDecision second = result.blocks().get(1);
    assertEquals("time_budget", second.outcome());
    assertEquals(0, second.tokensBefore());
    assertEquals(first.tokensBefore(), result.tokensBefore());
    assertEquals(first.tokensAfter(), result.tokensAfter());
    assertEquals("compressed", first.outcome());
    assertFalse(text(result.body()).contains(quoted(ordersJson())), "the first block was replaced");
    assertTrue(text(result.body()).contains(quoted(PASTED_LOG)), "the second block went as it was");
  }
}
