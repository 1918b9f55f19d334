package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineStage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketRelayTest {

  private static final String CREATE =
      "{\"type\":\"response.create\",\"response\":{\"model\":\"gpt-5\", \"input\":[]}}";

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
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost("127.0.0.1").setPort(fx.port).setURI("/v1/responses");
    for (int i = 0; i < headers.length; i += 2) {
      options.addHeader(headers[i], headers[i + 1]);
    }
    return Tests.await(client.connect(options));
  }

  @Test
  void aResponseCreateFrameOverWebSocketIsCompressedAndCountedLikeARequest() throws Exception {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(b -> b.compressionBudget(Duration.ofSeconds(10)))) {
      String frame =
          "{\"type\":\"response.create\",\"response\":{\"model\":\"gpt-5\",\"input\":["
              + "{\"type\":\"message\",\"role\":\"user\",\"content\":"
              + "\"What happened to ord_100123, and did any order fail?\""
              + "},"
              + "{\"type\":\"function_call\",\"call_id\":\"c1\",\"name\":\"orders\",\"arguments\":\"{}\"},"
              + "{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":"
              + new ObjectMapper().writeValueAsString(LiveZoneCompressionTest.orders())
              + "}]}}";
      WebSocket ws = connect(fx);
      ws.writeTextMessage(frame);

      String sent = fx.openai.takeWebSocketMessage();
      assertTrue(sent.length() < frame.length() / 2, frame.length() + " -> " + sent.length());
      assertTrue(sent.contains("FAILED") && sent.contains("ord_100123"), sent);
      String metrics = fx.proxy.scrapeMetrics();
      assertTrue(
          metrics.contains(
              "headroom_compression_blocks_total{content_type=\"json_array\",outcome=\"compressed\"} 1.0"),
          metrics);
      // Its saving is booked, like an HTTP exchange's, when its response ends: here, when the
      // session closes before the (echoing) upstream ends it.
      ws.close();
      assertTrue(
          Tests.eventually(
              () ->
                  fx.proxy
                      .scrapeMetrics()
                      .lines()
                      .anyMatch(
                          line ->
                              line.startsWith("headroom_tokens_saved_total")
                                  && !line.endsWith(" 0.0"))),
          fx.proxy.scrapeMetrics());
    }
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
      assertEquals(
          Buffer.buffer(new byte[] {0, 1, 2, (byte) 255}), echoed.poll(10, TimeUnit.SECONDS));
      assertEquals(CREATE, fx.openai.takeWebSocketMessage());
    }
  }

  @Test
  void responseCreateFramesGoThroughTheExtensionsUnlessTheHandshakeAskedForBypass() {
    try (ProxyFixture fx =
        ProxyFixture.withExtensions(new RecordingExtension("tagger", WebSocketRelayTest::tag))) {
      WebSocket ws = connect(fx);
      ws.writeTextMessage(CREATE);
      ws.writeTextMessage("{\"type\":\"session.update\"}");
      assertEquals(
          "{\"type\":\"response.create\",\"response\":{\"model\":\"gpt-5\",\"input\":[]},\"tagged\":true}",
          fx.openai.takeWebSocketMessage());
      assertEquals("{\"type\":\"session.update\"}", fx.openai.takeWebSocketMessage());

      WebSocket bypassed = connect(fx, "x-headroom-bypass", "true");
      bypassed.writeTextMessage(CREATE);
      assertEquals(CREATE, fx.openai.takeWebSocketMessage());
    }
  }

  @Test
  void eachResponseCreateFrameHasTheWholeLifecycleWithItsOwnRequestIdAndUsage() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      fx.openai.webSockets(
          ws ->
              ws.textMessageHandler(
                  text -> {
                    ws.writeTextMessage(
                        "{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\"}}");
                    ws.writeTextMessage(
                        "{\"type\":\"response.output_text.delta\",\"delta\":\"hi\"}");
                    ws.writeTextMessage(
                        "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\","
                            + "\"usage\":{\"input_tokens\":12,\"output_tokens\":3}}}");
                  }));
      WebSocket ws = connect(fx, "x-request-id", "session-1");
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      ws.textMessageHandler(received::add);
      ws.writeTextMessage(CREATE);
      for (int i = 0; i < 3; i++) {
        received.poll(10, TimeUnit.SECONDS);
      }
      ws.writeTextMessage(CREATE);

      List<PipelineStage> whole =
          List.of(
              PipelineStage.INPUT_RECEIVED,
              PipelineStage.INPUT_ROUTED,
              PipelineStage.INPUT_COMPRESSED,
              PipelineStage.INPUT_REMEMBERED,
              PipelineStage.PRE_SEND,
              PipelineStage.POST_SEND,
              PipelineStage.RESPONSE_RECEIVED);
      assertEquals(whole, recorder.awaitRequestStages("session-1#1", whole.size()));
      assertEquals(whole, recorder.awaitRequestStages("session-1#2", whole.size()));
      PipelineEvent received1 =
          recorder.events.stream()
              .filter(
                  e ->
                      e.requestId().equals("session-1#1")
                          && e.stage() == PipelineStage.RESPONSE_RECEIVED)
              .findFirst()
              .orElseThrow();
      assertEquals(
          Map.of("input_tokens", 12L, "output_tokens", 3L), received1.metadata().get("usage"));
      assertEquals("completed", received1.metadata().get("stream_status"));
      assertEquals(1, received1.metadata().get("frame_index"));
      assertEquals("gpt-5", received1.model());
    }
  }

  @Test
  void aFrameWhoseSessionClosesBeforeItsResponseEndsIsReceivedIncomplete() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      fx.openai.webSockets(
          ws -> ws.textMessageHandler(text -> ws.close((short) 1011, "upstream gave up")));
      WebSocket ws = connect(fx, "x-request-id", "session-2");
      ws.writeTextMessage(CREATE);

      List<PipelineStage> stages = recorder.awaitRequestStages("session-2#1", 7);
      assertEquals(PipelineStage.RESPONSE_RECEIVED, stages.get(stages.size() - 1));
      PipelineEvent last =
          recorder.events.stream()
              .filter(
                  e ->
                      e.requestId().equals("session-2#1")
                          && e.stage() == PipelineStage.RESPONSE_RECEIVED)
              .findFirst()
              .orElseThrow();
      assertEquals(false, last.metadata().get("complete"));
    }
  }

  @Test
  void aClientCloseReachesTheUpstreamWithItsCode() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      CompletableFuture<Short> upstreamClose = new CompletableFuture<>();
      fx.openai.webSockets(
          ws -> ws.closeHandler(v -> upstreamClose.complete(ws.closeStatusCode())));
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
      Throwable failure =
          Tests.await(
              client
                  .connect(fx.port, "127.0.0.1", "/v1/responses")
                  .map(ws -> (Throwable) null)
                  .otherwise(t -> t));
      assertEquals(403, ((UpgradeRejectedException) failure).getStatus());
    }
  }
}
