package dev.headroom.proxy.internal.http;

import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;

import dev.headroom.proxy.internal.ops.ProxyMetrics;
import dev.headroom.proxy.internal.pipeline.Outbound;
import dev.headroom.proxy.internal.pipeline.ResponseStages;
import dev.headroom.proxy.internal.sse.SseEvent;
import dev.headroom.proxy.internal.sse.StreamState;
import dev.headroom.proxy.internal.sse.StreamSummary;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lifecycle of each {@code response.create} frame of one WebSocket session, as an HTTP exchange
 * has its own: request id {@code <session id>#<n>}, compression counted in the metrics, {@code
 * POST_SEND} once the frame is written upstream, {@code RESPONSE_RECEIVED} with the usage and
 * status of the {@code response.completed}/{@code failed}/{@code incomplete} or {@code error} event
 * that ends its response (or when the session closes first), and one access-log line. A session
 * runs one response at a time, so upstream events belong to the oldest frame still waiting. Used
 * from the session's event loop only; the stages run on workers, in order per frame.
 */
final class WebSocketFrames {

  private final Vertx vertx;
  private final ResponseStages stages;
  private final ProxyMetrics metrics;
  private final String sessionId;
  private final String provider;
  private final Deque<Frame> waiting = new ArrayDeque<>();
  private int count;

  WebSocketFrames(
      Vertx vertx, ResponseStages stages, ProxyMetrics metrics, String sessionId, String provider) {
    this.vertx = vertx;
    this.stages = stages;
    this.metrics = metrics;
    this.sessionId = sessionId;
    this.provider = provider;
  }

  /** One frame: what the pipeline made of it and, once it is answered, what the stream said. */
  static final class Frame {
    final String requestId;
    final int index;
    final long startNanos = System.nanoTime();
    final StreamState state = StreamState.of("openai_responses");
    Outbound out = Outbound.unchanged();
    Future<?> stages = Future.succeededFuture();

    private Frame(String requestId, int index) {
      this.requestId = requestId;
      this.index = index;
    }
  }

  /**
   * @return the next frame's lifecycle, before it goes through the request pipeline
   */
  Frame open() {
    count++;
    return new Frame(sessionId + "#" + count, count);
  }

  /** The pipeline's decision for a frame: counted like an HTTP request's. */
  void rewritten(Frame frame, Outbound out) {
    frame.out = out;
    if (!out.blocks().isEmpty()) {
      metrics.liveZone(out.blocks(), out.compressNanos());
    }
    if (out.tokensBefore() > 0) {
      metrics.compressed(out.tokensBefore(), out.tokensAfter());
    }
  }

  /** The frame is written upstream: POST_SEND, and its response is the next one awaited. */
  void sent(Frame frame) {
    waiting.add(frame);
    if (stages.wants(POST_SEND)) {
      Map<String, Object> metadata = metadata(frame);
      frame.stages =
          vertx.executeBlocking(
              () -> {
                stages.postSend(frame.requestId, provider, frame.out.model(), metadata);
                return null;
              },
              false);
    }
  }

  /**
   * An upstream text message: ends the oldest waiting frame's response when it is a terminal event.
   */
  void upstream(String text) {
    Frame frame = waiting.peek();
    if (frame == null || !mayMatter(text)) {
      return;
    }
    frame.state.accept(new SseEvent("", text));
    StreamSummary summary = frame.state.summary();
    if (summary.terminated() || summary.status().equals("error")) {
      waiting.poll();
      finish(frame, true);
    }
  }

  /** The session closed: frames still waiting end incomplete. */
  void closed() {
    for (Frame frame = waiting.poll(); frame != null; frame = waiting.poll()) {
      finish(frame, false);
    }
  }

  private void finish(Frame frame, boolean complete) {
    StreamSummary summary = frame.state.summary();
    AccessLog.frame(
        frame.requestId,
        provider,
        frame.out,
        summary,
        complete,
        System.nanoTime() - frame.startNanos);
    if (!stages.wants(RESPONSE_RECEIVED)) {
      return;
    }
    Map<String, Object> metadata = metadata(frame);
    metadata.put("complete", complete);
    metadata.put("stream_status", summary.status());
    metadata.put("usage", new LinkedHashMap<String, Object>(summary.usage()));
    String model = frame.out.model().isEmpty() ? summary.model() : frame.out.model();
    frame.stages =
        frame.stages.eventually(
            () ->
                vertx.executeBlocking(
                    () -> {
                      stages.responseReceived(frame.requestId, provider, model, null, metadata);
                      return null;
                    },
                    false));
  }

  private static Map<String, Object> metadata(Frame frame) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("route", "responses_ws");
    metadata.put("transport", "websocket");
    metadata.put("frame_index", frame.index);
    metadata.put("streaming", true);
    return metadata;
  }

  /**
   * Deltas are most of a stream: only events that can end a response or name its model are parsed.
   */
  private static boolean mayMatter(String text) {
    return text.contains("response.completed")
        || text.contains("response.failed")
        || text.contains("response.incomplete")
        || text.contains("response.created")
        || text.contains("\"error\"");
  }
}
