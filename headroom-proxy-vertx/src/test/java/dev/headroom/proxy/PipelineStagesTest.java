package dev.headroom.proxy;

import static dev.headroom.api.PipelineStage.INPUT_COMPRESSED;
import static dev.headroom.api.PipelineStage.INPUT_RECEIVED;
import static dev.headroom.api.PipelineStage.INPUT_REMEMBERED;
import static dev.headroom.api.PipelineStage.INPUT_ROUTED;
import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.POST_START;
import static dev.headroom.api.PipelineStage.PRE_SEND;
import static dev.headroom.api.PipelineStage.PRE_START;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;
import static dev.headroom.api.PipelineStage.SETUP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineStage;
import dev.headroom.proxy.FakeUpstream.Recorded;
import io.vertx.core.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineStagesTest {

  private static final String ODD =
      "{ \"model\" : \"gpt-4o\",\"messages\":[ {\"role\":\"user\",\"content\":\"h\u00e9\"} ],"
          + "\"n\":1.0,\"big\":123456789012345678901234567890 }";

  private static PipelineEvent addField(PipelineEvent event) {
    if (event.stage() != PRE_SEND) {
      return event;
    }
    Map<String, Object> payload = new LinkedHashMap<>(event.payload());
    payload.put("added", true);
    return event.withPayload(payload).withHeader("x-extra", "1").withHeader("x-headroom-evil", "1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/chat/completions", "/v1/responses", "/v1/messages"})
  void bootAndRequestStagesFireInDeclarationOrder(String path) throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      assertEquals(List.of(SETUP, PRE_START, POST_START), recorder.seenStages());
      fx.post(path, ODD, "x-request-id", "r1");
      assertEquals(
          List.of(
              INPUT_RECEIVED,
              INPUT_ROUTED,
              INPUT_COMPRESSED,
              INPUT_REMEMBERED,
              PRE_SEND,
              POST_SEND,
              RESPONSE_RECEIVED),
          recorder.awaitRequestStages("r1", 7));
      PipelineEvent received = recorder.events.get(3);
      assertEquals("gpt-4o", received.payload().get("model"));
      assertEquals("gpt-4o", received.model());
      assertEquals(path.startsWith("/v1/messages") ? "anthropic" : "openai", received.provider());
      assertEquals(List.of(Map.of("role", "user", "content", "h\u00e9")), received.messages());
      PipelineEvent response = recorder.events.get(recorder.events.size() - 1);
      assertEquals("up", response.response().get("id"));
    }
  }

  @Test
  void anExtensionThatChangesNothingLeavesTheBytesExact() {
    try (ProxyFixture fx = ProxyFixture.withExtensions(new RecordingExtension())) {
      fx.post("/v1/chat/completions", ODD);
      assertArrayEquals(ODD.getBytes(StandardCharsets.UTF_8), fx.openai.take().body());
    }
  }

  @Test
  void aReturnedPayloadReplacesTheBodyCompactlyAndHeadersChangeButNeverControlOnes() {
    try (ProxyFixture fx =
        ProxyFixture.withExtensions(
            new RecordingExtension("adder", PipelineStagesTest::addField))) {
      fx.post("/v1/chat/completions", ODD);
      Recorded recorded = fx.openai.take();
      assertEquals(
          "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"h\u00e9\"}],\"n\":1.0,"
              + "\"big\":123456789012345678901234567890,\"added\":true}",
          new String(recorded.body(), StandardCharsets.UTF_8));
      assertEquals("1", recorded.headers().get("x-extra"));
      assertNull(recorded.headers().get("x-headroom-evil"));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x-headroom-bypass:true",
        "x-headroom-bypass: TRUE ",
        "x-headroom-mode:passthrough",
        "X-Headroom-Mode:  PassThrough"
      })
  void aBypassedRequestIsForwardedByteForByteAndNoExtensionSeesIt(String header) {
    RecordingExtension recorder = new RecordingExtension("adder", PipelineStagesTest::addField);
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      String[] pair = header.split(":", 2);
      fx.post("/v1/responses", ODD, pair[0], pair[1]);
      assertArrayEquals(ODD.getBytes(StandardCharsets.UTF_8), fx.openai.take().body());
      assertEquals(List.of(SETUP, PRE_START, POST_START), recorder.seenStages());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "1", "yes", ""})
  void otherBypassValuesDoNotBypass(String value) throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      fx.post("/v1/chat/completions", ODD, "x-headroom-bypass", value, "x-request-id", "nb");
      fx.openai.take();
      assertTrue(recorder.awaitRequestStages("nb", 7).contains(INPUT_RECEIVED));
    }
  }

  @Test
  void aThrowingExtensionNeverFailsTheRequest() {
    RecordingExtension thrower =
        new RecordingExtension(
            "thrower",
            e -> {
              throw new IllegalStateException("boom");
            });
    try (ProxyFixture fx = ProxyFixture.withExtensions(thrower)) {
      Tests.Reply reply = fx.post("/v1/messages", ODD);
      assertEquals(200, reply.status());
      assertArrayEquals(ODD.getBytes(StandardCharsets.UTF_8), fx.anthropic.take().body());
    }
  }

  @Test
  void extensionsRunOffTheEventLoop() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      fx.post("/v1/chat/completions", ODD, "x-request-id", "t1");
      recorder.awaitRequestStages("t1", 7);
      recorder.threads.forEach(thread -> assertFalse(thread.contains("eventloop"), thread));
    }
  }

  @Test
  void passthroughRoutesNeverEmitPayloadStages() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      Tests.call(fx.client, fx.port, HttpMethod.GET, "/v1/models", Tests.headers(), null);
      fx.post("/v1/embeddings", ODD);
      fx.openai.take();
      fx.openai.take();
      assertEquals(List.of(SETUP, PRE_START, POST_START), recorder.seenStages());
    }
  }

  @Test
  void aGzipBodyIsDecodedForExtensionsAndForwardedAsReceived() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    byte[] gzipped = gzip(ODD);
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      Tests.call(
          fx.client,
          fx.port,
          HttpMethod.POST,
          "/v1/chat/completions",
          Tests.headers(
              "content-encoding", "gzip", "content-type", "application/json", "x-request-id", "gz"),
          gzipped);
      Recorded recorded = fx.openai.take();
      assertArrayEquals(gzipped, recorded.body());
      assertEquals("gzip", recorded.headers().get("content-encoding"));
      recorder.awaitRequestStages("gz", 7);
      assertEquals("gpt-4o", recorder.events.get(3).payload().get("model"));
    }
  }

  @Test
  void aZstdBodyIsDecodedForExtensionsAndForwardedAsReceived() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    byte[] compressed = Zstd.compress(ODD.getBytes(StandardCharsets.UTF_8));
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      Tests.call(
          fx.client,
          fx.port,
          HttpMethod.POST,
          "/v1/responses",
          Tests.headers("content-encoding", "zstd", "x-request-id", "zs"),
          compressed);
      Recorded recorded = fx.openai.take();
      assertArrayEquals(compressed, recorded.body());
      assertEquals("zstd", recorded.headers().get("content-encoding"));
      recorder.awaitRequestStages("zs", 7);
      assertEquals("gpt-4o", recorder.events.get(3).payload().get("model"));
    }
  }

  @Test
  void aBrotliBodyIsDecodedForExtensionsAndForwardedAsReceived() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    Brotli4jLoader.ensureAvailability();
    byte[] compressed = Encoder.compress(ODD.getBytes(StandardCharsets.UTF_8));
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      Tests.call(
          fx.client,
          fx.port,
          HttpMethod.POST,
          "/v1/responses",
          Tests.headers("content-encoding", "br", "x-request-id", "brotli"),
          compressed);
      Recorded recorded = fx.openai.take();
      assertArrayEquals(compressed, recorded.body());
      assertEquals("br", recorded.headers().get("content-encoding"));
      recorder.awaitRequestStages("brotli", 7);
      assertEquals("gpt-4o", recorder.events.get(3).payload().get("model"));
    }
  }

  @Test
  void aCorruptBrotliBodyIsForwardedAsReceivedAndExtensionsSeeNoPayload() throws Exception {
    RecordingExtension recorder = new RecordingExtension("adder", PipelineStagesTest::addField);
    byte[] opaque = {0x1b, 0x02, 0x00, (byte) 0xf8, 0x25, 0x00};
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      Tests.call(
          fx.client,
          fx.port,
          HttpMethod.POST,
          "/v1/chat/completions",
          Tests.headers("content-encoding", "br", "x-request-id", "br"),
          opaque);
      Recorded recorded = fx.openai.take();
      assertArrayEquals(opaque, recorded.body());
      assertEquals("br", recorded.headers().get("content-encoding"));
    }
  }

  @Test
  void aReplacedGzipBodyIsSentPlainWithoutContentEncoding() throws Exception {
    try (ProxyFixture fx =
        ProxyFixture.withExtensions(
            new RecordingExtension("adder", PipelineStagesTest::addField))) {
      Tests.call(
          fx.client,
          fx.port,
          HttpMethod.POST,
          "/v1/chat/completions",
          Tests.headers("content-encoding", "gzip"),
          gzip(ODD));
      Recorded recorded = fx.openai.take();
      assertNull(recorded.headers().get("content-encoding"));
      assertTrue(new String(recorded.body(), StandardCharsets.UTF_8).endsWith(",\"added\":true}"));
    }
  }

  @Test
  void aStreamedResponseReportsParsedUsageAtResponseReceived() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx = ProxyFixture.withExtensions(recorder)) {
      fx.anthropic.respond(
          (request, body) ->
              request
                  .response()
                  .putHeader("content-type", "text/event-stream")
                  .end(
                      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"c\","
                          + "\"usage\":{\"input_tokens\":11,\"output_tokens\":1}}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
      fx.post("/v1/messages", "{\"stream\":true}", "x-request-id", "s1");
      List<PipelineStage> stages = recorder.awaitRequestStages("s1", 7);
      assertEquals(RESPONSE_RECEIVED, stages.get(6));
      PipelineEvent last =
          recorder.events.stream()
              .filter(e -> e.stage() == RESPONSE_RECEIVED)
              .findFirst()
              .orElseThrow();
      assertEquals("message_stop", last.metadata().get("stream_status"));
      assertEquals(11L, ((Map<?, ?>) last.metadata().get("usage")).get("input_tokens"));
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
