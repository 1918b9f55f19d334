package dev.headroom.proxy.internal.websocket;

import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;

import dev.headroom.compress.ProviderApi;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.PipelineResult;
import dev.headroom.pipeline.Provider;
import dev.headroom.pipeline.ResponseOutcome;
import dev.headroom.pipeline.ResponseStages;
import dev.headroom.pipeline.stream.SseEvent;
import dev.headroom.pipeline.stream.StreamFormat;
import dev.headroom.pipeline.stream.StreamSummary;
import dev.headroom.pipeline.stream.Usage;
import dev.headroom.proxy.internal.ops.AccessLog;
import dev.headroom.proxy.internal.ops.ProxyMetrics;
import dev.headroom.proxy.internal.stats.Ledger;
import dev.headroom.proxy.internal.stats.Sample;
import dev.headroom.proxy.internal.wire.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;

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
  private final Ledger ledger;
  private final String sessionId;
  private final Provider provider;
  private final String scope;
  private final Deque<Frame> waiting = new ArrayDeque<>();
  private int count;

  WebSocketFrames(
      Vertx vertx,
      ResponseStages stages,
      ProxyMetrics metrics,
      Ledger ledger,
      String sessionId,
      Provider provider,
      String scope) {
    this.vertx = vertx;
    this.stages = stages;
    this.metrics = metrics;
    this.ledger = ledger;
    this.sessionId = sessionId;
    this.provider = provider;
    this.scope = scope;
  }

  /** One frame: what the pipeline made of it and, once it is answered, what the stream said. */
  static final class Frame {
    final String requestId;
    final int index;
    final long startNanos = System.nanoTime();
    final StreamFormat format = StreamFormat.of(ProviderApi.RESPONSES);
    PipelineRequest request;
    PipelineResult result;
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
  void rewritten(Frame frame, PipelineResult result) {
    frame.result = result;
    if (!result.blocks().isEmpty()) {
      metrics.liveZone(result.blocks(), result.compressNanos());
    }
    if (result.compressed()) {
      metrics.replayedBytes(result.blocks());
    }
  }

  /** The frame is written upstream: POST_SEND, and its response is the next one awaited. */
  void sent(Frame frame) {
    waiting.add(frame);
    if (frame.request != null && stages.wants(POST_SEND)) {
      PipelineResult result = result(frame);
      frame.stages =
          vertx.executeBlocking(
              () -> {
                stages.postSend(frame.request, result, 0, true);
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
    frame.format.accept(new SseEvent("", text));
    StreamSummary summary = frame.format.summary();
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
    StreamSummary summary = frame.format.summary();
    Usage.Tokens billed = Usage.tokens(ProviderApi.RESPONSES, summary.usage());
    metrics.providerUsage("responses", billed);
    PipelineResult sent = result(frame);
    boolean compressed = sent != null && sent.compressed();
    ledger.record(
        new Sample(
            "responses",
            sent != null && !sent.model().isEmpty() ? sent.model() : summary.model(),
            scope,
            compressed ? sent.tokensBefore() : 0,
            compressed ? sent.tokensAfter() : 0,
            compressed ? sent.replayedTokensBefore() - sent.replayedTokensAfter() : 0,
            billed.prompt(),
            billed.output(),
            billed.cacheRead(),
            billed.cacheWrite()));
    log(frame, summary, complete);
    if (frame.request == null || !stages.wants(RESPONSE_RECEIVED)) {
      return;
    }
    PipelineResult result = result(frame);
    frame.stages =
        frame.stages.eventually(
            () ->
                vertx.executeBlocking(
                    () -> {
                      stages.responseReceived(
                          frame.request, result, ResponseOutcome.streamed(0, complete, summary));
                      return null;
                    },
                    false));
  }

  private void log(Frame frame, StreamSummary summary, boolean complete) {
    if (!AccessLog.enabled()) {
      return;
    }
    PipelineResult result = result(frame);
    boolean changed = frame.request != null && result.bodyChanged(frame.request);
    StringBuilder line =
        new StringBuilder(192)
            .append("event=websocket_frame request_id=")
            .append(frame.requestId)
            .append(" route=responses transport=websocket provider=")
            .append(provider.wireName())
            .append(" decision=")
            .append(result.compressed() ? "compressed" : changed ? "rewritten" : "forwarded")
            .append(" stream_status=")
            .append(summary.status())
            .append(" complete=")
            .append(complete)
            .append(" total_ms=")
            .append(RequestIds.millis(System.nanoTime() - frame.startNanos));
    if (result.compressed()) {
      line.append(" tokens_before=")
          .append(result.tokensBefore())
          .append(" tokens_after=")
          .append(result.tokensAfter());
    }
    AccessLog.appendBlocks(line, result.blocks());
    if (!summary.usage().isEmpty()) {
      line.append(" usage=").append(summary.usage());
    }
    AccessLog.write(line.toString());
  }

  private static PipelineResult result(Frame frame) {
    return frame.result != null ? frame.result : PipelineResult.unchanged(frame.request);
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
