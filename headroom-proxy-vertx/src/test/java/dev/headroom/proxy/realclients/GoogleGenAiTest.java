package dev.headroom.proxy.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import dev.headroom.proxy.FakeUpstream;
import dev.headroom.proxy.ProxyFixture;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Google's Gen AI SDK, on the Gemini API and in Vertex AI mode, through the gateway to fake
 * providers on 127.0.0.1: a tool-calling conversation whose newest function response holds 300
 * orders reaches the provider with those orders compressed and everything before them as the SDK
 * wrote it; the SDK reads the provider's answer, streamed and not.
 */
class GoogleGenAiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANSWER =
      "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"ord_100217 failed: card declined\"}]},"
          + "\"finishReason\":\"STOP\",\"index\":0}],"
          + "\"usageMetadata\":{\"promptTokenCount\":812,\"candidatesTokenCount\":9,\"totalTokenCount\":821},"
          + "\"modelVersion\":\"gemini-2.5-flash\"}";

  private static ProxyFixture fx;
  private static FakeUpstream gemini;
  private static FakeUpstream vertex;

  @BeforeAll
  static void start() {
    Vertx providers = Vertx.vertx();
    gemini = FakeUpstream.start(providers);
    vertex = FakeUpstream.start(providers);
    for (FakeUpstream provider : List.of(gemini, vertex)) {
      provider.respond(
          (request, body) -> {
            if (request.path().endsWith(":streamGenerateContent")) {
              request
                  .response()
                  .putHeader("content-type", "text/event-stream")
                  .end("data: " + ANSWER + "\r\n\r\n");
            } else {
              request.response().putHeader("content-type", "application/json").end(ANSWER);
            }
          });
    }
    fx =
        ProxyFixture.asConfigured(
            b ->
                b.compressionBudget(Duration.ofSeconds(10))
                    .geminiApiUrl(gemini.url())
                    .vertexApiUrl(vertex.url()));
  }

  @AfterAll
  static void stop() {
    fx.close();
    gemini.vertx().close();
  }

  private static String base() {
    return "http://127.0.0.1:" + fx.port;
  }

  /** 300 orders as the tool returned them, one FAILED. */
  private static Map<String, Object> orders() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", "ord_" + (100000 + i));
      row.put("customer", "cus_" + (7000 + i % 40));
      row.put("status", i == 217 ? "FAILED" : "shipped");
      row.put("note", i == 217 ? "card_declined: insufficient funds" : "ok");
      rows.add(row);
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("orders", rows);
    return response;
  }

  private static List<Content> conversation() {
    return List.of(
        Content.builder().role("user").parts(Part.fromText("Why did ord_100217 fail?")).build(),
        Content.builder()
            .role("model")
            .parts(Part.fromFunctionCall("list_orders", Map.of()))
            .build(),
        Content.builder()
            .role("user")
            .parts(Part.fromFunctionResponse("list_orders", orders()))
            .build());
  }

  private static void assertCompressed(FakeUpstream.Recorded sent) throws Exception {
    JsonNode body = JSON.readTree(sent.body());
    JsonNode orders = body.at("/contents/2/parts/0/functionResponse/response/orders");
    assertTrue(orders.isContainerNode(), "the orders went compressed, still JSON: " + orders);
    assertTrue(orders.toString().contains("card_declined"), orders.toString());
    assertTrue(orders.toString().length() < JSON.writeValueAsString(orders()).length() / 2);
    assertEquals("Why did ord_100217 fail?", body.at("/contents/0/parts/0/text").asText());
    assertEquals("list_orders", body.at("/contents/1/parts/0/functionCall/name").asText());
  }

  @Test
  void theGeminiApiGetsTheFunctionResponseCompressedAndTheSdkItsAnswer() throws Exception {
    try (Client client =
        Client.builder()
            .apiKey("AIza-test")
            .httpOptions(HttpOptions.builder().baseUrl(base()).build())
            .build()) {
      GenerateContentResponse reply =
          client.models.generateContent("gemini-2.5-flash", conversation(), null);

      assertEquals("ord_100217 failed: card declined", reply.text());
      FakeUpstream.Recorded sent = gemini.take();
      assertEquals("/v1/models/gemini-2.5-flash:generateContent", sent.uri());
      assertEquals("AIza-test", sent.headers().get("x-goog-api-key"));
      assertCompressed(sent);

      StringBuilder streamed = new StringBuilder();
      try (ResponseStream<GenerateContentResponse> stream =
          client.models.generateContentStream("gemini-2.5-flash", conversation(), null)) {
        for (GenerateContentResponse chunk : stream) {
          streamed.append(chunk.text());
        }
      }
      assertEquals("ord_100217 failed: card declined", streamed.toString());
      FakeUpstream.Recorded streamedRequest = gemini.take();
      assertEquals(
          "/v1/models/gemini-2.5-flash:streamGenerateContent?alt=sse", streamedRequest.uri());
      assertCompressed(streamedRequest);
    }
  }

  @Test
  void vertexAiGetsTheSameWithItsBearerPassedThrough() throws Exception {
    GoogleCredentials credentials =
        GoogleCredentials.create(
            new AccessToken("ya29.test-token", new Date(System.currentTimeMillis() + 3_600_000)));
    try (Client client =
        Client.builder()
            .vertexAI(true)
            .project("acme")
            .location("europe-west4")
            .credentials(credentials)
            .httpOptions(HttpOptions.builder().baseUrl(base()).build())
            .build()) {
      GenerateContentResponse reply =
          client.models.generateContent("gemini-2.5-pro", conversation(), null);

      assertEquals("ord_100217 failed: card declined", reply.text());
      FakeUpstream.Recorded sent = vertex.take();
      assertTrue(
          sent.uri()
              .endsWith(
                  "/projects/acme/locations/europe-west4/publishers/google/models/gemini-2.5-pro:generateContent"),
          sent.uri());
      assertEquals("Bearer ya29.test-token", sent.headers().get("authorization"));
      assertCompressed(sent);
    }
  }
}
