package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestStreamingTest {

  @Test
  void aPassthroughBodyReachesTheUpstreamBeforeTheClientHasFinishedSendingIt() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      CompletableFuture<String> firstPart = new CompletableFuture<>();
      Buffer received = Buffer.buffer();
      HttpServer upstream =
          fx.vertx
              .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
              .requestHandler(
                  request -> {
                    request.handler(
                        chunk -> {
                          received.appendBuffer(chunk);
                          firstPart.complete(received.toString());
                        });
                    request.endHandler(
                        v -> request.response().end("{\"got\":" + received.length() + "}"));
                  });
      int port = Tests.await(upstream.listen()).actualPort();
      try (ProxyFixture proxied =
          ProxyFixture.start(b -> b.openaiApiUrl("http://127.0.0.1:" + port))) {
        HttpClientRequest request = chunkedPost(proxied, "/v1/files");
        CompletableFuture<String> reply = new CompletableFuture<>();
        request.response().compose(r -> r.body()).onSuccess(b -> reply.complete(b.toString()));
        request.write("part-one;");
        // The client holds the rest back until the upstream has seen the first part.
        assertEquals("part-one;", firstPart.get(10, TimeUnit.SECONDS));
        request.end("part-two");
        assertEquals("{\"got\":17}", reply.get(10, TimeUnit.SECONDS));
      }
    }
  }

  @Test
  void aChatBodySentInChunksWithoutALengthReachesThePipelineAndTheUpstreamWhole() throws Exception {
    // No Content-Length: the proxy's array starts small and grows chunk by chunk. Compression is
    // on (as users run it), so the body is read whole for the pipeline, not piped.
    StringBuilder messages = new StringBuilder("{\"role\":\"system\",\"content\":\"Be brief.\"}");
    for (int i = 0; i < 400; i++) {
      messages
          .append(",{\"role\":\"")
          .append(i % 2 == 0 ? "user" : "assistant")
          .append("\",\"content\":\"turn ")
          .append(i)
          .append(" é ✓ says something short\"}");
    }
    String body = "{\"model\":\"gpt-4o\",\"messages\":[" + messages + "]}";
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b)) {
      HttpClientRequest request = chunkedPost(fx, "/v1/chat/completions");
      request.putHeader("content-type", "application/json");
      CompletableFuture<Integer> status = new CompletableFuture<>();
      request.response().onSuccess(r -> status.complete(r.statusCode()));
      Buffer bytes = Buffer.buffer(body);
      for (int at = 0; at < bytes.length(); at += 997) {
        request.write(bytes.slice(at, Math.min(at + 997, bytes.length())));
      }
      request.end();
      assertEquals(200, status.get(10, TimeUnit.SECONDS));
      assertEquals(bytes, Buffer.buffer(fx.openai.take().body()));
    }
  }

  /** A POST to the proxy whose body is sent in parts, without a length. */
  private static HttpClientRequest chunkedPost(ProxyFixture proxied, String uri) {
    HttpClientRequest request =
        Tests.await(
            proxied.client.request(
                new RequestOptions()
                    .setHost("127.0.0.1")
                    .setPort(proxied.port)
                    .setMethod(HttpMethod.POST)
                    .setURI(uri)));
    return request.setChunked(true);
  }
}
