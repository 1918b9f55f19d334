package dev.headroom.proxy.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.headroom.proxy.LiveZoneCompressionTest;
import dev.headroom.proxy.ProxyFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI and Anthropic Java SDKs run a tool-calling conversation through the proxy
 * with compression on and off. The fake upstream answers from what it was sent — it names the
 * failed order only if the error row reached it — so the same answer both ways means compression
 * kept what mattered; and the upstream sees fewer bytes with it on.
 */
class SdkCompressionTest {

  private record Outcome(String answer, int upstreamBytes) {}

  private static Outcome converse(boolean compression) {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b -> b.compression(compression).compressionBudget(Duration.ofSeconds(10)))) {
      fx.openai.respond(
          (request, body) -> {
            String answer = answerFrom(body.toString(StandardCharsets.UTF_8));
            request
                .response()
                .putHeader("content-type", "application/json")
                .end(
                    "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion\","
                        + "\"created\":1700000000,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\""
                        + answer
                        + "\",\"refusal\":null},\"finish_reason\":\"stop\",\"logprobs\":null}]}");
          });
      OpenAIClient openai =
          OpenAIOkHttpClient.builder()
              .apiKey("sk-test-sdk")
              .baseUrl("http://127.0.0.1:" + fx.port + "/v1")
              .maxRetries(0)
              .build();
      try {
        ChatCompletionCreateParams params =
            ChatCompletionCreateParams.builder()
                .model("gpt-4o")
                .addUserMessage("Which order failed yesterday, and why?")
                .addMessage(
                    ChatCompletionAssistantMessageParam.builder()
                        .addToolCall(
                            ChatCompletionMessageFunctionToolCall.builder()
                                .id("call_1")
                                .function(
                                    ChatCompletionMessageFunctionToolCall.Function.builder()
                                        .name("list_orders")
                                        .arguments("{}")
                                        .build())
                                .build())
                        .build())
                .addMessage(
                    ChatCompletionToolMessageParam.builder()
                        .toolCallId("call_1")
                        .content(LiveZoneCompressionTest.orders())
                        .build())
                .build();
        String answer =
            openai
                .chat()
                .completions()
                .create(params)
                .choices()
                .get(0)
                .message()
                .content()
                .orElseThrow();
        return new Outcome(answer, fx.openai.take().body().length);
      } finally {
        openai.close();
      }
    }
  }

  private static String answerFrom(String sent) {
    return sent.contains("card_declined") && sent.contains("ord_100217")
        ? "ord_100217 failed: card_declined"
        : "no failed order found";
  }

  private static Outcome converseWithAnthropic(boolean compression) {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b -> b.compression(compression).compressionBudget(Duration.ofSeconds(10)))) {
      fx.anthropic.respond(
          (request, body) ->
              request
                  .response()
                  .putHeader("content-type", "application/json")
                  .end(
                      "{\"id\":\"msg_9\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                          + "\"content\":[{\"type\":\"text\",\"text\":\""
                          + answerFrom(body.toString(StandardCharsets.UTF_8))
                          + "\"}],"
                          + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":2}}"));
      AnthropicClient anthropic =
          AnthropicOkHttpClient.builder()
              .apiKey("sk-ant-sdk")
              .baseUrl("http://127.0.0.1:" + fx.port)
              .maxRetries(0)
              .build();
      try {
        MessageCreateParams params =
            MessageCreateParams.builder()
                .model("claude-sonnet-4-5")
                .maxTokens(256)
                .addUserMessage("Which order failed yesterday, and why?")
                .addMessage(
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
                        .build())
                .addMessage(
                    MessageParam.builder()
                        .role(MessageParam.Role.USER)
                        .contentOfBlockParams(
                            List.of(
                                ContentBlockParam.ofToolResult(
                                    ToolResultBlockParam.builder()
                                        .toolUseId("toolu_1")
                                        .content(LiveZoneCompressionTest.orders())
                                        .build())))
                        .build())
                .build();
        String answer =
            anthropic.messages().create(params).content().get(0).text().orElseThrow().text();
        return new Outcome(answer, fx.anthropic.take().body().length);
      } finally {
        anthropic.close();
      }
    }
  }

  @Test
  void anthropicSdkCompressionKeepsTheAnswerAndSendsFewerBytes() {
    Outcome off = converseWithAnthropic(false);
    Outcome on = converseWithAnthropic(true);

    assertEquals("ord_100217 failed: card_declined", off.answer());
    assertEquals(off.answer(), on.answer());
    assertTrue(
        on.upstreamBytes() < off.upstreamBytes() / 2,
        on.upstreamBytes() + " bytes with compression, " + off.upstreamBytes() + " without");
  }

  @Test
  void openAiSdkCompressionKeepsTheAnswerAndSendsFewerBytes() {
    Outcome off = converse(false);
    Outcome on = converse(true);

    assertEquals("ord_100217 failed: card_declined", off.answer());
    assertEquals(off.answer(), on.answer());
    assertTrue(
        on.upstreamBytes() < off.upstreamBytes() / 2,
        on.upstreamBytes() + " bytes with compression, " + off.upstreamBytes() + " without");
  }
}
