package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void twoHundredConcurrentRequestsEachGetTheirOwnBodyAndNoneIsLost() {
    try (ProxyFixture fx = ProxyFixture.start()) {
      fx.openai.respond(
          (request, body) -> fx.vertx.setTimer(20, t -> request.response().end(body)));
      HttpClient client =
          fx.vertx.createHttpClient(
              new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(200));
      List<byte[]> bodies = new ArrayList<>();
      List<Future<byte[]>> replies = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        byte[] body =
            ("{\"model\":\"m\",\"n\":" + i + ",\"pad\":\"" + "x".repeat(i * 37) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        bodies.add(body);
        RequestOptions options =
            new RequestOptions()
                .setHost("127.0.0.1")
                .setPort(fx.port)
                .setMethod(HttpMethod.POST)
                .setURI("/v1/chat/completions");
        replies.add(
            client
                .request(options)
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(r -> r.body())
                .map(Buffer::getBytes));
      }
      Tests.await(Future.all(replies));
      Set<String> upstreamSaw = new HashSet<>();
      for (int i = 0; i < 200; i++) {
        assertArrayEquals(bodies.get(i), replies.get(i).result(), "reply " + i);
        upstreamSaw.add(Tests.sha256(fx.openai.take().body()));
      }
      assertEquals(200, upstreamSaw.size());
    }
  }
}
