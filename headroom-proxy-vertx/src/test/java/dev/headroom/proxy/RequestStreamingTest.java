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
        HttpClientRequest request =
            Tests.await(
                proxied.client.request(
                    new RequestOptions()
                        .setHost("127.0.0.1")
                        .setPort(proxied.port)
                        .setMethod(HttpMethod.POST)
                        .setURI("/v1/files")));
        request.setChunked(true);
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
}
