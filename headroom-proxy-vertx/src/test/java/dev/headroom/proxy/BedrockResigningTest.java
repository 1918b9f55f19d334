package dev.headroom.proxy;

import static dev.headroom.proxy.LiveZoneCompressionTest.orders;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * SigV4-signed Bedrock requests against a fake Bedrock that verifies every signature as AWS does:
 * with re-signing on, the compressed body arrives signed by the gateway's key for the upstream's
 * Host and the configured region; without it (or without credentials), the client's bytes arrive
 * with the client's signature, which still holds; a body changed under a signature never arrives.
 */
class BedrockResigningTest {

  private static final String CONVERSE =
      "/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse";
  private static final String PREFIX =
      "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"did ord_100217 fail?\"}]},"
          + "{\"role\":\"assistant\",\"content\":[{\"toolUse\":{\"toolUseId\":\"tu1\",\"name\":\"orders\",\"input\":{}}}]},"
          + "{\"role\":\"user\",\"content\":[{\"toolResult\":{\"toolUseId\":\"tu1\",\"content\":[{\"json\":{\"orders\":";
  private static final String SUFFIX =
      "}}],\"status\":\"success\"}}]}],\"inferenceConfig\":{\"maxTokens\":256}}";

  private static Vertx vertx;
  private static VerifyingBedrock bedrock;

  @BeforeAll
  static void startBedrock() {
    vertx = Vertx.vertx();
    bedrock = VerifyingBedrock.start(vertx);
  }

  @AfterAll
  static void stopBedrock() {
    Tests.await(vertx.close());
  }

  private static ProxyFixture proxy(UnaryOperator<ProxyOptions.Builder> more) {
    return ProxyFixture.asConfigured(
        b ->
            more.apply(
                b.compressionBudget(Duration.ofSeconds(10))
                    .bedrockApiUrl(bedrock.url())
                    .bedrockRegion("eu-central-1")));
  }

