package dev.headroom.proxy.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.headroom.proxy.FakeUpstream.Recorded;
import dev.headroom.proxy.ProxyFixture;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI and Anthropic Java SDKs, pointed at the proxy in front of a local fake
 * upstream, get exactly what the upstream sent, streaming and not; the upstream gets their bytes.
 */
class OfficialSdkTest {

  private static final String CHAT =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
          + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello \u00e9 from upstream\","
          + "\"refusal\":null},\"finish_reason\":\"stop\",\"logprobs\":null}],"
          + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8}}";
  private static final String CHAT_STREAM =
      chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", "null")
          + chunk("{\"content\":\"lo \ud83d\ude80\"}", "null")
          + chunk("{}", "\"stop\"")
          + "data: [DONE]\n\n";
  private static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Bonjour \u00e9\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
          + "\"usage\":{\"input_tokens\":5,\"output_tokens\":2}}";
  private static final String MESSAGE_STREAM =
      ""
          + "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"type\":\"message\","
          + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
          + "\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n"
          + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
          + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Bon\"}}\n\n"
          + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"jour\"}}\n\n"
          + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
          + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
          + "\"usage\":{\"output_tokens\":4}}\n\n"
          + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

  private static ProxyFixture fx;
  private static OpenAIClient openai;
  private static AnthropicClient anthropic;

  private static String chunk(String delta, String finish) {
    return "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\","
        + "\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finish
        + "}]}\n\n";
  }

  @BeforeAll
  static void start() {
    fx = ProxyFixture.start();
    fx.openai.respond(
        (request, body) -> {
          boolean stream = body.toString().contains("\"stream\":true");
          request
              .response()
              .putHeader("content-type", stream ? "text/event-stream" : "application/json")
              .end(stream ? CHAT_STREAM : CHAT);
        });
    fx.anthropic.respond(
        (request, body) -> {
          boolean stream = body.toString().contains("\"stream\":true");
          request
              .response()
              .putHeader("content-type", stream ? "text/event-stream" : "application/json")
              .end(stream ? MESSAGE_STREAM : MESSAGE);
        });
    openai =
        OpenAIOkHttpClient.builder()
            .apiKey("sk-test-openai")
            .baseUrl("http://127.0.0.1:" + fx.port + "/v1")
            .maxRetries(0)
            .build();
    anthropic =
        AnthropicOkHttpClient.builder()
            .apiKey("sk-ant-test")
            .baseUrl("http://127.0.0.1:" + fx.port)
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() {
    openai.close();
    anthropic.close();
    fx.close();
  }

  private static ChatCompletionCreateParams chatParams() {
    return ChatCompletionCreateParams.builder()
        .model("gpt-4o")
        .addUserMessage("Say hello \u00e9")
        .build();
  }

  private static MessageCreateParams messageParams() {
    return MessageCreateParams.builder()
        .model("claude-sonnet-4-5")
        .maxTokens(64)
        .addUserMessage("Dis bonjour")
        .build();
  }

  @Test
  void openAiSdkChatCompletionComesBackAsTheUpstreamSentIt() {
    ChatCompletion completion = openai.chat().completions().create(chatParams());
    Recorded recorded = fx.openai.take();
    assertEquals(
        "Hello \u00e9 from upstream",
        completion.choices().get(0).message().content().orElseThrow());
    assertEquals(8, completion.usage().orElseThrow().totalTokens());
    assertEquals("/v1/chat/completions", recorded.uri());
    assertEquals("Bearer sk-test-openai", recorded.headers().get("authorization"));
    assertTrue(new String(recorded.body(), StandardCharsets.UTF_8).contains("Say hello \u00e9"));
  }

  @Test
  void openAiSdkStreamingChatYieldsEveryChunk() {
    String text;
    try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream =
        openai.chat().completions().createStreaming(chatParams())) {
      text =
          stream.stream()
              .flatMap(c -> c.choices().stream())
              .map(choice -> choice.delta().content().orElse(""))
              .collect(Collectors.joining());
    }
    fx.openai.take();
    assertEquals("Hello \ud83d\ude80", text);
  }

  @Test
  void anthropicSdkMessageComesBackAsTheUpstreamSentIt() {
    Message message = anthropic.messages().create(messageParams());
    Recorded recorded = fx.anthropic.take();
    assertEquals("Bonjour \u00e9", message.content().get(0).text().orElseThrow().text());
    assertEquals(2, message.usage().outputTokens());
    assertEquals("/v1/messages", recorded.uri());
    assertEquals("sk-ant-test", recorded.headers().get("x-api-key"));
    assertTrue(recorded.headers().contains("anthropic-version"));
  }

  @Test
  void anthropicSdkStreamingYieldsEveryEvent() {
    StringBuilder text = new StringBuilder();
    long events;
    try (StreamResponse<RawMessageStreamEvent> stream =
        anthropic.messages().createStreaming(messageParams())) {
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
    fx.anthropic.take();
    assertEquals("Bonjour", text.toString());
    assertEquals(7, events);
  }

  @Test
  void bypassHeaderFromAnSdkIsConsumedByTheProxy() {
    openai
        .withOptions(options -> options.putHeader("x-headroom-bypass", "true"))
        .chat()
        .completions()
        .create(chatParams());
    Recorded recorded = fx.openai.take();
    assertEquals(null, recorded.headers().get("x-headroom-bypass"));
    assertTrue(
        new String(recorded.body(), StandardCharsets.UTF_8).contains("\"model\":\"gpt-4o\""));
  }
}
