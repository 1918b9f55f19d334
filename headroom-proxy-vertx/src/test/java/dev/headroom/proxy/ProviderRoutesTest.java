package dev.headroom.proxy;

import static dev.headroom.proxy.LiveZoneCompressionTest.orders;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every compressing route, each against its own fake provider on 127.0.0.1: with bypass and with
 * compression off the provider receives the client's bytes; with compression on, every byte before
 * and after the live zone is the client's and the zone shrank; the request reached the provider it
 * is for, at the path and query the client used.
 */
class ProviderRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Vertx vertx;
  private static FakeUpstream azure;
  private static FakeUpstream azureEu;
  private static FakeUpstream gemini;
  private static FakeUpstream vertex;
  private static FakeUpstream bedrock;

  @BeforeAll
  static void startProviders() {
    vertx = Vertx.vertx();
    azure = FakeUpstream.start(vertx);
    azureEu = FakeUpstream.start(vertx);
    gemini = FakeUpstream.start(vertx);
    vertex = FakeUpstream.start(vertx);
    bedrock = FakeUpstream.start(vertx);
  }

  @AfterAll
  static void stopProviders() {
    Tests.await(vertx.close());
  }

  /** Which fake provider a case must reach. */
  enum Target {
    OPENAI,
    ANTHROPIC,
    AZURE,
    AZURE_EU,
    GEMINI,
    VERTEX,
    BEDROCK
  }

  /**
   * One route: the request, and the body around its live-zone value.
   *
   * @param prefix the body before the large value
   * @param value the large value (a JSON string or array, already encoded)
   * @param suffix the body after it
   */
  record Case(
      String name,
      String uri,
      Target target,
      List<String> headers,
      String prefix,
      String value,
      String suffix,
      String route) {
    String body() {
      return prefix + value + suffix;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static final String CHAT_PREFIX =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"did ord_100217 fail?\"},"
          + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
          + "\"function\":{\"name\":\"orders\",\"arguments\":\"{}\"}}]},"
          + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":";
  private static final String CHAT_SUFFIX = "}],\"temperature\":0}";
  private static final String RESPONSES_PREFIX =
      "{\"model\":\"gpt-5\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":\"did ord_100217 fail?\"},"
          + "{\"type\":\"function_call\",\"call_id\":\"f1\",\"name\":\"orders\",\"arguments\":\"{}\"},"
          + "{\"type\":\"function_call_output\",\"call_id\":\"f1\",\"output\":";
  private static final String RESPONSES_SUFFIX = "}],\"store\":false}";
  private static final String MESSAGES_BODY =
      "\"max_tokens\":256,\"messages\":[{\"role\":\"user\",\"content\":\"did ord_100217 fail?\"},"
          + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"orders\",\"input\":{}}]},"
          + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":";
  private static final String MESSAGES_SUFFIX = "}]}]}";
  private static final String GEMINI_PREFIX =
      "{\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]},\"contents\":["
          + "{\"role\":\"user\",\"parts\":[{\"text\":\"did ord_100217 fail?\"}]},"
          + "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"orders\",\"args\":{}}}]},"
          + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"orders\",\"response\":{\"orders\":";
  private static final String GEMINI_SUFFIX =
      "}}}]}],\"tools\":[{\"functionDeclarations\":[{\"name\":\"orders\"}]}]}";

  static Stream<Case> routes() {
    String vertexPath = "/v1/projects/acme/locations/us-east5/publishers/";
    return Stream.of(
        new Case(
            "OpenAI chat",
            "/v1/chat/completions",
            Target.OPENAI,
            List.of("authorization", "Bearer sk-1"),
            CHAT_PREFIX,
            quoted(orders()),
            CHAT_SUFFIX,
            "chat"),
        new Case(
            "OpenAI responses",
            "/v1/responses",
            Target.OPENAI,
            List.of("authorization", "Bearer sk-1"),
            RESPONSES_PREFIX,
            quoted(orders()),
            RESPONSES_SUFFIX,
            "responses"),
        new Case(
            "Anthropic messages",
            "/v1/messages",
            Target.ANTHROPIC,
            List.of("x-api-key", "sk-ant", "anthropic-version", "2023-06-01"),
            "{\"model\":\"claude-sonnet-4-5\"," + MESSAGES_BODY,
            quoted(orders()),
            MESSAGES_SUFFIX,
            "messages"),
        new Case(
            "Azure deployment chat",
            "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
            Target.AZURE,
            List.of("api-key", "azure-key"),
            CHAT_PREFIX,
            quoted(orders()),
            CHAT_SUFFIX,
            "azure_chat"),
        new Case(
            "Azure deployment with its own resource",
            "/openai/deployments/gpt-4o-eu/chat/completions?api-version=2024-10-21",
            Target.AZURE_EU,
            List.of("api-key", "azure-key"),
            CHAT_PREFIX,
            quoted(orders()),
            CHAT_SUFFIX,
            "azure_chat"),
        new Case(
            "Azure v1 responses",
            "/openai/v1/responses",
            Target.AZURE,
            List.of("authorization", "Bearer entra-token"),
            RESPONSES_PREFIX,
            quoted(orders()),
            RESPONSES_SUFFIX,
            "azure_responses"),
        new Case(
            "Gemini generateContent",
            "/v1beta/models/gemini-2.5-flash:generateContent",
            Target.GEMINI,
            List.of("x-goog-api-key", "AIza-1"),
            GEMINI_PREFIX,
            orders(),
            GEMINI_SUFFIX,
            "gemini"),
        new Case(
            "Gemini streamGenerateContent with the key in the query",
            "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=AIza-2",
            Target.GEMINI,
            List.of(),
            GEMINI_PREFIX,
            orders(),
            GEMINI_SUFFIX,
            "gemini"),
        new Case(
            "Vertex Gemini",
            vertexPath + "google/models/gemini-2.5-pro:generateContent",
            Target.VERTEX,
            List.of("authorization", "Bearer ya29.token"),
            GEMINI_PREFIX,
            orders(),
            GEMINI_SUFFIX,
            "vertex_gemini"),
        new Case(
            "Vertex Anthropic",
            vertexPath + "anthropic/models/claude-sonnet-4-5:rawPredict",
            Target.VERTEX,
            List.of("authorization", "Bearer ya29.token"),
            "{\"anthropic_version\":\"vertex-2023-10-16\"," + MESSAGES_BODY,
            quoted(orders()),
            MESSAGES_SUFFIX,
            "vertex_anthropic"),
        new Case(
            "Bedrock Converse with an API key",
            "/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse",
            Target.BEDROCK,
            List.of("authorization", "Bearer bedrock-api-key"),
            CONVERSE_PREFIX,
            orders(),
            CONVERSE_SUFFIX,
            "bedrock_converse"),
        new Case(
            "Bedrock InvokeModel of an Anthropic model with an API key",
            "/model/anthropic.claude-3-5-sonnet-20241022-v2:0/invoke",
            Target.BEDROCK,
            List.of("authorization", "Bearer bedrock-api-key"),
            "{\"anthropic_version\":\"bedrock-2023-05-31\"," + MESSAGES_BODY,
            quoted(orders()),
            MESSAGES_SUFFIX,
            "bedrock_invoke"));
  }

  private static final String CONVERSE_PREFIX =
      "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"did ord_100217 fail?\"}]},"
          + "{\"role\":\"assistant\",\"content\":[{\"toolUse\":{\"toolUseId\":\"tu1\",\"name\":\"orders\",\"input\":{}}}]},"
          + "{\"role\":\"user\",\"content\":[{\"toolResult\":{\"toolUseId\":\"tu1\",\"content\":[{\"json\":{\"orders\":";
  private static final String CONVERSE_SUFFIX =
      "}}],\"status\":\"success\"}}]}],\"inferenceConfig\":{\"maxTokens\":256}}";

  @Test
  void aSigV4SignedBedrockRequestGoesAsItCameAndItsEventStreamIsRelayedAndCounted()
      throws Exception {
    byte[] frames = Tests.converseStream();
    bedrock.respond(
        (request, body) ->
            request
                .response()
                .putHeader("content-type", "application/vnd.amazon.eventstream")
                .putHeader("x-amzn-bedrock-content-type", "application/json")
                .end(Buffer.buffer(frames)));
    try (ProxyFixture fx = proxy(b -> b)) {
      String body = CONVERSE_PREFIX + orders() + CONVERSE_SUFFIX;
      Tests.Reply reply =
          fx.post(
              "/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse-stream",
              body,
              "authorization",
              "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261206/us-east-1/bedrock/aws4_request, "
                  + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=abc",
              "x-amz-date",
              "20261206T120000Z");
      assertEquals(200, reply.status());
      assertArrayEquals(frames, reply.body(), "the event stream is relayed byte for byte");
      assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), bedrock.take().body());
      fx.awaitMetric(
          "headroom_signed_passthrough_total{reason=\"resign_off\",route=\"bedrock_converse\"} 1.0");
      assertTrue(
          Tests.eventually(
              () ->
                  fx.proxy
                      .scrapeMetrics()
                      .contains(
                          "headroom_provider_cache_read_tokens_total{route=\"bedrock_converse\"} 800.0")),
          "the binary stream's usage is counted: " + fx.proxy.scrapeMetrics());
    } finally {
      bedrock.respond(
          (request, body) ->
              request.response().putHeader("content-type", "application/json").end("{}"));
    }
  }

  @Test
  void anOriginalStoredForAGeminiKeyInTheQueryIsRetrievedOnlyWithThatKey() throws Exception {
    try (ProxyFixture fx = proxy(b -> b)) {
      Tests.Reply reply =
          fx.post(
              "/v1beta/models/gemini-2.5-flash:generateContent?key=AIza-owner",
              GEMINI_PREFIX + orders() + GEMINI_SUFFIX);
      assertEquals(200, reply.status());
      String sent = new String(gemini.take().body(), StandardCharsets.UTF_8);
      java.util.regex.Matcher marker =
          java.util.regex.Pattern.compile("<<ccr:([0-9a-f]+)").matcher(sent);
      assertTrue(marker.find(), "compressed with a retrieval marker: " + sent);

      Tests.Reply owner = fx.get("/v1/retrieve/" + marker.group(1) + "?key=AIza-owner");
      Tests.Reply stranger = fx.get("/v1/retrieve/" + marker.group(1) + "?key=AIza-other");

      assertEquals(200, owner.status());
      assertTrue(new String(owner.body(), StandardCharsets.UTF_8).contains("ord_100042"));
      assertEquals(404, stranger.status(), "another key cannot read it");
    }
  }

  private static ProxyFixture proxy(UnaryOperator<ProxyOptions.Builder> more) {
    return ProxyFixture.asConfigured(
        b ->
            more.apply(
                b.compressionBudget(Duration.ofSeconds(10))
                    .azureOpenaiUrl(azure.url() + "/openai")
                    .azureDeployment("gpt-4o-eu", azureEu.url())
                    .geminiApiUrl(gemini.url())
                    .vertexApiUrl(vertex.url())
                    .bedrockApiUrl(bedrock.url())));
  }

  private static FakeUpstream.Recorded send(ProxyFixture fx, Case c, String... extra) {
    String[] headers = Stream.concat(c.headers().stream(), Stream.of(extra)).toArray(String[]::new);
    Tests.Reply reply = fx.post(c.uri(), c.body(), headers);
    assertEquals(200, reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
    Function<Target, FakeUpstream> upstream =
        target ->
            switch (target) {
              case OPENAI -> fx.openai;
              case ANTHROPIC -> fx.anthropic;
              case AZURE -> azure;
              case AZURE_EU -> azureEu;
              case GEMINI -> gemini;
              case VERTEX -> vertex;
              case BEDROCK -> bedrock;
            };
    FakeUpstream.Recorded recorded = upstream.apply(c.target()).take();
    assertEquals(c.uri(), recorded.uri(), "the provider gets the client's path and query");
    return recorded;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void bypassSendsTheClientsBytes(Case c) {
    try (ProxyFixture fx = proxy(b -> b)) {
      FakeUpstream.Recorded sent = send(fx, c, "x-headroom-bypass", "true");
      assertArrayEquals(c.body().getBytes(StandardCharsets.UTF_8), sent.body());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void compressionOffSendsTheClientsBytes(Case c) {
    try (ProxyFixture fx = proxy(b -> b.compression(false))) {
      FakeUpstream.Recorded sent = send(fx, c);
      assertArrayEquals(c.body().getBytes(StandardCharsets.UTF_8), sent.body());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void compressionChangesOnlyTheLiveZone(Case c) throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx = proxy(b -> b.extensions(PipelineExtensions.of(recorder)))) {
      FakeUpstream.Recorded sent = send(fx, c);
      String body =
          LiveZoneCompressionTest.withoutRetrieveToolIfAny(
              new String(sent.body(), StandardCharsets.UTF_8));
      assertTrue(body.startsWith(c.prefix()), "bytes before the zone are the client's: " + body);
      assertTrue(body.endsWith(c.suffix()), "bytes after the zone are the client's: " + body);
      String zone = body.substring(c.prefix().length(), body.length() - c.suffix().length());
      assertTrue(
          zone.length() < c.value().length() / 2, zone.length() + " of " + c.value().length());
      JsonNode value = JSON.readTree(zone);
      String kept = value.isTextual() ? value.asText() : value.toString();
      assertTrue(kept.contains("card_declined"), zone);
      assertTrue(
          Tests.eventually(() -> recorder.seenStages().contains(PipelineStage.RESPONSE_RECEIVED)),
          recorder.seenStages().toString());
      for (PipelineStage stage :
          List.of(
              PipelineStage.INPUT_RECEIVED,
              PipelineStage.INPUT_ROUTED,
              PipelineStage.INPUT_COMPRESSED,
              PipelineStage.PRE_SEND,
              PipelineStage.POST_SEND)) {
        assertTrue(recorder.seenStages().contains(stage), stage + " in " + recorder.seenStages());
      }
      PipelineEvent received =
          recorder.events.stream()
              .filter(e -> e.stage() == PipelineStage.INPUT_RECEIVED)
              .findFirst()
              .orElseThrow();
      assertEquals(c.route(), received.metadata().get("route"), received.metadata().toString());
      String counted = "headroom_requests_total{route=\"" + c.route() + "\",status=\"200\"} 1.0";
      assertTrue(
          Tests.eventually(() -> fx.proxy.scrapeMetrics().contains(counted)),
          fx.proxy.scrapeMetrics());
    }
  }

  @Test
  void aGeminiConversationsNextTurnReplaysTheCompressedFunctionResponseByteForByte()
      throws Exception {
    try (ProxyFixture fx = proxy(b -> b)) {
      String turn1 = GEMINI_PREFIX + orders() + GEMINI_SUFFIX;
      fx.post(
          "/v1beta/models/gemini-2.5-flash:generateContent",
          turn1,
          "x-goog-api-key",
          "AIza-replay");
      String sent1 = new String(gemini.take().body(), StandardCharsets.UTF_8);
      String history = turn1.substring(0, turn1.indexOf("],\"tools\""));
      String turn2 =
          history
              + ",{\"role\":\"model\",\"parts\":[{\"text\":\"ord_100217 failed.\"}]},"
              + "{\"role\":\"user\",\"parts\":[{\"text\":\"Thanks, and the totals?\"}]}"
              + turn1.substring(turn1.indexOf("],\"tools\""));
      Tests.Reply reply =
          fx.post(
              "/v1beta/models/gemini-2.5-flash:generateContent",
              turn2,
              "x-goog-api-key",
              "AIza-replay");
      String sent2 = new String(gemini.take().body(), StandardCharsets.UTF_8);

      String compressedHistory = sent1.substring(0, sent1.indexOf("],\"tools\""));
      assertTrue(
          sent2.startsWith(compressedHistory),
          "turn 2 begins with turn 1's compressed history, byte for byte");
      assertEquals("1", reply.headers().get("x-headroom-replayed-blocks"));
    }
  }

  @Test
  void anAzureDeploymentWithoutAResourceGetsAClearError() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b)) {
      Tests.Reply reply =
          fx.post(
              "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
              CHAT_PREFIX + quoted("x") + CHAT_SUFFIX,
              "api-key",
              "k");
      assertEquals(502, reply.status());
      JsonNode error = JSON.readTree(reply.body()).get("error");
      assertEquals("upstream_not_configured", error.get("type").asText());
      assertTrue(error.get("message").asText().contains("--azure-openai-url"));
    }
  }

  @Test
  void aGeminiErrorOfTheProxyIsShapedAsGooglesAndTheStreamsUsageIsCounted() throws Exception {
    try (ProxyFixture fx = proxy(b -> b.maxBodyBytes(1024))) {
      Tests.Reply tooLarge =
          fx.post(
              "/v1beta/models/gemini-2.5-flash:generateContent",
              GEMINI_PREFIX + orders() + GEMINI_SUFFIX,
              "x-goog-api-key",
              "AIza");
      assertEquals(413, tooLarge.status());
      JsonNode error = JSON.readTree(tooLarge.body()).get("error");
      assertEquals(413, error.get("code").asInt());
      assertEquals("INVALID_ARGUMENT", error.get("status").asText());
    }
    gemini.respond(
        (request, body) ->
            request
                .response()
                .putHeader("content-type", "text/event-stream")
                .end(
                    "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"ord\"}],\"role\":\"model\"}}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":900,\"totalTokenCount\":900},\"modelVersion\":\"gemini-2.5-flash\"}\r\n\r\n"
                        + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"_100217\"}],\"role\":\"model\"},\"finishReason\":\"STOP\"}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":900,\"cachedContentTokenCount\":800,\"candidatesTokenCount\":7,\"totalTokenCount\":907}}\r\n\r\n"));
    try (ProxyFixture fx = proxy(b -> b)) {
      Tests.Reply reply =
          fx.post(
              "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
              GEMINI_PREFIX + orders() + GEMINI_SUFFIX,
              "x-goog-api-key",
              "AIza");
      assertEquals(200, reply.status());
      assertTrue(new String(reply.body(), StandardCharsets.UTF_8).contains("_100217"));
      gemini.take();
      fx.awaitMetric("headroom_provider_cache_read_tokens_total{route=\"gemini\"} 800.0");
    } finally {
      gemini.respond(
          (request, body) ->
              request.response().putHeader("content-type", "application/json").end("{}"));
    }
  }

  @Test
  void anOpenAiCompatibleServerBehindAPathPrefixIsTheOpenAiUpstream() {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b ->
                b.compressionBudget(Duration.ofSeconds(10))
                    .openaiApiUrl(azure.url() + "/api/v1"))) {
      String body = CHAT_PREFIX + quoted(orders()) + CHAT_SUFFIX;
      Tests.Reply reply = fx.post("/v1/chat/completions", body, "authorization", "Bearer or-1");
      assertEquals(200, reply.status());
      FakeUpstream.Recorded sent = azure.take();
      assertEquals("/api/v1/chat/completions", sent.uri());
      assertTrue(sent.body().length < body.length() / 2, "compressed as for OpenAI");
    }
  }
}
