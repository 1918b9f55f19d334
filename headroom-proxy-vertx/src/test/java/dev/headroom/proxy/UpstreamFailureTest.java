package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.proxy.Tests.Reply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstreamFailureTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 404, 418, 429, 500, 503, 529})
  void upstreamStatusHeadersAndBodyAreRelayedVerbatim(int status) {
    try (ProxyFixture fx = ProxyFixture.start()) {
      byte[] body = ("{\"error\":{\"message\":\"upstream says " + status + "\"}}").getBytes();
      fx.openai.respond(
          (request, ignored) ->
              request
                  .response()
                  .setStatusCode(status)
                  .putHeader("retry-after", "7")
                  .putHeader("x-ratelimit-remaining-requests", "0")
                  .end(Buffer.buffer(body)));
      Reply reply = fx.post("/v1/chat/completions", "{}");
      assertEquals(status, reply.status());
      assertArrayEquals(body, reply.body());
      assertEquals("7", reply.headers().get("retry-after"));
      assertEquals("0", reply.headers().get("x-ratelimit-remaining-requests"));
    }
  }

  @Test
  void aBodyOverTheLimitGets413InTheProvidersShapeWithoutReachingTheUpstream() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start(b -> b.maxBodyBytes(1024))) {
      Reply reply = fx.post("/v1/messages", "x".repeat(2048), "x-request-id", "rid-413");
      assertEquals(413, reply.status());
      JsonNode error = JSON.readTree(reply.body());
      assertEquals("error", error.path("type").asText());
      assertEquals("request_too_large", error.path("error").path("type").asText());
      assertEquals("rid-413", error.path("request_id").asText());
      assertEquals("rid-413", reply.headers().get("x-request-id"));
      assertTrue(fx.anthropic.nothingRecorded());
    }
  }

  @Test
  void aChunkedBodyOverTheLimitGets413() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start(b -> b.maxBodyBytes(1024))) {
      HttpClientRequest request =
          Tests.await(
              fx.client.request(
                  new RequestOptions()
                      .setHost("127.0.0.1")
                      .setPort(fx.port)
                      .setMethod(HttpMethod.POST)
                      .setURI("/v1/chat/completions")));
      request.setChunked(true);
      for (int i = 0; i < 4; i++) {
        request.write("y".repeat(512));
      }
      request.end();
      Reply response =
          Tests.await(
              request
                  .response()
                  .compose(
                      r ->
                          r.body().map(b -> new Reply(r.statusCode(), r.headers(), b.getBytes()))));
      assertEquals(413, response.status());
      JsonNode error = JSON.readTree(response.body());
      assertEquals("request_too_large", error.path("error").path("type").asText());
      assertTrue(fx.openai.nothingRecorded());
    }
  }

  @Test
  void aRefusedConnectionGets502WithTheRequestIdAndNoInternals() throws Exception {
    try (ProxyFixture fx = ProxyFixture.withClosedUpstream((b, url) -> b.openaiApiUrl(url))) {
      Reply reply =
          fx.post(
              "/v1/chat/completions",
              "{}",
              "authorization",
              "Bearer sk-secret-123",
              "x-request-id",
              "rid-502");
      assertEquals(502, reply.status());
      JsonNode error = JSON.readTree(reply.body());
      assertEquals("upstream_unavailable", error.path("error").path("type").asText());
      assertEquals("rid-502", error.path("request_id").asText());
      assertFalse(reply.text().contains("sk-secret"));
      assertFalse(reply.text().contains("Exception"));
      assertFalse(reply.text().contains("127.0.0.1"));
    }
  }

  @Test
  void anUpstreamThatNeverAnswersGets504AfterTheRequestTimeout() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start(b -> b.requestTimeout(Duration.ofMillis(300)))) {
      fx.openai.respond(
          (request, body) -> {
            /* never answers */
          });
      Reply reply = fx.post("/v1/chat/completions", "{}");
      assertEquals(504, reply.status());
      assertEquals(
          "upstream_timeout", JSON.readTree(reply.body()).path("error").path("type").asText());
    }
  }

  @Test
  void healthzAnswersEvenWhenTheUpstreamIsDownAndTheUpstreamProbeSays503() throws Exception {
    try (ProxyFixture fx = ProxyFixture.withClosedUpstream((b, url) -> b.openaiApiUrl(url))) {
      assertEquals(
          200,
          Tests.call(fx.client, fx.port, HttpMethod.GET, "/healthz", Tests.headers(), null)
              .status());
      Reply upstream =
          Tests.call(
              fx.client, fx.port, HttpMethod.GET, "/healthz/upstream", Tests.headers(), null);
      assertEquals(503, upstream.status());
      assertFalse(
          JSON.readTree(upstream.body()).path("upstreams").path("openai").path("ok").asBoolean());
      assertTrue(
          JSON.readTree(upstream.body())
              .path("upstreams")
              .path("anthropic")
              .path("ok")
              .asBoolean());
    }
  }
}
