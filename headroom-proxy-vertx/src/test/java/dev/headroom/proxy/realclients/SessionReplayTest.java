package dev.headroom.proxy.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import dev.headroom.proxy.ProxyFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ten turns of a tool-calling session through the proxy with the official SDKs, each turn's tool
 * output a large log: the provider receives, on every turn, the previous turn's request again byte
 * for byte — its tool outputs as compressed then, not as the SDK resent them — plus the new turn.
 * That is what keeps the provider's prompt cache hitting on a compressed history.
 */
class SessionReplayTest {

  private static final int TURNS = 10;
  private static final JsonFactory JSON = new JsonFactory();

  static String log(int turn) {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      log.append("2026-12-06T10:")
          .append(10 + turn)
          .append(':')
          .append(10 + i % 50)
          .append("Z INFO service-")
          .append(turn)
          .append(" handled GET /v1/items/")
          .append(1000 + i)
          .append(" in ")
          .append(3 + i % 9)
          .append(" ms\n");
    }
    return log.append("2026-12-06T10:59:59Z ERROR service-")
        .append(turn)
        .append(" lost its lock\n")
        .toString();
  }

  @Test
  void theOpenAiSdksHistoryReachesTheProviderAsItWentTheTurnBefore() throws IOException {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(b -> b.compressionBudget(Duration.ofSeconds(10)))) {
      fx.openai.respond(
          (request, body) ->
              request
                  .response()
                  .putHeader("content-type", "application/json")
                  .end(
                      "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                          + "\"message\":{\"role\":\"assistant\",\"content\":\"noted\",\"refusal\":null},\"finish_reason\":\"stop\","
                          + "\"logprobs\":null}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1,\"total_tokens\":10,"
                          + "\"prompt_tokens_details\":{\"cached_tokens\":8}}}"));
      OpenAIClient openai =
          OpenAIOkHttpClient.builder()
              .apiKey("sk-session")
              .baseUrl("http://127.0.0.1:" + fx.port + "/v1")
              .maxRetries(0)
              .build();
      List<ChatCompletionMessageParam> history = new ArrayList<>();
      List<byte[]> received = new ArrayList<>();
      try {
        for (int turn = 1; turn <= TURNS; turn++) {
          String id = "call_" + turn;
          history.add(
              ChatCompletionMessageParam.ofUser(
                  ChatCompletionUserMessageParam.builder()
                      .content("What broke in step " + turn + "?")
                      .build()));
          history.add(
              ChatCompletionMessageParam.ofAssistant(
                  ChatCompletionAssistantMessageParam.builder()
                      .addToolCall(
                          ChatCompletionMessageFunctionToolCall.builder()
                              .id(id)
                              .function(
                                  ChatCompletionMessageFunctionToolCall.Function.builder()
                                      .name("logs")
                                      .arguments("{}")
                                      .build())
                              .build())
                      .build()));
          history.add(
              ChatCompletionMessageParam.ofTool(
                  ChatCompletionToolMessageParam.builder()
                      .toolCallId(id)
                      .content(log(turn))
                      .build()));
          String answer =
              openai
                  .chat()
                  .completions()
                  .create(
                      ChatCompletionCreateParams.builder()
                          .model("gpt-4o")
                          .messages(history)
                          .build())
                  .choices()
                  .get(0)
                  .message()
                  .content()
                  .orElseThrow();
          history.add(
              ChatCompletionMessageParam.ofAssistant(
                  ChatCompletionAssistantMessageParam.builder().content(answer).build()));
          received.add(fx.openai.take().body());
        }
      } finally {
        openai.close();
      }
      assertEachTurnRepeatsThePreviousRequest(received, "");
      String metrics = fx.proxy.scrapeMetrics();
      assertTrue(metrics.contains("headroom_replay_hits_total 45.0"), metrics);
      assertTrue(
          metrics.contains("headroom_provider_cache_read_tokens_total{route=\"chat\"} 80.0"),
          metrics);
    }
  }

  @Test
  void theAnthropicSdksHistoryWithMovingCacheMarksReachesTheProviderAsItWent() throws IOException {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(b -> b.compressionBudget(Duration.ofSeconds(10)))) {
      fx.anthropic.respond(
          (request, body) ->
              request
                  .response()
                  .putHeader("content-type", "application/json")
                  .end(
                      "{\"id\":\"msg\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                          + "\"content\":[{\"type\":\"text\",\"text\":\"noted\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                          + "\"usage\":{\"input_tokens\":3,\"cache_read_input_tokens\":7,\"cache_creation_input_tokens\":2,\"output_tokens\":1}}"));
      AnthropicClient anthropic =
          AnthropicOkHttpClient.builder()
              .apiKey("sk-ant-session")
              .baseUrl("http://127.0.0.1:" + fx.port)
              .maxRetries(0)
              .build();
      List<MessageParam> history = new ArrayList<>();
      List<byte[]> received = new ArrayList<>();
      try {
        for (int turn = 1; turn <= TURNS; turn++) {
          String id = "toolu_" + turn;
          history.add(
              MessageParam.builder()
                  .role(MessageParam.Role.USER)
                  .content("What broke in step " + turn + "?")
                  .build());
          history.add(
              MessageParam.builder()
                  .role(MessageParam.Role.ASSISTANT)
                  .contentOfBlockParams(
                      List.of(
                          ContentBlockParam.ofToolUse(
                              ToolUseBlockParam.builder()
                                  .id(id)
                                  .name("logs")
                                  .input(ToolUseBlockParam.Input.builder().build())
                                  .build())))
                  .build());
          // As coding agents do: the last block of the last message carries the cache mark, which
          // moves on every turn.
          List<MessageParam> sent = new ArrayList<>(history);
          sent.add(toolResult(id, log(turn), true));
          String answer =
              anthropic
                  .messages()
                  .create(
                      MessageCreateParams.builder()
                          .model("claude-sonnet-4-5")
                          .maxTokens(256)
                          .messages(sent)
                          .build())
                  .content()
                  .get(0)
                  .text()
                  .orElseThrow()
                  .text();
          history.add(toolResult(id, log(turn), false));
          history.add(
              MessageParam.builder()
                  .role(MessageParam.Role.ASSISTANT)
                  .contentOfBlockParams(
                      List.of(
                          ContentBlockParam.ofText(TextBlockParam.builder().text(answer).build())))
                  .build());
          received.add(fx.anthropic.take().body());
        }
      } finally {
        anthropic.close();
      }
      assertEachTurnRepeatsThePreviousRequest(
          received, ",\"cache_control\":{\"type\":\"ephemeral\"}");
      String metrics = fx.proxy.scrapeMetrics();
      assertTrue(
          metrics.contains("headroom_provider_cache_read_tokens_total{route=\"messages\"} 70.0"),
          metrics);
      assertTrue(
          metrics.contains("headroom_provider_prompt_tokens_total{route=\"messages\"} 120.0"),
          metrics);
    }
  }

  private static MessageParam toolResult(String id, String output, boolean marked) {
    ToolResultBlockParam.Builder block =
        ToolResultBlockParam.builder().toolUseId(id).content(output);
    if (marked) {
      block.cacheControl(CacheControlEphemeral.builder().build());
    }
    return MessageParam.builder()
        .role(MessageParam.Role.USER)
        .contentOfBlockParams(List.of(ContentBlockParam.ofToolResult(block.build())))
        .build();
  }

  /**
   * Every message of each request but the last turn's is, byte for byte, the message the previous
   * request carried (less the cache mark the client moved), everything else — the tools with {@code
   * headroom_retrieve} among them — is the same on every turn, and every tool output went
   * compressed.
   */
  private static void assertEachTurnRepeatsThePreviousRequest(
      List<byte[]> received, String movedMark) throws IOException {
    String firstRest = allButMessages(received.get(0));
    assertTrue(firstRest.contains("\"headroom_retrieve\""), firstRest);
    for (int turn = 1; turn < received.size(); turn++) {
      assertEquals(
          firstRest,
          allButMessages(received.get(turn)),
          "turn " + (turn + 1) + " has the tools and settings of turn 1");
      List<String> before = messages(received.get(turn - 1), movedMark);
      List<String> now = messages(received.get(turn), movedMark);
      assertEquals(
          before, now.subList(0, before.size()), "turn " + (turn + 1) + " repeats turn " + turn);
    }
    String last = new String(received.get(received.size() - 1), StandardCharsets.UTF_8);
    for (int turn = 1; turn <= TURNS; turn++) {
      assertTrue(
          last.contains("service-" + turn + " lost its lock"),
          "the error of step " + turn + " is there");
    }
    assertTrue(!last.contains("/v1/items/1123 "), "every tool output went compressed");
  }

  /** A request's raw JSON with its {@code messages} array cut out. */
  private static String allButMessages(byte[] body) throws IOException {
    try (JsonParser parser = JSON.createParser(body)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean isMessages = parser.currentName().equals("messages");
        parser.nextToken();
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        if (isMessages) {
          int end = (int) parser.currentLocation().getByteOffset();
          return new String(Arrays.copyOfRange(body, 0, start), StandardCharsets.UTF_8)
              + new String(Arrays.copyOfRange(body, end, body.length), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no messages");
  }

  /** The raw JSON of each message of a request's {@code messages}. */
  private static List<String> messages(byte[] body, String movedMark) throws IOException {
    List<String> messages = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(body)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean isMessages = parser.currentName().equals("messages");
        parser.nextToken();
        if (!isMessages) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          int start = (int) parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          int end = (int) parser.currentLocation().getByteOffset();
          messages.add(
              new String(Arrays.copyOfRange(body, start, end), StandardCharsets.UTF_8)
                  .replace(movedMark, ""));
        }
      }
    }
    return messages;
  }
}
