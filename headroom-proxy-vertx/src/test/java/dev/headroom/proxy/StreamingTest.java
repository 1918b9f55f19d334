package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamingTest {

  private static final String FIRST =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m1\","
          + "\"model\":\"claude\",\"usage\":{\"input_tokens\":3}}}\n\n";
  private static final String SECOND = "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

  private static RequestOptions messages(ProxyFixture fx) {
    return new RequestOptions()
        .setHost("127.0.0.1")
        .setPort(fx.port)
        .setMethod(HttpMethod.POST)
        .setURI("/v1/messages")
        .putHeader("content-type", "application/json");
  }

  @Test
  void eventsReachTheClientWhileTheUpstreamIsStillStreaming() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      Promise<Void> release = Promise.promise();
      fx.anthropic.respond(
          (request, body) -> {
            request.response().setChunked(true).putHeader("content-type", "text/event-stream");
            request.response().write(FIRST);
            release.future().onComplete(v -> request.response().end(SECOND));
          });
      Buffer received = Buffer.buffer();
      CompletableFuture<Integer> done = new CompletableFuture<>();
      fx.client
          .request(messages(fx))
          .compose(request -> request.send("{\"stream\":true}"))
          .onSuccess(
              response -> {
                response.handler(
                    chunk -> {
                      received.appendBuffer(chunk);
                      if (received.toString().contains("message_start")) {
                        release.tryComplete();
                      }
                    });
                response.endHandler(v -> done.complete(response.statusCode()));
              })
          .onFailure(done::completeExceptionally);
      assertEquals(200, done.get(10, TimeUnit.SECONDS));
      assertEquals(FIRST + SECOND, received.toString());
    }
  }

  @Test
  void aClientThatHangsUpCancelsTheUpstreamRequest() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      CompletableFuture<Void> upstreamSawClose = new CompletableFuture<>();
      fx.anthropic.respond(
          (request, body) -> {
            request.response().closeHandler(v -> upstreamSawClose.complete(null));
            request
                .response()
                .setChunked(true)
                .putHeader("content-type", "text/event-stream")
                .write(FIRST);
          });
      fx.client
          .request(messages(fx))
          .compose(request -> request.send("{}"))
          .onSuccess(
              response -> response.handler(chunk -> response.request().connection().close()));
      upstreamSawClose.get(10, TimeUnit.SECONDS);
      fx.awaitMetric("headroom_requests_total{route=\"messages\",status=\"200\"} 1.0");
      // Counted once, as the client leaving: the upstream request the gateway reset is no
      // upstream failure.
      assertEquals(200, fx.get("/healthz").status());
      String metrics = fx.proxy.scrapeMetrics();
      assertTrue(
          metrics.contains("headroom_requests_total{route=\"messages\",status=\"200\"} 1.0"),
          metrics);
      assertFalse(metrics.contains("headroom_upstream_errors_total{"), metrics);
    }
  }

  @Test
  void anUpstreamThatDiesMidStreamEndsTheClientStreamWithoutAFakeTerminator() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      fx.anthropic.respond(
          (request, body) -> {
            request.response().setChunked(true).putHeader("content-type", "text/event-stream");
            request
                .response()
                .write(FIRST)
                .onComplete(v -> fx.vertx.setTimer(50, t -> request.connection().close()));
          });
      Buffer received = Buffer.buffer();
      CompletableFuture<String> outcome = new CompletableFuture<>();
      fx.client
          .request(messages(fx))
          .compose(request -> request.send("{}"))
          .onSuccess(
              response -> {
                response.handler(received::appendBuffer);
                response.exceptionHandler(failure -> outcome.complete("failed"));
                response.endHandler(v -> outcome.complete("ended"));
              })
          .onFailure(failure -> outcome.complete("failed"));
      assertEquals("failed", outcome.get(10, TimeUnit.SECONDS));
      assertEquals(FIRST, received.toString());
      assertFalse(received.toString().contains("message_stop"));
    }
  }

  @Test
  void theProvidersCacheFiguresAreCountedFromEachStream() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      fx.anthropic.respond(
          (request, body) ->
              request
                  .response()
                  .putHeader("content-type", "text/event-stream")
                  .end(
                      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m1\",\"model\":\"claude\","
                          + "\"usage\":{\"input_tokens\":3,\"cache_read_input_tokens\":100,\"cache_creation_input_tokens\":20,"
                          + "\"output_tokens\":1}}}\n\n"
                          + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                          + "\"usage\":{\"output_tokens\":7}}\n\n"
                          + SECOND));
      fx.openai.respond(
          (request, body) ->
              request
                  .response()
                  .putHeader("content-type", "text/event-stream")
                  .end(
                      "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}\n\n"
                          + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":50,"
                          + "\"completion_tokens\":2,\"prompt_tokens_details\":{\"cached_tokens\":40}}}\n\ndata: [DONE]\n\n"));

      assertEquals(200, fx.post("/v1/messages", "{\"stream\":true}").status());
      assertEquals(200, fx.post("/v1/chat/completions", "{\"stream\":true}").status());

      String[] expected = {
        "headroom_provider_prompt_tokens_total{route=\"messages\"} 123.0",
        "headroom_provider_cache_read_tokens_total{route=\"messages\"} 100.0",
        "headroom_provider_cache_write_tokens_total{route=\"messages\"} 20.0",
        "headroom_provider_output_tokens_total{route=\"messages\"} 7.0",
        "headroom_provider_prompt_tokens_total{route=\"chat\"} 50.0",
        "headroom_provider_cache_read_tokens_total{route=\"chat\"} 40.0",
        "headroom_provider_output_tokens_total{route=\"chat\"} 2.0"
      };
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      String metrics = fx.proxy.scrapeMetrics();
      // Counted once each exchange has finished, just after its last byte reached the client.
      while (!containsAll(metrics, expected) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        metrics = fx.proxy.scrapeMetrics();
      }
      for (String line : expected) {
        assertTrue(metrics.contains(line), line + " in\n" + metrics);
      }
    }
  }

  private static boolean containsAll(String text, String[] lines) {
    for (String line : lines) {
      if (!text.contains(line)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void upstreamErrorStatusOnAStreamingRequestIsRelayedWithItsBody() {
    try (ProxyFixture fx = ProxyFixture.start()) {
      fx.openai.respond(
          (request, body) ->
              request
                  .response()
                  .setStatusCode(429)
                  .putHeader("content-type", "application/json")
                  .end("{\"error\":{\"type\":\"rate_limit\"}}"));
      Tests.Reply reply = fx.post("/v1/chat/completions", "{\"stream\":true}");
      assertEquals(429, reply.status());
      assertEquals("{\"error\":{\"type\":\"rate_limit\"}}", reply.text());
    }
  }
}
