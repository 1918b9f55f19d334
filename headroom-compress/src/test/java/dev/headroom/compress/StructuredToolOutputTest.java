package dev.headroom.compress;

import static dev.headroom.compress.LiveZoneRewriterTest.ordersJson;
import static dev.headroom.compress.LiveZoneRewriterTest.quoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.JsonPointerBasedFilter;
import com.fasterxml.jackson.core.filter.TokenFilter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Gemini and Bedrock Converse carry tool outputs as JSON values, not strings: the live zone offers
 * their large arrays of records (compressed as JSON, sent as the compressor's JSON in the array's
 * place, so the tokens counted are the tokens sent) and their large strings; every byte outside
 * them is the client's, and a later turn replays them.
 */
class StructuredToolOutputTest {

  private static final JsonFactory JSON = new JsonFactory();
  private static final LiveZoneRewriter REWRITER =
      LiveZoneRewriter.create(
          Compressor.create(),
          LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30)));

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @return the string at a JSON pointer of the body, {@code null} if the value there is not a
   *     string (the body must be valid JSON throughout)
   */
  private static String stringAt(byte[] body, String pointer) throws IOException {
    try (JsonParser parser =
        new FilteringParserDelegate(
            JSON.createParser(body),
            new JsonPointerBasedFilter(pointer),
            TokenFilter.Inclusion.ONLY_INCLUDE_ALL,
            false)) {
      JsonToken token = parser.nextToken();
      String found = token == JsonToken.VALUE_STRING ? parser.getText() : null;
      while (parser.nextToken() != null) {
        // reads the rest: throws if the body is not valid JSON
      }
      return found;
    }
  }

  /** The JSON text of the value at a pointer (an array, an object, a string with its quotes). */
  private static String jsonAt(byte[] body, String pointer) throws IOException {
    try (JsonParser parser =
        new FilteringParserDelegate(
            JSON.createParser(body),
            new JsonPointerBasedFilter(pointer),
            TokenFilter.Inclusion.ONLY_INCLUDE_ALL,
            false)) {
      if (parser.nextToken() == null) {
        return null;
      }
      StringWriter out = new StringWriter();
      try (JsonGenerator generator = JSON.createGenerator(out)) {
        generator.copyCurrentStructure(parser);
      }
      return out.toString();
    }
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String log() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      log.append("2026-12-06T10:")
          .append(10 + i / 60)
          .append(':')
          .append(String.format("%02d", i % 60))
          .append("Z INFO api request ")
          .append(i)
          .append(" served in ")
          .append(i % 17)
          .append(" ms\n");
    }
    return log.append("2026-12-06T10:15:00Z ERROR api request 300 failed: pool exhausted\n")
        .toString();
  }

  private static final String GEMINI_HEAD =
      "{\"systemInstruction\":{\"parts\":[{\"text\":\"You help with orders.\"}]},"
          + "\"tools\":[{\"functionDeclarations\":[{\"name\":\"list_orders\"}]}],"
          + "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Why did ord_100217 fail?\"}]},"
          + "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"list_orders\",\"args\":{}}}]},";

  @Test
  void aGeminiFunctionResponsesArrayIsSentCompressedAndStillJson() throws Exception {
    String prefix =
        GEMINI_HEAD
            + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"list_orders\","
            + "\"response\":{\"count\":300,\"orders\":";
    String suffix = ",\"next\":null}}}]}],\"generationConfig\":{\"temperature\":0}}";
    byte[] body = utf8(prefix + ordersJson() + suffix);

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.GEMINI, CompressContext.defaults());

    assertTrue(result.changed(), result.toString());
    String sent = text(result.body());
    assertTrue(sent.startsWith(prefix) && sent.endsWith(suffix), sent);
    String orders = jsonAt(result.body(), "/contents/2/parts/0/functionResponse/response/orders");
    assertTrue(orders != null && !orders.startsWith("\""), "the array went as JSON: " + sent);
    assertTrue(orders.contains("card_declined"));
    assertTrue(orders.length() < ordersJson().length() / 2);
    BlockDecision sentOrders =
        result.blocks().stream().filter(BlockDecision::compressed).findFirst().orElseThrow();
    assertEquals(
        TokenCounter.forModel("gpt-4o").count(orders),
        sentOrders.tokensAfter(),
        "the tokens counted are those of the bytes sent");
    assertTrue(
        result.blocks().stream()
            .anyMatch(
                block ->
                    block.compressed()
                        && block
                            .path()
                            .equals("contents[2].parts[0].functionResponse.response.orders")),
        result.blocks().toString());
  }

  @Test
  void aGeminiFunctionResponsesLongTextIsCompressedAsText() throws Exception {
    String prefix =
        GEMINI_HEAD
            + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"tail_log\","
            + "\"response\":{\"content\":[{\"type\":\"text\",\"text\":";
    String suffix = "}]}}}]}]}";
    byte[] body = utf8(prefix + quoted(log()) + suffix);

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.GEMINI, CompressContext.defaults());

    assertTrue(result.changed(), result.toString());
    String sent = text(result.body());
    assertTrue(sent.startsWith(prefix) && sent.endsWith(suffix));
    String kept =
        stringAt(result.body(), "/contents/2/parts/0/functionResponse/response/content/0/text");
    assertTrue(kept.contains("pool exhausted"), kept);
    assertTrue(kept.length() < log().length() / 2);
  }

  @Test
  void aGeminiResponseTheModelHasAnsweredAndAProtectedToolsAreLeftAlone() {
    String answered =
        GEMINI_HEAD
            + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"list_orders\","
            + "\"response\":{\"orders\":"
            + ordersJson()
            + "}}}]},{\"role\":\"model\",\"parts\":[{\"text\":\"One failed.\"}]},"
            + "{\"role\":\"user\",\"parts\":[{\"text\":\"Thanks\"}]}]}";
    byte[] old = utf8(answered);
    assertSame(old, REWRITER.rewrite(old, ProviderApi.GEMINI, CompressContext.defaults()).body());

    byte[] read =
        utf8(
            GEMINI_HEAD
                + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"read_file\","
                + "\"response\":{\"orders\":"
                + ordersJson()
                + "}}}]}]}");
    LiveZoneResult protectedRead =
        REWRITER.rewrite(read, ProviderApi.GEMINI, CompressContext.defaults());
    assertSame(read, protectedRead.body());
    assertEquals(BlockDecision.PROTECTED_TOOL, protectedRead.reason());
  }

  @Test
  void aGeminiArrayCompressedOnceIsReplayedOnTheNextTurn() {
    LiveZoneRewriter remembering =
        LiveZoneRewriter.create(
            Compressor.create(),
            LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30)),
            ReplayMemory.inMemory(1 << 20, Duration.ofMinutes(5)));
    String turn1 =
        GEMINI_HEAD
            + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"list_orders\","
            + "\"response\":{\"orders\":"
            + ordersJson()
            + "}}}]}";
    String sent1 =
        text(
            remembering
                .rewrite(utf8(turn1 + "]}"), ProviderApi.GEMINI, CompressContext.defaults())
                .body());
    String turn2 = turn1 + ",{\"role\":\"model\",\"parts\":[{\"text\":\"ord_100217 failed.\"}]}]}";

    LiveZoneResult second =
        remembering.rewrite(utf8(turn2), ProviderApi.GEMINI, CompressContext.defaults());

    assertTrue(
        text(second.body()).startsWith(sent1.substring(0, sent1.length() - 2)),
        "turn 2 begins with exactly what turn 1 sent");
    assertTrue(second.blocks().stream().anyMatch(BlockDecision::replayed), second.toString());
  }

  @Test
  void bedrockConverseToolResultsAreCompressedTextAndJsonAlike() throws Exception {
    String prefix =
        "{\"system\":[{\"text\":\"You help.\"}],\"messages\":["
            + "{\"role\":\"user\",\"content\":[{\"text\":\"Why did ord_100217 fail?\"}]},"
            + "{\"role\":\"assistant\",\"content\":["
            + "{\"toolUse\":{\"toolUseId\":\"tu_1\",\"name\":\"list_orders\",\"input\":{}}},"
            + "{\"toolUse\":{\"toolUseId\":\"tu_2\",\"name\":\"tail_log\",\"input\":{}}}]},"
            + "{\"role\":\"user\",\"content\":["
            + "{\"toolResult\":{\"toolUseId\":\"tu_1\",\"content\":[{\"json\":{\"orders\":";
    String middle =
        "}}],\"status\":\"success\"}},"
            + "{\"toolResult\":{\"toolUseId\":\"tu_2\",\"content\":[{\"text\":";
    String suffix = "}]}}]}],\"inferenceConfig\":{\"maxTokens\":512}}";
    byte[] body = utf8(prefix + ordersJson() + middle + quoted(log()) + suffix);

    LiveZoneResult result =
        REWRITER.rewrite(body, ProviderApi.BEDROCK_CONVERSE, CompressContext.defaults());

    assertTrue(result.changed(), result.toString());
    String sent = text(result.body());
    assertTrue(sent.startsWith(prefix) && sent.endsWith(suffix), sent);
    assertTrue(
        jsonAt(result.body(), "/messages/2/content/0/toolResult/content/0/json/orders")
            .contains("card_declined"));
    assertTrue(
        stringAt(result.body(), "/messages/2/content/1/toolResult/content/0/text")
            .contains("pool exhausted"));
    assertEquals(2, result.blocks().stream().filter(BlockDecision::compressed).count());

    LiveZoneResult logProtected =
        REWRITER.rewrite(
            body,
            ProviderApi.BEDROCK_CONVERSE,
            CompressContext.defaults().withProtectedTools(ProtectedTools.of("tail_*")));
    assertTrue(
        text(logProtected.body()).endsWith(quoted(log()) + suffix),
        "the protected tool's result goes as it came");
  }
}
