package dev.headroom.proxy.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.headroom.proxy.ProxyOptions;
import dev.headroom.proxy.RedisServer;
import dev.headroom.proxy.Tests;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --rate-limit-rpm}, {@code --rate-limit-tpm}, {@code --daily-token-budget}: per credential,
 * 429 with {@code retry-after} in the provider's shape (the official SDKs raise their usual
 * rate-limit exception), shared by proxies on one Redis and open when Redis is gone; the provider's
 * own 429 and 529 reach the client untouched.
 */
class LimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT_BODY =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  private static void chatAnswers(FakeUpstream upstream, int promptTokens) {
    upstream.respond(
        (request, body) ->
            request
                .response()
                .putHeader("content-type", "application/json")
                .end(Tests.chatAnswer(promptTokens)));
  }

  private static void messageAnswers(FakeUpstream upstream, int inputTokens) {
    upstream.respond(
        (request, body) ->
            request
                .response()
                .putHeader("content-type", "application/json")
                .end(
                    "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
                        + inputTokens
                        + ",\"output_tokens\":1}}"));
  }

  private static OpenAIClient openai(ProxyFixture fx, String key) {
    return OpenAIOkHttpClient.builder()
        .apiKey(key)
        .baseUrl("http://127.0.0.1:" + fx.port + "/v1")
        .maxRetries(0)
        .build();
  }

  private static AnthropicClient anthropic(ProxyFixture fx, String key) {
    return AnthropicOkHttpClient.builder()
        .apiKey(key)
        .baseUrl("http://127.0.0.1:" + fx.port)
        .maxRetries(0)
        .build();
  }

  private static final ChatCompletionCreateParams CHAT =
      ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("hello").build();
  private static final MessageCreateParams MESSAGE =
      MessageCreateParams.builder()
          .model("claude-sonnet-4-5")
          .maxTokens(16)
          .addUserMessage("hello")
          .build();

  /** The exchange charges its tokens as it ends, a moment after the client has the answer. */
  private static void awaitBooked(ProxyFixture fx, long requests) {
    assertTrue(
        Tests.eventually(
            () -> {
              Tests.Reply stats =
                  Tests.call(fx.client, fx.port, HttpMethod.GET, "/stats", Tests.headers(), null);
              try {
                return JSON.readTree(stats.body()).get("requests").asLong() >= requests;
              } catch (Exception notYet) {
                return false;
              }
            }),
        requests + " request(s) booked");
  }

  @Test
  void requestsPerMinuteArePerCredentialAndTheSdkRaisesItsRateLimitException() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start(b -> b.rateLimitRpm(2))) {
      chatAnswers(fx.openai, 5);
      OpenAIClient alice = openai(fx, "sk-alice");
      alice.chat().completions().create(CHAT);
      alice.chat().completions().create(CHAT);

      com.openai.errors.RateLimitException refused =
          assertThrows(
              com.openai.errors.RateLimitException.class,
              () -> alice.chat().completions().create(CHAT));
      assertEquals(429, refused.statusCode());
      long retryAfter = Long.parseLong(refused.headers().values("retry-after").get(0));
      assertTrue(retryAfter >= 1 && retryAfter <= 60, "until the minute ends: " + retryAfter);

      Tests.Reply raw =
          fx.post("/v1/chat/completions", CHAT_BODY, "authorization", "Bearer sk-alice");
      assertEquals(429, raw.status());
      JsonNode error = JSON.readTree(raw.body()).get("error");
      assertEquals("rate_limit_exceeded", error.get("code").asText());
      assertTrue(error.get("message").asText().contains("2 requests per minute"));

      openai(fx, "sk-bob").chat().completions().create(CHAT);
      for (int i = 0; i < 3; i++) {
        fx.openai.take();
      }
      assertTrue(fx.openai.nothingRecorded(), "refused requests never reach the provider");
      assertTrue(
          fx.proxy.scrapeMetrics().contains("headroom_limits_refused_total{limit=\"rpm\"} 2.0"),
          fx.proxy.scrapeMetrics());
    }
  }

  @Test
  void inputTokensPerMinuteCountWhatTheProviderReported() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start(b -> b.rateLimitTpm(1000))) {
      messageAnswers(fx.anthropic, 1200);
      AnthropicClient client = anthropic(fx, "sk-ant-carol");
      client.messages().create(MESSAGE);
      awaitBooked(fx, 1);

      com.anthropic.errors.RateLimitException refused =
          assertThrows(
              com.anthropic.errors.RateLimitException.class,
              () -> client.messages().create(MESSAGE));
      assertEquals(429, refused.statusCode());

      Tests.Reply raw =
          fx.post(
              "/v1/messages",
              "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[]}",
              "x-api-key",
              "sk-ant-carol");
      assertEquals(429, raw.status());
      JsonNode body = JSON.readTree(raw.body());
      assertEquals("error", body.path("type").asText(), body.toString());
      assertEquals("rate_limit_error", body.at("/error/type").asText());
      assertEquals("tpm", raw.headers().get("x-headroom-limit"));
    }
  }

  @Test
  void aDailyTokenBudgetRefusesUntilMidnight() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start(b -> b.dailyTokenBudget(100))) {
      chatAnswers(fx.openai, 150);
      openai(fx, "sk-dave").chat().completions().create(CHAT);
      awaitBooked(fx, 1);

      Tests.Reply raw =
          fx.post("/v1/chat/completions", CHAT_BODY, "authorization", "Bearer sk-dave");

      assertEquals(429, raw.status());
      assertEquals("daily_tokens", raw.headers().get("x-headroom-limit"));
      long retryAfter = Long.parseLong(raw.headers().get("retry-after"));
      assertTrue(retryAfter >= 1 && retryAfter <= 86_400, "until midnight UTC: " + retryAfter);
    }
  }

  @Test
  void twoProxiesShareTheLimitsThroughRedisAndLetTrafficThroughWhenItIsGone() throws Exception {
    try (RedisServer redis = RedisServer.start();
        ProxyFixture first = ProxyFixture.start(b -> b.ccrStore(redis.uri()).rateLimitRpm(3));
        ProxyFixture second = ProxyFixture.start(b -> b.ccrStore(redis.uri()).rateLimitRpm(3))) {
      chatAnswers(first.openai, 5);
      chatAnswers(second.openai, 5);
      String[] key = {"authorization", "Bearer sk-fleet"};
      assertEquals(200, first.post("/v1/chat/completions", CHAT_BODY, key).status());
      assertEquals(200, second.post("/v1/chat/completions", CHAT_BODY, key).status());
      assertEquals(200, first.post("/v1/chat/completions", CHAT_BODY, key).status());

      Tests.Reply fourth = second.post("/v1/chat/completions", CHAT_BODY, key);

      assertEquals(
          429, fourth.status(), "the fleet's fourth request of the minute, whichever proxy");
      assertEquals("rpm", fourth.headers().get("x-headroom-limit"));

      redis.close();
      java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.logging.Logger log =
          java.util.logging.Logger.getLogger("dev.headroom.proxy.internal.limits.RequestLimits");
      java.util.logging.Handler handler =
          new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
              if (record.getLevel() == java.util.logging.Level.WARNING) {
                warnings.add(record.getMessage());
              }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      log.addHandler(handler);
      Tests.Reply outage;
      try {
        outage = second.post("/v1/chat/completions", CHAT_BODY, key);
        second.post("/v1/chat/completions", CHAT_BODY, key);
      } finally {
        log.removeHandler(handler);
      }
      assertEquals(200, outage.status(), "limits fail open: the request goes");
      assertEquals(1, warnings.size(), "said once, not per request: " + warnings);
      assertTrue(warnings.get(0).startsWith("limits: Redis unavailable"), warnings.get(0));
      assertTrue(
          second
              .proxy
              .scrapeMetrics()
              .lines()
              .anyMatch(
                  l -> l.startsWith("headroom_limits_unavailable_total") && !l.endsWith(" 0.0")),
          second.proxy.scrapeMetrics());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tpm", "daily_tokens"})
  void tokensChargedThroughOneProxyCountAgainstTheLimitOnAnother(String limit) throws Exception {
    UnaryOperator<ProxyOptions.Builder> limited =
        b -> limit.equals("tpm") ? b.rateLimitTpm(1000) : b.dailyTokenBudget(1000);
    try (RedisServer redis = RedisServer.start();
        ProxyFixture first = ProxyFixture.start(b -> limited.apply(b.ccrStore(redis.uri())));
        ProxyFixture second = ProxyFixture.start(b -> limited.apply(b.ccrStore(redis.uri())))) {
      chatAnswers(first.openai, 1200);
      chatAnswers(second.openai, 1200);
      String[] key = {"authorization", "Bearer sk-grace"};
      assertEquals(200, first.post("/v1/chat/completions", CHAT_BODY, key).status());
      awaitBooked(first, 1);

      Tests.Reply refused = second.post("/v1/chat/completions", CHAT_BODY, key);

      assertEquals(429, refused.status(), "the 1,200 tokens charged through the first proxy count");
      assertEquals(limit, refused.headers().get("x-headroom-limit"));
      assertEquals(
          200,
          second
              .post("/v1/chat/completions", CHAT_BODY, "authorization", "Bearer sk-heidi")
              .status(),
          "another key has its own");
    }
  }

  @Test
  void aClientWaitingForContinueGetsTheRefusalWithoutSendingItsBody() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start(b -> b.rateLimitRpm(1))) {
      chatAnswers(fx.openai, 5);
      assertEquals(
          200,
          fx.post("/v1/chat/completions", CHAT_BODY, "authorization", "Bearer sk-frank").status());
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", fx.port)) {
        socket.setSoTimeout(10_000);
        socket
            .getOutputStream()
            .write(
                ("POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1\r\n"
                        + "authorization: Bearer sk-frank\r\ncontent-type: application/json\r\n"
                        + "content-length: "
                        + CHAT_BODY.length()
                        + "\r\nexpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        // No body is sent: the answer must come without it.
        String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        assertEquals("HTTP/1.1 429", head);
      }
    }
  }

  @Test
  void theProvidersOwn429And529PassUntouched() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start(b -> b.rateLimitRpm(100))) {
      String openaiBody =
          "{\"error\":{\"message\":\"Rate limit reached for gpt-4o\",\"type\":\"requests\","
              + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
      fx.openai.respond(
          (request, body) ->
              request
                  .response()
                  .setStatusCode(429)
                  .putHeader("content-type", "application/json")
                  .putHeader("retry-after", "17")
                  .putHeader("x-ratelimit-remaining-requests", "0")
                  .end(openaiBody));
      String anthropicBody =
          "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
      fx.anthropic.respond(
          (request, body) ->
              request
                  .response()
                  .setStatusCode(529)
                  .putHeader("content-type", "application/json")
                  .putHeader("retry-after", "3")
                  .end(anthropicBody));

      Tests.Reply limited =
          fx.post("/v1/chat/completions", CHAT_BODY, "authorization", "Bearer sk-eve");
      Tests.Reply overloaded =
          fx.post(
              "/v1/messages",
              "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[]}",
              "x-api-key",
              "sk-ant-eve");

      assertEquals(429, limited.status());
      assertEquals("17", limited.headers().get("retry-after"));
      assertEquals("0", limited.headers().get("x-ratelimit-remaining-requests"));
      assertEquals(openaiBody, new String(limited.body(), StandardCharsets.UTF_8));
      assertEquals(null, limited.headers().get("x-headroom-limit"), "not ours");
      assertEquals(529, overloaded.status());
      assertEquals("3", overloaded.headers().get("retry-after"));
      assertEquals(anthropicBody, new String(overloaded.body(), StandardCharsets.UTF_8));
    }
  }
}
