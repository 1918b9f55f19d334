package dev.headroom.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.anthropic.vertex.backends.VertexBackend;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.sun.net.httpserver.HttpServer;
import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.ProxyOptions;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anthropic's own Vertex AI client ({@code anthropic-java-vertex}) pointed at the gateway: its
 * {@code :rawPredict} request reaches a fake Vertex with its OAuth bearer and its path untouched,
 * the newest tool result compressed and every other byte as the SDK wrote it; the SDK reads the
 * answer as it would Vertex's.
 */
class VertexAnthropicClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "ya29.vertex-test-token";

  private record Received(String method, String path, String authorization, byte[] body) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private HttpServer vertex;
  private Vertx vertx;
  private HeadroomProxy proxy;
  private int port;

  @BeforeEach
  void start() throws Exception {
    vertex = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    vertex.createContext(
        "/",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  exchange.getRequestHeaders().getFirst("authorization"),
                  exchange.getRequestBody().readAllBytes()));
          byte[] answer =
              ("{\"id\":\"msg_vrtx_1\",\"type\":\"message\",\"role\":\"assistant\","
                      + "\"model\":\"claude-sonnet-4-5@20250929\",\"content\":[{\"type\":\"text\","
                      + "\"text\":\"ord_100217 failed: card_declined\"}],\"stop_reason\":\"end_turn\","
                      + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":812,\"output_tokens\":9}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    vertex.start();
    vertx = Vertx.vertx();
    proxy =
        HeadroomProxy.create(
            vertx,
            ProxyOptions.builder()
                .port(0)
                .vertexApiUrl("http://127.0.0.1:" + vertex.getAddress().getPort())
                .compressionBudget(Duration.ofSeconds(10))
                .build());
    port = proxy.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    proxy.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertex.stop(0);
  }

  private AnthropicClient client() {
    GoogleCredentials credentials =
        GoogleCredentials.create(
            new AccessToken(TOKEN, Date.from(Instant.now().plus(Duration.ofHours(1)))));
    return AnthropicOkHttpClient.builder()
        .backend(
            VertexBackend.builder()
                .googleCredentials(credentials)
                .region("us-east5")
                .project("acme-prod")
                .baseUrl("http://127.0.0.1:" + port)
                .build())
        .maxRetries(0)
        .build();
  }

  private static MessageCreateParams.Builder toolConversation(String orders) {
    return MessageCreateParams.builder()
        .model("claude-sonnet-4-5@20250929")
        .maxTokens(256)
        .addUserMessage("Which order failed?")
        .addAssistantMessageOfContentBlockParams(
            List.of(
                ContentBlockParam.ofToolUse(
                    ToolUseBlockParam.builder()
                        .id("toolu_1")
                        .name("list_orders")
                        .input(ToolUseBlockParam.Input.builder().build())
                        .build())))
        .addUserMessageOfContentBlockParams(
            List.of(
                ContentBlockParam.ofToolResult(
                    ToolResultBlockParam.builder().toolUseId("toolu_1").content(orders).build())));
  }

  private static String toolResultOf(JsonNode body) {
    JsonNode content = body.at("/messages/2/content/0/content");
    return content.isTextual() ? content.asText() : content.toString();
  }

  @Test
  void theVertexClientsToolResultArrivesCompressedWithItsBearerAndPath() throws Exception {
    String orders = Orders.json();
    MessageCreateParams params = toolConversation(orders).build();

    Message answer = client().messages().create(params);

    assertEquals("ord_100217 failed: card_declined", answer.content().get(0).asText().text());
    Received sent = received.poll(10, TimeUnit.SECONDS);
    assertTrue(sent != null, "the fake Vertex was called");
    assertEquals("POST", sent.method());
    assertEquals(
        "/v1/projects/acme-prod/locations/us-east5/publishers/anthropic/models/"
            + "claude-sonnet-4-5@20250929:rawPredict",
        sent.path());
    assertEquals("Bearer " + TOKEN, sent.authorization(), "the OAuth bearer passes through");
    JsonNode body = JSON.readTree(sent.body());
    assertTrue(body.hasNonNull("anthropic_version"), "the Vertex body names its version");
    assertTrue(!body.has("model"), "the model is in the path, as Vertex wants it");
    String toolResult = toolResultOf(body);
    assertTrue(
        toolResult.length() < orders.length() / 2,
        "the tool result was compressed: " + toolResult.length() + " of " + orders.length());
    assertTrue(toolResult.contains("ord_100217"), "the failed order is kept: " + toolResult);
    assertEquals(
        "Which order failed?",
        body.at("/messages/0/content").isTextual()
            ? body.at("/messages/0/content").asText()
            : body.at("/messages/0/content/0/text").asText(),
        "the question as the SDK wrote it");
    assertEquals("list_orders", body.at("/messages/1/content/0/name").asText());
  }

  @Test
  void withBypassTheVertexClientsToolResultArrivesAsItWroteIt() throws Exception {
    String orders = Orders.json();
    MessageCreateParams params =
        toolConversation(orders).putAdditionalHeader("x-headroom-bypass", "true").build();

    client().messages().create(params);

    Received sent = received.poll(10, TimeUnit.SECONDS);
    assertTrue(sent != null, "the fake Vertex was called");
    assertEquals(orders, toolResultOf(JSON.readTree(sent.body())));
    assertEquals("Bearer " + TOKEN, sent.authorization());
  }
}
