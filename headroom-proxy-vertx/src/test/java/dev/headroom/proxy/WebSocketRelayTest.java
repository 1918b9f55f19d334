package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineStage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketRelayTest {

  private static final String CREATE = "{\"type\":\"response.create\",\"response\":{\"model\":\"gpt-5\", \"input\":[]}}";

  private static PipelineEvent tag(PipelineEvent event) {
    if (event.stage() != PipelineStage.PRE_SEND) {
      return event;
    }
    Map<String, Object> payload = new LinkedHashMap<>(event.payload());
    payload.put("tagged", true);
    return event.withPayload(payload);
  }

  private static WebSocket connect(ProxyFixture fx, String... headers) {
    WebSocketClient client = fx.vertx.createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(fx.port)
        .setURI("/v1/responses");
    for (int i = 0; i < headers.length; i += 2) {
      options.addHeader(headers[i], headers[i + 1]);
    }
    return Tests.await(client.connect(options));
  }

  @Test
  void textAndBinaryMessagesCrossBothWaysUnchanged() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      WebSocket ws = connect(fx);
      BlockingQueue<Object> echoed = new LinkedBlockingQueue<>();
      ws.textMessageHandler(echoed::add);
      ws.binaryMessageHandler(echoed::add);
      ws.writeTextMessage(CREATE);
      ws.writeBinaryMessage(Buffer.buffer(new byte[] {0, 1, 2, (byte) 255}));
      assertEquals(CREATE, echoed.poll(10, TimeUnit.SECONDS));
      assertEquals(Buffer.buffer(new byte[] {0, 1, 2, (byte) 255}), echoed.poll(10, TimeUnit.SECONDS));
      assertEquals(CREATE, fx.openai.takeWebSocketMessage());
    }
  }

  @Test
  void responseCreateFramesGoThroughTheExtensionsUnlessTheHandshakeAskedForBypass() {
    try (ProxyFixture fx = ProxyFixture.withExtensions(new RecordingExtension("tagger", WebSocketRelayTest::tag))) {
      WebSocket ws = connect(fx);
      ws.writeTextMessage(CREATE);
      ws.writeTextMessage("{\"type\":\"session.update\"}");
      assertEquals("{\"type\":\"response.create\",\"response\":{\"model\":\"gpt-5\",\"input\":[]},\"tagged\":true}",
          fx.openai.takeWebSocketMessage());
      assertEquals("{\"type\":\"session.update\"}", fx.openai.takeWebSocketMessage());

      WebSocket bypassed = connect(fx, "x-headroom-bypass", "true");
      bypassed.writeTextMessage(CREATE);
      assertEquals(CREATE, fx.openai.takeWebSocketMessage());
    }
  }

  @Test
  void aClientCloseReachesTheUpstreamWithItsCode() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      CompletableFuture<Short> upstreamClose = new CompletableFuture<>();
      fx.openai.webSockets(ws -> ws.closeHandler(v -> upstreamClose.complete(ws.closeStatusCode())));
      WebSocket ws = connect(fx);
      ws.close((short) 4001, "bye");
      assertEquals((short) 4001, upstreamClose.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void anUpstreamThatRefusesTheHandshakeIsRelayedAsItsStatus() {
    try (ProxyFixture fx = ProxyFixture.start()) {
      fx.openai.rejectWebSockets(403);
      WebSocketClient client = fx.vertx.createWebSocketClient();
      Throwable failure = Tests.await(client.connect(fx.port, "127.0.0.1", "/v1/responses")
          .map(ws -> (Throwable) null).otherwise(t -> t));
      assertEquals(403, ((io.vertx.core.http.UpgradeRejectedException) failure).getStatus());
    }
  }
}
