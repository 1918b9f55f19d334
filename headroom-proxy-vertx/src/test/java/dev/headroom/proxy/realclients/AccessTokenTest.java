package dev.headroom.proxy.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.headroom.proxy.FakeUpstream;
import dev.headroom.proxy.ProxyFixture;
import dev.headroom.proxy.Tests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --auth-token}: the gateway answers only clients that show it; the official SDKs see a
 * refusal as their usual 401 exception, and with the header set they work as before while the
 * provider never sees the token. The liveness probe stays open.
 */
class AccessTokenTest {

  private static final String TOKEN = "hr-team-7f3c9a1e5b2d";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ProxyFixture fx;

  @BeforeAll
  static void start() {
    fx = ProxyFixture.start(b -> b.authToken(TOKEN));
    fx.openai.respond(
        (request, body) ->
            request
                .response()
                .putHeader("content-type", "application/json")
                .end(Tests.chatAnswer(5)));
    fx.anthropic.respond(
        (request, body) ->
            request
                .response()
                .putHeader("content-type", "application/json")
                .end(
                    "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static OpenAIClient openai(String token) {
    OpenAIOkHttpClient.Builder builder =
        OpenAIOkHttpClient.builder()
            .apiKey("sk-provider-key")
            .baseUrl("http://127.0.0.1:" + fx.port + "/v1")
            .maxRetries(0);
    if (token != null) {
      builder.putHeader("x-headroom-token", token);
    }
    return builder.build();
  }

  private static AnthropicClient anthropic(String token) {
    AnthropicOkHttpClient.Builder builder =
        AnthropicOkHttpClient.builder()
            .apiKey("sk-ant-provider-key")
            .baseUrl("http://127.0.0.1:" + fx.port)
            .maxRetries(0);
    if (token != null) {
      builder.putHeader("x-headroom-token", token);
    }
    return builder.build();
  }

  private static final ChatCompletionCreateParams CHAT =
      ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("hello").build();
  private static final MessageCreateParams MESSAGE =
      MessageCreateParams.builder()
          .model("claude-sonnet-4-5")
          .maxTokens(16)
          .addUserMessage("hello")
          .build();

  @Test
  void theSdksSeeARefusalAsTheirUsual401() {
    assertThrows(
        com.openai.errors.UnauthorizedException.class,
        () -> openai(null).chat().completions().create(CHAT));
    assertThrows(
        com.openai.errors.UnauthorizedException.class,
        () -> openai("hr-wrong-token-000000").chat().completions().create(CHAT));
    assertThrows(
        com.anthropic.errors.UnauthorizedException.class,
        () -> anthropic(null).messages().create(MESSAGE));
    assertTrue(fx.openai.nothingRecorded() && fx.anthropic.nothingRecorded());
  }

  @Test
  void withTheTokenTheSdksWorkAndTheProviderNeverSeesIt() {
    assertEquals(
        "hi",
        openai(TOKEN).chat().completions().create(CHAT).choices().get(0).message().content().get());
    FakeUpstream.Recorded chat = fx.openai.take();
    assertNull(chat.headers().get("x-headroom-token"));
    assertEquals("Bearer sk-provider-key", chat.headers().get("authorization"));

    assertEquals(
        "hi",
        anthropic(TOKEN).messages().create(MESSAGE).content().get(0).text().orElseThrow().text());
    assertNull(fx.anthropic.take().headers().get("x-headroom-token"));
  }

  @Test
  void refusalsComeInTheProvidersShapeAndOnlyLivenessIsOpen() throws Exception {
    Tests.Reply chat = fx.post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}");
    assertEquals(401, chat.status());
    JsonNode openaiError = JSON.readTree(chat.body()).get("error");
    assertEquals("authentication_error", openaiError.get("type").asText());

    Tests.Reply messages = fx.post("/v1/messages", "{}", "anthropic-version", "2023-06-01");
    assertEquals("error", JSON.readTree(messages.body()).get("type").asText());

    Tests.Reply gemini = fx.post("/v1beta/models/gemini-2.5-flash:generateContent", "{}");
    assertEquals("UNAUTHENTICATED", JSON.readTree(gemini.body()).at("/error/status").asText());

    assertEquals(401, fx.post("/v1/compress", "{}").status());
    assertEquals(401, fx.get("/v1/retrieve/abc").status());
    assertEquals(401, fx.get("/metrics").status());
    assertEquals(200, fx.get("/metrics", "authorization", "Bearer " + TOKEN).status());
    assertEquals(200, fx.get("/healthz").status());
    assertEquals(
        200,
        fx.post(
                "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[]}",
                "proxy-authorization",
                "Bearer " + TOKEN)
            .status());
    fx.openai.take();
    assertTrue(
        fx.proxy
            .scrapeMetrics()
            .contains("headroom_requests_total{route=\"chat\",status=\"401\"}"));
  }
}
