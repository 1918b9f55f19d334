package dev.headroom.proxy.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.proxy.LiveZoneCompressionTest;
import dev.headroom.proxy.ProxyFixture;
import dev.headroom.proxy.Tests;
import dev.headroom.proxy.VerifyingBedrock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * The AWS SDK's Bedrock Runtime client, signing with its own static credentials, pointed at the
 * gateway in front of a fake Bedrock that verifies every signature: with re-signing on, its
 * Converse (a tool result of 300 orders) and InvokeModel calls arrive compressed and signed by the
 * gateway; with re-signing off they arrive as the SDK wrote and signed them, and are accepted.
 */
class BedrockRuntimeClientTest {

  private static final String MODEL = "anthropic.claude-3-5-sonnet-20241022-v2:0";
  private static final String MESSAGES_ANSWER =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"ord_100217 failed\"}],\"stop_reason\":\"end_turn\","
          + "\"usage\":{\"input_tokens\":812,\"output_tokens\":9}}";

  /** ConverseStream's events, as Bedrock frames them. */
  private static final byte[] CONVERSE_FRAMES =
      frames(
          "messageStart",
          "{\"role\":\"assistant\"}",
          "contentBlockDelta",
          "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"ord_100217 \"}}",
          "contentBlockDelta",
          "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"failed\"}}",
          "contentBlockStop",
          "{\"contentBlockIndex\":0}",
          "messageStop",
          "{\"stopReason\":\"end_turn\"}",
          "metadata",
          "{\"usage\":{\"inputTokens\":120,\"outputTokens\":9,\"totalTokens\":129},"
              + "\"metrics\":{\"latencyMs\":310}}");

  /** InvokeModelWithResponseStream's chunks: Anthropic's events, base64 in {@code bytes}. */
  private static final byte[] INVOKE_FRAMES =
      frames(
          "chunk",
          chunk(
              "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                  + "\"role\":\"assistant\",\"content\":[],\"usage\":{\"input_tokens\":120,\"output_tokens\":1}}}"),
          "chunk",
          chunk(
              "{\"type\":\"content_block_delta\",\"index\":0,"
                  + "\"delta\":{\"type\":\"text_delta\",\"text\":\"ord_100217 failed\"}}"),
          "chunk",
          chunk("{\"type\":\"message_stop\"}"));