  private static String quoted(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static Tests.Reply signedPost(ProxyFixture fx, String uri, String body, String... extra) {
    String[] signed = VerifyingBedrock.clientSigned("127.0.0.1:" + fx.port, uri, body, "us-east-1");
    String[] headers = Stream.concat(Stream.of(signed), Stream.of(extra)).toArray(String[]::new);
    return fx.post(uri, body, headers);
  }

  @Test
  void theVerifierRefusesABodyChangedUnderItsSignature() {
    String body = PREFIX + orders() + SUFFIX;
    String fake = bedrock.url().substring("http://".length());
    int port = Integer.parseInt(fake.substring(fake.indexOf(':') + 1));
    String[] signed = VerifyingBedrock.clientSigned(fake, CONVERSE, body, "us-east-1");
    io.vertx.core.http.HttpClient client = Tests.client(vertx);
    Tests.Reply tampered =
        Tests.post(client, port, CONVERSE, body.replace("ord_100217", "ord_100218"), signed);
    assertEquals(403, tampered.status(), tampered.text());
    assertFalse(bedrock.take().verdict().valid());
    Tests.Reply intact = Tests.post(client, port, CONVERSE, body, signed);
    assertEquals(200, intact.status(), intact.text());
    assertTrue(bedrock.take().verdict().valid());
  }

  @Test
  void withResigningTheCompressedBodyArrivesSignedByTheGatewayAndIsAccepted() throws Exception {
    String body = PREFIX + orders() + SUFFIX;
    try (ProxyFixture fx =
        proxy(b -> b.bedrockCredentials(VerifyingBedrock.gatewayCredentials()))) {
      Tests.Reply reply = signedPost(fx, CONVERSE, body);
      assertEquals(200, reply.status(), reply.text());
      assertEquals(VerifyingBedrock.CONVERSE_ANSWER, reply.text());
      VerifyingBedrock.Received received = bedrock.take();
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(VerifyingBedrock.GATEWAY_KEY, received.verdict().accessKeyId());
      assertEquals("eu-central-1", received.verdict().region(), "the region of the target");
      assertEquals("bedrock", received.verdict().service());
      assertEquals(CONVERSE, received.request().uri());
      assertEquals(
          bedrock.url().substring("http://".length()),
          received.request().headers().get("host"),
          "signed for the upstream's Host");
      assertTrue(received.body().startsWith(PREFIX), "bytes before the zone are the client's");
      assertTrue(received.body().endsWith(SUFFIX), "bytes after the zone are the client's");
      assertTrue(
          received.body().length() < body.length() / 2,
          received.body().length() + " of " + body.length());
      assertTrue(received.body().contains("card_declined"));
      assertTrue(Integer.parseInt(reply.headers().get("x-headroom-tokens-saved")) > 0);
      fx.awaitMetric("headroom_bedrock_resigned_total{route=\"bedrock_converse\"} 1.0");
      assertFalse(fx.proxy.scrapeMetrics().contains("headroom_signed_passthrough_total{"));
    }
  }

  @Test
  void sessionCredentialsSendTheirTokenSignedAndTheClientsTokenIsDropped() {
    AwsCredentialsProvider session =
        StaticCredentialsProvider.create(
            AwsSessionCredentials.create(
                VerifyingBedrock.GATEWAY_KEY, VerifyingBedrock.GATEWAY_SECRET, "gateway-token"));
    try (ProxyFixture fx = proxy(b -> b.bedrockCredentials(session))) {
      String body = PREFIX + "[{\"id\":1}]" + SUFFIX;
      Tests.Reply reply = signedPost(fx, CONVERSE, body, "x-amz-security-token", "client-token");
      assertEquals(200, reply.status(), reply.text());
      VerifyingBedrock.Received received = bedrock.take();
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(
          java.util.List.of("gateway-token"),
          received.request().headers().getAll("x-amz-security-token"));
      assertTrue(received.verdict().signedHeaders().contains("x-amz-security-token"));
      assertEquals(body, received.body(), "nothing to compress: the client's bytes, signed again");
      assertEquals(VerifyingBedrock.GATEWAY_KEY, received.verdict().accessKeyId());
    }
  }

  @Test
  void withoutResigningTheClientsBytesAndSignatureArriveAndStillHold() {
    String body = PREFIX + orders() + SUFFIX;
    try (ProxyFixture fx = proxy(b -> b)) {
      Tests.Reply reply = signedPost(fx, CONVERSE, body);
      assertEquals(200, reply.status(), reply.text());
      VerifyingBedrock.Received received = bedrock.take();
      assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), received.request().body());
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(VerifyingBedrock.CLIENT_KEY, received.verdict().accessKeyId());
      assertEquals(
          "127.0.0.1:" + fx.port,
          received.request().headers().get("host"),
          "the Host the client signed goes with its signature");
      fx.awaitMetric(
          "headroom_signed_passthrough_total{reason=\"resign_off\",route=\"bedrock_converse\"} 1.0");
    }
  }

  @Test
  void withResigningButNoCredentialsTheRequestGoesAsItCameAndIsNotAskedAgainAtOnce() {
    AtomicInteger asked = new AtomicInteger();
    AwsCredentialsProvider none =
        () -> {
          asked.incrementAndGet();
          throw SdkClientException.create("Unable to load credentials from any provider");
        };
    String body = PREFIX + orders() + SUFFIX;
    try (ProxyFixture fx = proxy(b -> b.bedrockCredentials(none))) {
      int atStart = asked.get();
      for (int i = 0; i < 2; i++) {
        Tests.Reply reply = signedPost(fx, CONVERSE, body);
        assertEquals(200, reply.status(), reply.text());
        VerifyingBedrock.Received received = bedrock.take();
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), received.request().body());
        assertTrue(received.verdict().valid(), received.verdict().why());
        assertEquals(VerifyingBedrock.CLIENT_KEY, received.verdict().accessKeyId());
      }
      assertTrue(atStart >= 1, "resolved once at start");
      assertEquals(atStart, asked.get(), "not asked again within the retry interval");
      fx.awaitMetric(
          "headroom_signed_passthrough_total{reason=\"no_credentials\",route=\"bedrock_converse\"} 2.0");
    }
  }

  @Test
  void bypassAndCompressionOffKeepTheClientsSignatureValidEvenWithResigning() {
    String body = PREFIX + orders() + SUFFIX;
    try (ProxyFixture fx =
        proxy(b -> b.bedrockCredentials(VerifyingBedrock.gatewayCredentials()))) {
      signedPost(fx, CONVERSE, body, "x-headroom-bypass", "true");
      VerifyingBedrock.Received bypassed = bedrock.take();
      assertTrue(bypassed.verdict().valid(), bypassed.verdict().why());
      assertEquals(VerifyingBedrock.CLIENT_KEY, bypassed.verdict().accessKeyId());
      assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), bypassed.request().body());
    }
    try (ProxyFixture fx = proxy(b -> b.compression(false))) {
      signedPost(fx, CONVERSE, body);
      VerifyingBedrock.Received off = bedrock.take();
      assertTrue(off.verdict().valid(), off.verdict().why());
      assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), off.request().body());
    }
  }

  @Test
  void aConverseStreamIsSignedAgainAndItsEventStreamRelayedByteForByte() throws Exception {
    byte[] frames = Tests.converseStream();
    Vertx own = Vertx.vertx();
    try (VerifyingBedrock streaming =
            VerifyingBedrock.start(
                own,
                (request, received) ->
                    request
                        .response()
                        .putHeader("content-type", "application/vnd.amazon.eventstream")
                        .end(io.vertx.core.buffer.Buffer.buffer(frames)));
        ProxyFixture fx =
            ProxyFixture.asConfigured(
                b ->
                    b.compressionBudget(Duration.ofSeconds(10))
                        .bedrockApiUrl(streaming.url())
                        .bedrockCredentials(VerifyingBedrock.gatewayCredentials()))) {
      String uri = "/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse-stream";
      String body = PREFIX + orders() + SUFFIX;
      Tests.Reply reply = signedPost(fx, uri, body);
      assertEquals(200, reply.status(), reply.text());
      assertArrayEquals(frames, reply.body(), "the event stream is relayed byte for byte");
      VerifyingBedrock.Received received = streaming.take();
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(VerifyingBedrock.GATEWAY_KEY, received.verdict().accessKeyId());
      assertTrue(received.body().length() < body.length() / 2);
      fx.awaitMetric("headroom_provider_cache_read_tokens_total{route=\"bedrock_converse\"} 800.0");
    } finally {
      Tests.await(own.close());
    }
  }

  @Test
  void theRetrievalContinuationOfAnInvokeModelIsSignedAgainToo() throws Exception {
    java.util.regex.Pattern marker = java.util.regex.Pattern.compile("<<ccr:([0-9a-f]+) ");
    Vertx own = Vertx.vertx();
    try (VerifyingBedrock model =
            VerifyingBedrock.start(
                own,
                (request, received) -> {
                  String text = received.toString(StandardCharsets.UTF_8);
                  java.util.regex.Matcher found = marker.matcher(text);
                  String reply =
                      text.contains("call_0")
                          ? "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\","
                              + "\"content\":[{\"type\":\"text\",\"text\":\"FINAL\"}],\"stop_reason\":\"end_turn\"}"
                          : "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":["
                              + "{\"type\":\"tool_use\",\"id\":\"call_0\",\"name\":\"headroom_retrieve\","
                              + "\"input\":{\"hash\":\""
                              + (found.find() ? found.group(1) : "none")
                              + "\"}}],\"stop_reason\":\"tool_use\"}";
                  request.response().putHeader("content-type", "application/json").end(reply);
                });
        ProxyFixture fx =
            ProxyFixture.asConfigured(
                b ->
                    b.compressionBudget(Duration.ofSeconds(10))
                        .bedrockApiUrl(model.url())
                        .bedrockCredentials(VerifyingBedrock.gatewayCredentials()))) {
      String body =
          "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":256,\"messages\":["
              + "{\"role\":\"user\",\"content\":\"did ord_100042 ship?\"},"
              + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"orders\",\"input\":{}}]},"
              + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":"
              + quoted(orders())
              + "}]}]}";
      Tests.Reply reply =
          signedPost(fx, "/model/anthropic.claude-3-5-sonnet-20241022-v2:0/invoke", body);
      assertEquals(200, reply.status(), reply.text());
      assertTrue(reply.text().contains("FINAL"), reply.text());
      VerifyingBedrock.Received first = model.take();
      assertTrue(first.verdict().valid(), first.verdict().why());
      VerifyingBedrock.Received continuation = model.take();
      assertTrue(continuation.body().contains("call_0"), continuation.body());
      assertTrue(continuation.verdict().valid(), continuation.verdict().why());
      assertEquals(VerifyingBedrock.GATEWAY_KEY, continuation.verdict().accessKeyId());
      assertNotEquals(
          first.request().headers().get("authorization"),
          continuation.request().headers().get("authorization"),
          "the continuation has a signature of its own");
    } finally {
      Tests.await(own.close());
    }
  }

  @Test
  void anInvokeModelOfAnAnthropicModelIsCompressedAndSignedAgain() {
    String prefix =
        "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":256,\"messages\":["
            + "{\"role\":\"user\",\"content\":\"did ord_100217 fail?\"},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"orders\",\"input\":{}}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":";
    String body = prefix + quoted(orders()) + "}]}]}";
    String invoke = "/model/anthropic.claude-3-5-sonnet-20241022-v2:0/invoke";
    try (ProxyFixture fx =
        proxy(b -> b.bedrockCredentials(VerifyingBedrock.gatewayCredentials()))) {
      Tests.Reply reply = signedPost(fx, invoke, body);
      assertEquals(200, reply.status(), reply.text());
      VerifyingBedrock.Received received = bedrock.take();
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(VerifyingBedrock.GATEWAY_KEY, received.verdict().accessKeyId());
      assertTrue(received.body().startsWith(prefix), received.body());
      assertNotEquals(body, received.body());
      assertTrue(received.body().length() < body.length() / 2);
    }
  }
}
