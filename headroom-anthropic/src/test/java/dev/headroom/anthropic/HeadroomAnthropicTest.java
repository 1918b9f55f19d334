package dev.headroom.anthropic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import dev.headroom.client.FakeUpstream;
import dev.headroom.client.HeadroomClient;
import dev.headroom.compress.LiveZoneOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic Java SDK against a local fake provider, once as built and once with the one-line
 * drop-in: a tool-use conversation sends fewer bytes, gets the same answer, and keeps every byte
 * before the newest tool result.
 */
class HeadroomAnthropicTest {

  /** The fake model answers with the failed order it finds in what it was sent. */
  private static final Pattern FAILED = Pattern.compile("(ord_\\d+)[^{}\\n]*FAILED");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static FakeUpstream upstream;
  private static final List<PipelineEvent> EVENTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    upstream =
        new FakeUpstream(
            body -> {
              Matcher failed = FAILED.matcher(body.replace("\\\"", "\""));
              String answer = failed.find() ? failed.group(1) + " failed" : "no failure found";
              if (body.contains("\"stream\":true")) {
                return new String[] {
                  "text/event-stream",
                  ""
                      + "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"type\":\"message\","
                      + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                      + "\"usage\":{\"input_tokens\":321,\"output_tokens\":1}}}\n\n"
                      + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                      + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
                      + answer
                      + "\"}}\n\n"
                      + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                      + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                      + "\"usage\":{\"output_tokens\":4}}\n\n"
                      + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"
                };
              }
              return new String[] {
                "application/json",
                "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\""
                    + answer
                    + "\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                    + "\"usage\":{\"input_tokens\":9,\"output_tokens\":3}}"
              };
            });
  }

  @AfterAll
  static void stop() {
    upstream.close();
  }

  static String orders() {
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
          .append(".50,\"status\":\"")
          .append(failed ? "FAILED" : "shipped")
          .append("\",\"note\":\"")
          .append(failed ? "card_declined: insufficient funds" : "ok")
          .append("\"}");
    }
    return json.append(']').toString();
  }

  static MessageCreateParams.Builder conversation() {
    return MessageCreateParams.builder()
        .model("claude-sonnet-4-5")
        .maxTokens(256)
        .system("You are terse.")
        .addUserMessage("Which order failed and why?")
        .addAssistantMessageOfBlockParams(
            List.of(
                ContentBlockParam.ofToolUse(
                    ToolUseBlockParam.builder()
                        .id("toolu_1")
                        .name("list_orders")
                        .input(ToolUseBlockParam.Input.builder().build())
                        .build())))
        .addUserMessageOfBlockParams(
            List.of(
                ContentBlockParam.ofToolResult(
                    ToolResultBlockParam.builder()
                        .toolUseId("toolu_1")
                        .content(orders())
                        .build())));
  }

  private AnthropicClient plain() {
    return AnthropicOkHttpClient.builder()
        .apiKey("sk-ant-test")
        .baseUrl(upstream.baseUrl())
        .maxRetries(0)
        .build();
  }

  private AnthropicClient withHeadroom() {
    HeadroomClient headroom =
        HeadroomClient.builder()
            .discoverExtensions(false)
            .liveZoneOptions(LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30)))
            .extension(
                new PipelineExtension() {
                  @Override
                  public String id() {
                    return "recorder";
                  }

                  @Override
                  public PipelineEvent onEvent(PipelineEvent event) {
                    EVENTS.add(event);
                    return event;
                  }
                })
            .build();
    // The one line a user changes (docs/library.md):
    return AnthropicExample.client("sk-ant-test", upstream.baseUrl(), headroom);
  }

  @Test
  void aToolUseConversationSendsFewerBytesForTheSameAnswerWithTheCachedPrefixIntact() {
    String plainAnswer =
        plain()
            .messages()
            .create(conversation().build())
            .content()
            .get(0)
            .text()
            .orElseThrow()
            .text();
    byte[] plainBody = upstream.last();
    String answer =
        withHeadroom()
            .messages()
            .create(conversation().build())
            .content()
            .get(0)
            .text()
            .orElseThrow()
            .text();
    byte[] sent = upstream.last();
    Map<String, String> plainHeaders = upstream.headers.get(upstream.headers.size() - 2);
    Map<String, String> sentHeaders = upstream.headers.get(upstream.headers.size() - 1);

    assertEquals("ord_100217 failed", plainAnswer);
    assertEquals(plainAnswer, answer);
    assertEquals("sk-ant-test", sentHeaders.get("x-api-key"));
    assertEquals(plainHeaders.get("anthropic-version"), sentHeaders.get("anthropic-version"));
    assertTrue(
        sent.length < plainBody.length,
        "sent " + sent.length + " of " + plainBody.length + " bytes");
    int liveZone =
        new String(plainBody, StandardCharsets.ISO_8859_1).indexOf("[{\\\"id\\\":\\\"ord_100000");
    assertTrue(liveZone > 0);
    assertArrayEquals(
        Arrays.copyOf(plainBody, liveZone),
        Arrays.copyOf(sent, liveZone),
        "bytes before the live zone changed");
  }

  @Test
  void streamingStillYieldsEveryEventAndReportsTheFinalUsage() {
    EVENTS.clear();
    StringBuilder text = new StringBuilder();
    long events;
    try (StreamResponse<RawMessageStreamEvent> stream =
        withHeadroom().messages().createStreaming(conversation().build())) {
      events =
          stream.stream()
              .peek(
                  event ->
                      event
                          .contentBlockDelta()
                          .flatMap(delta -> delta.delta().text())
                          .ifPresent(t -> text.append(t.text())))
              .count();
    }

    assertEquals("ord_100217 failed", text.toString());
    assertEquals(6, events);
    PipelineEvent received =
        EVENTS.stream()
            .filter(e -> e.stage() == PipelineStage.RESPONSE_RECEIVED)
            .findFirst()
            .orElseThrow();
    assertEquals(
        Map.of("input_tokens", 321L, "output_tokens", 4L), received.metadata().get("usage"));
    assertEquals(
        List.of(
            PipelineStage.SETUP,
            PipelineStage.INPUT_RECEIVED,
            PipelineStage.INPUT_ROUTED,
            PipelineStage.INPUT_COMPRESSED,
            PipelineStage.INPUT_REMEMBERED,
            PipelineStage.PRE_SEND,
            PipelineStage.POST_SEND,
            PipelineStage.RESPONSE_RECEIVED),
        EVENTS.stream().map(PipelineEvent::stage).toList());
  }

  /**
   * As coding agents send it: the cache mark on the last block of the last message, moving on every
   * turn. The marked tool output is compressed, and the next turn carries it as the same bytes.
   */
  @Test
  void theNextTurnCarriesTheMarkedToolOutputAsTheSameCompressedBytes() throws IOException {
    AnthropicClient client = withHeadroom();
    MessageParam question =
        MessageParam.builder()
            .role(MessageParam.Role.USER)
            .content("Which order failed and why?")
            .build();
    MessageParam call =
        MessageParam.builder()
            .role(MessageParam.Role.ASSISTANT)
            .contentOfBlockParams(
                List.of(
                    ContentBlockParam.ofToolUse(
                        ToolUseBlockParam.builder()
                            .id("toolu_1")
                            .name("list_orders")
                            .input(ToolUseBlockParam.Input.builder().build())
                            .build())))
            .build();
    String answer =
        client
            .messages()
            .create(
                MessageCreateParams.builder()
                    .model("claude-sonnet-4-5")
                    .maxTokens(256)
                    .messages(List.of(question, call, toolResult(true)))
                    .build())
            .content()
            .get(0)
            .text()
            .orElseThrow()
            .text();
    JsonNode first = withoutCacheMarks(JSON.readTree(upstream.last()));
    client
        .messages()
        .create(
            MessageCreateParams.builder()
                .model("claude-sonnet-4-5")
                .maxTokens(256)
                .messages(
                    List.of(
                        question,
                        call,
                        toolResult(false),
                        MessageParam.builder()
                            .role(MessageParam.Role.ASSISTANT)
                            .content(answer)
                            .build(),
                        MessageParam.builder()
                            .role(MessageParam.Role.USER)
                            .contentOfBlockParams(
                                List.of(
                                    ContentBlockParam.ofText(
                                        TextBlockParam.builder()
                                            .text("Refund it.")
                                            .cacheControl(CacheControlEphemeral.builder().build())
                                            .build())))
                            .build()))
                .build());
    JsonNode second = withoutCacheMarks(JSON.readTree(upstream.last()));

    JsonNode sentToolOutput = first.at("/messages/2/content/0/content");
    assertTrue(sentToolOutput.asText().length() < orders().length(), "turn 1 compressed it");
    for (int i = 0; i < first.get("messages").size(); i++) {
      assertEquals(
          first.get("messages").get(i),
          second.get("messages").get(i),
          "message " + i + " goes as it went on turn 1");
    }
  }

  private static MessageParam toolResult(boolean marked) {
    ToolResultBlockParam.Builder block =
        ToolResultBlockParam.builder().toolUseId("toolu_1").content(orders());
    if (marked) {
      block.cacheControl(CacheControlEphemeral.builder().build());
    }
    return MessageParam.builder()
        .role(MessageParam.Role.USER)
        .contentOfBlockParams(List.of(ContentBlockParam.ofToolResult(block.build())))
        .build();
  }

  /** The request less every {@code cache_control}: the marks a client moves from turn to turn. */
  private static JsonNode withoutCacheMarks(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("cache_control");
    }
    node.forEach(HeadroomAnthropicTest::withoutCacheMarks);
    return node;
  }

  @Test
  void docsShowTheExampleVerbatim() throws IOException {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    String text =
        Files.readString(
            root.resolve(
                "headroom-anthropic/src/test/java/dev/headroom/anthropic/AnthropicExample.java"));
    String start = "// tag::anthropic[]\n";
    String snippet =
        text.substring(text.indexOf(start) + start.length(), text.indexOf("// end::anthropic[]"))
            .stripTrailing();
    assertTrue(
        Files.readString(root.resolve("docs/library.md")).contains(snippet),
        "docs/library.md must contain the anthropic region of headroom-anthropic/src/test/java/dev/headroom/anthropic/AnthropicExample.java verbatim");
  }
}