  private static byte[] frames(String... typeAndPayload) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < typeAndPayload.length; i += 2) {
      out.writeBytes(Tests.eventStreamMessage(typeAndPayload[i], typeAndPayload[i + 1]));
    }
    return out.toByteArray();
  }

  private static String chunk(String event) {
    return "{\"bytes\":\""
        + java.util.Base64.getEncoder().encodeToString(event.getBytes(StandardCharsets.UTF_8))
        + "\"}";
  }

  private static Vertx vertx;
  private static VerifyingBedrock bedrock;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    bedrock =
        VerifyingBedrock.start(
            vertx,
            (request, body) -> {
              if (request.path().endsWith("-stream")) {
                request
                    .response()
                    .putHeader("content-type", "application/vnd.amazon.eventstream")
                    .end(
                        Buffer.buffer(
                            request.path().endsWith("/converse-stream")
                                ? CONVERSE_FRAMES
                                : INVOKE_FRAMES));
              } else {
                request
                    .response()
                    .putHeader("content-type", "application/json")
                    .end(
                        request.path().endsWith("/converse")
                            ? VerifyingBedrock.CONVERSE_ANSWER
                            : MESSAGES_ANSWER);
              }
            });
  }

  @AfterAll
  static void stop() {
    Tests.await(vertx.close());
  }

  private static ProxyFixture proxy(UnaryOperator<dev.headroom.proxy.ProxyOptions.Builder> more) {
    return ProxyFixture.asConfigured(
        b -> more.apply(b.compressionBudget(Duration.ofSeconds(10)).bedrockApiUrl(bedrock.url())));
  }

  private static String quoted(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** What both clients share: the gateway as the endpoint, the client's own static credentials. */
  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>>
      B pointedAtTheGateway(B builder, ProxyFixture fx) {
    return builder
        .endpointOverride(URI.create("http://127.0.0.1:" + fx.port))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    VerifyingBedrock.CLIENT_KEY, VerifyingBedrock.CLIENT_SECRET)));
  }

  private static BedrockRuntimeClient client(ProxyFixture fx) {
    return pointedAtTheGateway(BedrockRuntimeClient.builder(), fx)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static BedrockRuntimeAsyncClient asyncClient(ProxyFixture fx) {
    return pointedAtTheGateway(BedrockRuntimeAsyncClient.builder(), fx)
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }

  private static ProxyFixture resigning() {
    return proxy(b -> b.bedrockCredentials(VerifyingBedrock.gatewayCredentials()));
  }

  private static ConverseRequest converseWithOrders() {
    return ConverseRequest.builder()
        .modelId(MODEL)
        .messages(
            Message.builder()
                .role(ConversationRole.USER)
                .content(ContentBlock.fromText("did ord_100217 fail?"))
                .build(),
            Message.builder()
                .role(ConversationRole.ASSISTANT)
                .content(
                    ContentBlock.fromToolUse(
                        ToolUseBlock.builder()
                            .toolUseId("tu1")
                            .name("orders")
                            .input(Document.fromMap(Map.of()))
                            .build()))
                .build(),
            Message.builder()
                .role(ConversationRole.USER)
                .content(
                    ContentBlock.fromToolResult(
                        ToolResultBlock.builder()
                            .toolUseId("tu1")
                            .content(
                                ToolResultContentBlock.fromText(LiveZoneCompressionTest.orders()))
                            .build()))
                .build())
        .build();
  }

  @Test
  void converseArrivesCompressedAndSignedByTheGateway() {
    try (ProxyFixture fx = proxy(b -> b.bedrockCredentials(VerifyingBedrock.gatewayCredentials()));
        BedrockRuntimeClient client = client(fx)) {
      ConverseResponse answer = client.converse(converseWithOrders());
      assertEquals(
          "ord_100217 failed: card declined", answer.output().message().content().get(0).text());
      VerifyingBedrock.Received received = bedrock.take();
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(VerifyingBedrock.GATEWAY_KEY, received.verdict().accessKeyId());
      assertEquals("/model/" + MODEL.replace(":", "%3A") + "/converse", received.request().uri());
      String sent = received.body();
      assertTrue(sent.contains("card_declined"), sent);
      assertTrue(
          sent.length() < LiveZoneCompressionTest.orders().length() / 2,
          sent.length() + " bytes sent for " + LiveZoneCompressionTest.orders().length());
      fx.awaitMetric("headroom_bedrock_resigned_total{route=\"bedrock_converse\"} 1.0");
    }
  }

  @Test
  void invokeModelArrivesCompressedAndSignedByTheGateway() {
    String body =
        "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":256,\"messages\":["
            + "{\"role\":\"user\",\"content\":\"did ord_100217 fail?\"},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"orders\",\"input\":{}}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":"
            + quoted(LiveZoneCompressionTest.orders())
            + "}]}]}";
    try (ProxyFixture fx = proxy(b -> b.bedrockCredentials(VerifyingBedrock.gatewayCredentials()));
        BedrockRuntimeClient client = client(fx)) {
      InvokeModelResponse answer =
          client.invokeModel(
              r ->
                  r.modelId(MODEL)
                      .contentType("application/json")
                      .accept("application/json")
                      .body(SdkBytes.fromUtf8String(body)));
      assertEquals(MESSAGES_ANSWER, answer.body().asUtf8String());
      VerifyingBedrock.Received received = bedrock.take();
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(VerifyingBedrock.GATEWAY_KEY, received.verdict().accessKeyId());
      assertTrue(received.body().length() < body.length() / 2, received.body());
    }
  }

  @Test
  void converseStreamArrivesCompressedAndSignedAndTheSdkReadsTheRelayedEvents() throws Exception {
    StringBuilder text = new StringBuilder();
    List<Long> outputTokens = new ArrayList<>();
    try (ProxyFixture fx = resigning();
        BedrockRuntimeAsyncClient client = asyncClient(fx)) {
      client
          .converseStream(
              ConverseStreamRequest.builder()
                  .modelId(MODEL)
                  .messages(converseWithOrders().messages())
                  .build(),
              ConverseStreamResponseHandler.builder()
                  .subscriber(
                      ConverseStreamResponseHandler.Visitor.builder()
                          .onContentBlockDelta(delta -> text.append(delta.delta().text()))
                          .onMetadata(
                              metadata -> outputTokens.add((long) metadata.usage().outputTokens()))
                          .build())
                  .build())
          .get(20, TimeUnit.SECONDS);
      assertEquals("ord_100217 failed", text.toString());
      assertEquals(List.of(9L), outputTokens);
      VerifyingBedrock.Received received = bedrock.take();
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(VerifyingBedrock.GATEWAY_KEY, received.verdict().accessKeyId());
      assertEquals(
          "/model/" + MODEL.replace(":", "%3A") + "/converse-stream", received.request().uri());
      assertTrue(
          received.body().length() < LiveZoneCompressionTest.orders().length() / 2,
          received.body());
      fx.awaitMetric("headroom_provider_output_tokens_total{route=\"bedrock_converse\"} 9.0");
    }
  }

  @Test
  void invokeModelWithResponseStreamArrivesSignedAndTheSdkReadsTheChunks() throws Exception {
    String body =
        "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":256,\"messages\":["
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":"
            + quoted(LiveZoneCompressionTest.orders())
            + "}]}]}";
    List<String> chunks = new ArrayList<>();
    try (ProxyFixture fx = resigning();
        BedrockRuntimeAsyncClient client = asyncClient(fx)) {
      client
          .invokeModelWithResponseStream(
              InvokeModelWithResponseStreamRequest.builder()
                  .modelId(MODEL)
                  .contentType("application/json")
                  .body(SdkBytes.fromUtf8String(body))
                  .build(),
              InvokeModelWithResponseStreamResponseHandler.builder()
                  .subscriber(
                      InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                          .onChunk(part -> chunks.add(part.bytes().asUtf8String()))
                          .build())
                  .build())
          .get(20, TimeUnit.SECONDS);
      assertEquals(3, chunks.size(), chunks.toString());
      assertTrue(chunks.get(1).contains("ord_100217 failed"), chunks.toString());
      VerifyingBedrock.Received received = bedrock.take();
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(VerifyingBedrock.GATEWAY_KEY, received.verdict().accessKeyId());
      assertTrue(received.body().length() < body.length() / 2, received.body());
    }
  }

  @Test
  void withoutResigningConverseArrivesAsTheSdkSignedItAndIsAccepted() {
    try (ProxyFixture fx = proxy(b -> b);
        BedrockRuntimeClient client = client(fx)) {
      ConverseResponse answer = client.converse(converseWithOrders());
      assertEquals(
          "ord_100217 failed: card declined", answer.output().message().content().get(0).text());
      VerifyingBedrock.Received received = bedrock.take();
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(VerifyingBedrock.CLIENT_KEY, received.verdict().accessKeyId());
      assertTrue(
          received.body().length() > LiveZoneCompressionTest.orders().length(),
          "the SDK's body, uncompressed");
      fx.awaitMetric(
          "headroom_signed_passthrough_total{reason=\"resign_off\",route=\"bedrock_converse\"} 1.0");
    }
  }
}
