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
      assertTrue(
          Tests.eventually(
              () ->
                  fx.proxy
                      .scrapeMetrics()
                      .contains("headroom_requests_total{route=\"messages\",status=\"200\"}")));
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
