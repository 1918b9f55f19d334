package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.proxy.FakeUpstream.Recorded;
import dev.headroom.proxy.Tests.Reply;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardingTest {

  private static ProxyFixture fx;

  @BeforeAll
  static void start() {
    fx = ProxyFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static Stream<Arguments> oddBodies() {
    String[] bodies = {
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
      "{\"model\" :  \"x\" ,\n\t\"n\": 1.0 , \"big\": 12345678901234567890123, \"e\": 1E+400 }",
      "{\"unicode\":\"caf\u00e9 \u65e5\u672c \ud83d\ude80\",\"escaped\":\"\\u00e9\\ud83d\\ude80\"}",
      "{\"dup\":1,\"dup\":2}",
      "{not json at all",
      "[1,2,3]",
      "   ",
      "{\"model\":\"x\"}   \n\n",
    };
    String[] paths = {
      "/v1/chat/completions",
      "/v1/responses",
      "/v1/messages",
      "/v1/messages/count_tokens",
      "/v1/embeddings"
    };
    return Stream.of(paths)
        .flatMap(path -> Stream.of(bodies).map(body -> Arguments.of(path, body)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("oddBodies")
  void upstreamReceivesTheClientsExactBytes(String path, String body) {
    Reply reply = fx.post(path, body, "content-type", "application/json");
    FakeUpstream upstream = path.startsWith("/v1/messages") ? fx.anthropic : fx.openai;
    Recorded recorded = upstream.take();
    assertEquals(200, reply.status());
    assertEquals(
        Tests.sha256(body.getBytes(StandardCharsets.UTF_8)), Tests.sha256(recorded.body()));
    assertEquals(path, recorded.uri());
  }

  @Test
  void megabyteBodiesArriveIntact() {
    byte[] big = new byte[5 * 1024 * 1024];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + (i >>> 7));
    }
    Reply reply =
        Tests.call(fx.client, fx.port, HttpMethod.POST, "/v1/files", Tests.headers(), big);
    assertEquals(200, reply.status());
    assertArrayEquals(big, fx.openai.take().body());
  }

  @Test
  void anthropicVersionHeaderRoutesAnyPathToAnthropic() {
    Tests.call(
        fx.client,
        fx.port,
        HttpMethod.GET,
        "/v1/models?limit=2",
        Tests.headers("anthropic-version", "2023-06-01"),
        null);
    Recorded recorded = fx.anthropic.take();
    assertEquals("GET", recorded.method());
    assertEquals("/v1/models?limit=2", recorded.uri());
    assertTrue(fx.openai.nothingRecorded());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "DELETE", "PUT", "PATCH", "POST", "OPTIONS"})
  void everyMethodAndQueryIsForwardedAsIs(String method) {
    byte[] body =
        method.equals("GET") || method.equals("DELETE")
            ? null
            : "payload".getBytes(StandardCharsets.UTF_8);
    Reply reply =
        Tests.call(
            fx.client,
            fx.port,
            HttpMethod.valueOf(method),
            "/v1/conversations/c_1/items?after=a%20b&x=1",
            Tests.headers(),
            body);
    Recorded recorded = fx.openai.take();
    assertEquals(200, reply.status());
    assertEquals(method, recorded.method());
    assertEquals("/v1/conversations/c_1/items?after=a%20b&x=1", recorded.uri());
    assertArrayEquals(body == null ? new byte[0] : body, recorded.body());
  }

  @Test
  void hopByHopAndConnectionNamedHeadersAreDroppedAndEndToEndOnesPass() {
    fx.post(
        "/v1/chat/completions",
        "{}",
        "connection",
        "keep-alive, x-secret-hop",
        "x-secret-hop",
        "1",
        "keep-alive",
        "timeout=5",
        "te",
        "trailers",
        "proxy-authorization",
        "Basic abc",
        "authorization",
        "Bearer sk-test",
        "x-api-key",
        "key-1",
        "anthropic-beta",
        "b1",
        "openai-organization",
        "org-1",
        "x-custom",
        "kept");
    Recorded recorded = fx.openai.take();
    for (String dropped :
        new String[] {"x-secret-hop", "keep-alive", "te", "proxy-authorization"}) {
      assertNull(recorded.headers().get(dropped), dropped);
    }
    assertEquals("Bearer sk-test", recorded.headers().get("authorization"));
    assertEquals("key-1", recorded.headers().get("x-api-key"));
    assertEquals("b1", recorded.headers().get("anthropic-beta"));
    assertEquals("org-1", recorded.headers().get("openai-organization"));
    assertEquals("kept", recorded.headers().get("x-custom"));
  }

  @Test
  void controlHeadersAreConsumedWhateverTheirCase() {
    fx.post(
        "/v1/chat/completions",
        "{}",
        "X-Headroom-Bypass",
        "true",
        "x-headroom-mode",
        "passthrough",
        "X-HEADROOM-USER-ID",
        "u",
        "x-headroom-base-url",
        "http://evil",
        "x-headroom-tag-team",
        "t");
    Recorded recorded = fx.openai.take();
    recorded
        .headers()
        .names()
        .forEach(name -> assertFalse(name.toLowerCase().startsWith("x-headroom-"), name));
  }

  @Test
  void forwardedHeadersAreAddedAndAnExistingChainIsExtended() {
    fx.post("/v1/chat/completions", "{}", "x-forwarded-for", "10.0.0.1");
    Recorded recorded = fx.openai.take();
    assertEquals("10.0.0.1, 127.0.0.1", recorded.headers().get("x-forwarded-for"));
    assertEquals("http", recorded.headers().get("x-forwarded-proto"));
    assertEquals("127.0.0.1:" + fx.port, recorded.headers().get("x-forwarded-host"));
    assertEquals("127.0.0.1", recorded.headers().get("host").split(":")[0]);
  }

  @Test
  void theClientsRequestIdIsKeptSentUpstreamAndEchoed() {
    Reply reply = fx.post("/v1/chat/completions", "{}", "x-request-id", "client-id-42");
    assertEquals("client-id-42", fx.openai.take().headers().get("x-request-id"));
    assertEquals("client-id-42", reply.headers().get("x-request-id"));
    assertEquals("req_upstream_1", reply.headers().get("headroom-upstream-request-id"));
    assertNotNull(reply.headers().get("x-headroom-overhead-ms"));
  }

  @Test
  void anExpectContinueClientIsAnsweredByTheProxyAndExpectIsNotForwarded() throws Exception {
    HttpClientRequest request =
        Tests.await(
            fx.client.request(
                new RequestOptions()
                    .setHost("127.0.0.1")
                    .setPort(fx.port)
                    .setMethod(HttpMethod.POST)
                    .setURI("/v1/chat/completions")
                    .putHeader("expect", "100-continue")
                    .putHeader("content-length", "2")));
    CompletableFuture<Void> continued = new CompletableFuture<>();
    request.continueHandler(v -> continued.complete(null));
    Future<Reply> reply =
        request
            .response()
            .compose(r -> r.body().map(b -> new Reply(r.statusCode(), r.headers(), b.getBytes())));
    request.sendHead();
    continued.get(10, TimeUnit.SECONDS);
    request.end("{}");
    assertEquals(200, Tests.await(reply).status());
    assertNull(fx.openai.take().headers().get("expect"));
  }

  @Test
  void operationalRoutesAlsoCarryARequestId() {
    Reply health =
        Tests.call(
            fx.client,
            fx.port,
            HttpMethod.GET,
            "/healthz",
            Tests.headers("x-request-id", "h1"),
            null);
    assertEquals("h1", health.headers().get("x-request-id"));
    assertNotNull(
        Tests.call(fx.client, fx.port, HttpMethod.GET, "/metrics", Tests.headers(), null)
            .headers()
            .get("x-request-id"));
  }

  @Test
  void aRequestWithoutIdGetsANewOneOnEveryResponse() {
    Reply first = fx.post("/v1/chat/completions", "{}");
    Reply second = fx.post("/v1/chat/completions", "{}");
    fx.openai.take();
    fx.openai.take();
    assertTrue(first.headers().get("x-request-id").matches("[0-9a-f-]{36}"));
    assertFalse(first.headers().get("x-request-id").equals(second.headers().get("x-request-id")));
    Double.parseDouble(first.headers().get("x-headroom-overhead-ms"));
  }
}
