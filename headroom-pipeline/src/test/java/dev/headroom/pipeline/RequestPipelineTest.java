package dev.headroom.pipeline;

import static dev.headroom.api.PipelineStage.INPUT_COMPRESSED;
import static dev.headroom.api.PipelineStage.INPUT_RECEIVED;
import static dev.headroom.api.PipelineStage.INPUT_REMEMBERED;
import static dev.headroom.api.PipelineStage.INPUT_ROUTED;
import static dev.headroom.api.PipelineStage.PRE_SEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ScannedRewrite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestPipelineTest {

  // A generous budget: the test asserts what is sent, not how fast.
  private static final LiveZoneOptions OPTIONS =
      LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30));
  private static final RequestRewriter LIVE_ZONE =
      RequestRewriter.liveZone(LiveZoneRewriter.create(Compressor.create(), OPTIONS), OPTIONS);

  private static PipelineRequest chat(byte[] body) {
    return PipelineRequest.builder("r1", "test.request", Route.CHAT, body)
        .headers(Map.of("authorization", "Bearer k"))
        .build();
  }

  private static RequestPipeline pipeline(RequestRewriter rewriter, Recorder... extensions) {
    return RequestPipeline.create(PipelineExtensions.of(extensions), rewriter);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void theRequestStagesFireInOrderAndEachCarriesTheKeysOfTheStagesBefore() {
    Recorder recorder = new Recorder();

    pipeline(LIVE_ZONE, recorder).run(chat(Bodies.chat()));

    assertEquals(
        List.of(INPUT_RECEIVED, INPUT_ROUTED, INPUT_COMPRESSED, INPUT_REMEMBERED, PRE_SEND),
        recorder.seen());
    Set<String> received =
        Set.of(
            MetadataKeys.ROUTE,
            MetadataKeys.TRANSPORT,
            MetadataKeys.STREAM,
            MetadataKeys.BODY_BYTES);
    assertEquals(received, recorder.at(INPUT_RECEIVED).metadata().keySet());
    Set<String> routed = new HashSet<>(received);
    routed.add(MetadataKeys.COMPRESS);
    assertEquals(routed, recorder.at(INPUT_ROUTED).metadata().keySet());
    Set<String> compressed = new HashSet<>(routed);
    compressed.addAll(
        Set.of(
            MetadataKeys.TOKENS_BEFORE,
            MetadataKeys.TOKENS_AFTER,
            MetadataKeys.REPLAYED_TOKENS_BEFORE,
            MetadataKeys.REPLAYED_TOKENS_AFTER,
            MetadataKeys.BLOCKS));
    for (var stage : List.of(INPUT_COMPRESSED, INPUT_REMEMBERED, PRE_SEND)) {
      assertEquals(compressed, recorder.at(stage).metadata().keySet(), stage.value());
    }
    PipelineEvent first = recorder.at(INPUT_RECEIVED);
    assertEquals("chat", first.metadata().get(MetadataKeys.ROUTE));
    assertEquals("http", first.metadata().get(MetadataKeys.TRANSPORT));
    assertEquals("gpt-4o", first.model());
    assertEquals("openai", first.provider());
    assertEquals("test.request", first.operation());
  }

  @Test
  void theAccountingOfTheResultIsWhatCompressedMetadataSaysAndTheBodySent() {
    Recorder recorder = new Recorder();

    PipelineResult result = pipeline(LIVE_ZONE, recorder).run(chat(Bodies.chat()));

    Map<String, Object> metadata = recorder.at(PRE_SEND).metadata();
    assertTrue(result.compressed());
    assertTrue(result.tokensAfter() < result.tokensBefore());
    assertEquals(result.tokensBefore(), metadata.get(MetadataKeys.TOKENS_BEFORE));
    assertEquals(result.tokensAfter(), metadata.get(MetadataKeys.TOKENS_AFTER));
    assertTrue(text(result.body()).contains("card_declined: insufficient funds"));
    assertFalse(text(result.body()).contains("ord_100003"), "the rows were dropped");
  }

  @Test
  void withoutExtensionsOnlyTheRewriteRunsAndTheSameBytesAreSent() {
    AtomicInteger calls = new AtomicInteger();
    RequestRewriter counting =
        (request, body) -> {
          calls.incrementAndGet();
          return Rewrite.unchanged(body);
        };
    PipelineRequest request = chat(Bodies.chat());

    PipelineResult result = pipeline(counting).run(request);

    assertEquals(1, calls.get());
    assertSame(request.body(), result.body());
    assertFalse(result.bodyChanged(request));
    assertEquals(0, result.tokensBefore());
  }

  @Test
  void aPayloadReturnedBeforeTheRewriteIsWhatGetsCompressed() {
    String invoices = Bodies.orders("inv_");
    Recorder replacer =
        new Recorder(
            "replacer",
            event ->
                event.stage() != INPUT_RECEIVED
                    ? event
                    : event.withPayload(
                        Map.of(
                            "model",
                            "gpt-4o",
                            "messages",
                            List.of(
                                Map.of("role", "user", "content", "Which invoice failed?"),
                                Map.of(
                                    "role", "tool", "tool_call_id", "c", "content", invoices)))));

    PipelineResult result = pipeline(LIVE_ZONE, replacer).run(chat(Bodies.chat()));

    String sent = text(result.body());
    assertTrue(sent.contains("inv_"), sent);
    assertFalse(sent.contains("ord_"), sent);
    assertTrue(sent.length() < invoices.length(), "the replacement was compressed too");
    assertTrue(result.compressed());
  }

  @Test
  void anExtensionVetoesCompressionAtInputRouted() {
    AtomicInteger calls = new AtomicInteger();
    RequestRewriter counting =
        (request, body) -> {
          calls.incrementAndGet();
          return LIVE_ZONE.rewrite(request, body);
        };
    Recorder veto =
        new Recorder(
            "veto",
            event ->
                event.stage() == INPUT_ROUTED
                    ? event.withMetadata(MetadataKeys.COMPRESS, false)
                    : event);
    PipelineRequest request = chat(Bodies.chat());

    PipelineResult result = pipeline(counting, veto).run(request);

    assertEquals(0, calls.get());
    assertArrayEquals(request.body(), result.body());
    assertEquals(0, result.tokensBefore());
    assertEquals(Boolean.TRUE, veto.at(INPUT_ROUTED).metadata().get(MetadataKeys.COMPRESS));
    assertEquals(Boolean.FALSE, veto.at(PRE_SEND).metadata().get(MetadataKeys.COMPRESS));
  }

  @Test
  void aBlockAnExtensionPutsBackAfterCompressionNoLongerCountsAsSaved() {
    String original = Bodies.orders("ord_");
    Recorder undo =
        new Recorder(
            "undo",
            event ->
                event.stage() == PRE_SEND
                    ? event.withMessages(withToolOutput(event, original))
                    : event);

    PipelineResult result = pipeline(LIVE_ZONE, undo).run(chat(Bodies.chat(original)));

    assertTrue(text(result.body()).contains("ord_100003"), "the original went");
    assertFalse(result.compressed());
    assertEquals(0, result.tokensBefore());
    assertEquals(0, result.tokensAfter());
    assertTrue(
        result.blocks().stream().anyMatch(b -> b.outcome().equals("replaced_by_extension")),
        result.blocks().toString());
    assertTrue(
        (Integer) undo.at(PRE_SEND).metadata().get(MetadataKeys.TOKENS_BEFORE) > 0,
        "at PRE_SEND the compressed block was still there");
  }

  @Test
  void aRewriterThatThrowsLeavesTheBodyAsItCame() {
    RequestRewriter failing =
        (request, body) -> {
          throw new IllegalStateException("compressor bug");
        };
    PipelineRequest request = chat(Bodies.chat());

    PipelineResult result = pipeline(failing, new Recorder()).run(request);

    assertArrayEquals(request.body(), result.body());
    assertEquals(0, result.tokensBefore());
  }

  @Test
  void begunThePipelineLeavesAWorkerOnlyCompressionOrExtensions() {
    PipelineRequest toolOutput = chat(Bodies.chat());
    byte[] question =
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    PipelineRequest asked = chat(question);

    RequestPipeline.Pending compressing = pipeline(LIVE_ZONE).begin(toolOutput);
    RequestPipeline.Pending nothingToDo = pipeline(LIVE_ZONE).begin(asked);

    assertTrue(compressing.blocking(), "a tool output to compress is a worker's job");
    assertFalse(nothingToDo.blocking(), "nothing to compress: the caller may finish it at once");
    assertTrue(pipeline(LIVE_ZONE, new Recorder()).begin(asked).blocking(), "extensions may block");
    assertEquals(
        text(pipeline(LIVE_ZONE).run(toolOutput).body()), text(compressing.finish().body()));
    assertSame(question, nothingToDo.finish().body());
  }

  @Test
  void aRewriterWhoseScanThrowsLeavesTheBodyAsItCameAndNothingForAWorker() {
    RequestRewriter failing =
        new RequestRewriter() {
          @Override
          public Rewrite rewrite(PipelineRequest request, byte[] body) {
            throw new IllegalStateException("compressor bug");
          }

          @Override
          public ScannedRewrite<Rewrite> scan(PipelineRequest request, byte[] body) {
            throw new IllegalStateException("scan bug");
          }
        };
    PipelineRequest request = chat(Bodies.chat());

    RequestPipeline.Pending pending = pipeline(failing).begin(request);

    assertFalse(pending.blocking());
    assertSame(request.body(), pending.finish().body());
    assertSame(request.body(), pipeline(failing).run(request).body());
  }

  @Test
  void aRouteWithoutALiveZoneIsNeverRewritten() {
    AtomicInteger calls = new AtomicInteger();
    RequestRewriter counting =
        (request, body) -> {
          calls.incrementAndGet();
          return Rewrite.unchanged(body);
        };
    Recorder recorder = new Recorder();
    byte[] body = Bodies.chat();

    pipeline(counting, recorder)
        .run(PipelineRequest.builder("r2", "test.request", Route.COUNT_TOKENS, body).build());

    assertEquals(0, calls.get());
    assertEquals(Boolean.FALSE, recorder.at(INPUT_ROUTED).metadata().get(MetadataKeys.COMPRESS));
    assertEquals("anthropic", recorder.at(INPUT_RECEIVED).provider());
  }

  @Test
  void theTransportsMetadataReachesEveryStage() {
    Recorder recorder = new Recorder();
    PipelineRequest frame =
        PipelineRequest.builder(
                "s#2",
                "proxy.websocket",
                Route.RESPONSES,
                "{\"input\":[]}".getBytes(StandardCharsets.UTF_8))
            .transport(Transport.WEBSOCKET)
            .metadata(MetadataKeys.FRAME_INDEX, 2)
            .build();

    pipeline(RequestRewriter.identity(), recorder).run(frame);

    recorder.events.forEach(
        event -> {
          assertEquals(2, event.metadata().get(MetadataKeys.FRAME_INDEX), event.stage().value());
          assertEquals("websocket", event.metadata().get(MetadataKeys.TRANSPORT));
        });
  }

  @Test
  void blockPathsAreFoundInPayloadsAndInsideAWebSocketFramesResponse() {
    Map<String, Object> payload =
        Map.of(
            "messages",
            List.of(
                Map.of("role", "user"),
                Map.of("content", List.of(Map.of("type", "text", "text", "hello")))));

    assertEquals("hello", Blocks.valueAt(payload, "messages[1].content[0].text"));
    assertEquals(null, Blocks.valueAt(payload, "messages[5].content"));
    assertEquals(
        "out",
        Blocks.valueAt(
            Map.of(
                "type",
                "response.create",
                "response",
                Map.of("input", List.of(Map.of("output", "out")))),
            "input[0].output"));
  }

  private static List<Object> withToolOutput(PipelineEvent event, String output) {
    List<Object> messages = new ArrayList<>();
    for (Object message : event.messages()) {
      if (message instanceof Map<?, ?> map && "tool".equals(map.get("role"))) {
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        copy.put("content", output);
        messages.add(copy);
      } else {
        messages.add(message);
      }
    }
    return messages;
  }
}
