package dev.headroom.proxy.internal.http;

import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;

import dev.headroom.pipeline.Json;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.PipelineResult;
import dev.headroom.pipeline.ResponseOutcome;
import dev.headroom.pipeline.ResponseStages;
import dev.headroom.pipeline.stream.StreamSummary;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The response stages of one exchange, {@code POST_SEND} then {@code RESPONSE_RECEIVED}, each on a
 * worker and in that order; only for exchanges the pipeline saw (not bypassed, an LLM route), and
 * only when some extension listens. Called from the exchange's event loop only.
 */
final class ExchangeStages {

  private final Vertx vertx;
  private final ResponseStages stages;
  private PipelineRequest request;
  private PipelineResult result;

  /** POST_SEND, then RESPONSE_RECEIVED: the response stages of one exchange run in order. */
  private Future<?> pending = Future.succeededFuture();

  ExchangeStages(Vertx vertx, ResponseStages stages) {
    this.vertx = vertx;
    this.stages = stages;
  }

  /**
   * @param request the request as the pipeline saw it
   * @param result what was sent
   */
  void sent(PipelineRequest request, PipelineResult result) {
    this.request = request;
    this.result = result;
  }

  void postSend(int status, boolean stream) {
    if (request == null || !stages.wants(POST_SEND)) {
      return;
    }
    PipelineRequest r = request;
    PipelineResult sent = result;
    pending =
        vertx.executeBlocking(
            () -> {
              stages.postSend(r, sent, status, stream);
              return null;
            },
            false);
  }

  /**
   * @param status the upstream's status
   * @param complete whether the client got the whole response
   * @param summary what the relayed stream said, or {@code null} when it was not a stream
   * @param copy the JSON body as relayed, or {@code null} when it was not kept
   */
  void responseReceived(int status, boolean complete, StreamSummary summary, Buffer copy) {
    if (request == null || status == 0 || !stages.wants(RESPONSE_RECEIVED)) {
      return;
    }
    PipelineRequest r = request;
    PipelineResult sent = result;
    byte[] body = copy == null || !complete ? null : copy.getBytes();
    pending =
        pending.eventually(
            () ->
                vertx.executeBlocking(
                    () -> {
                      stages.responseReceived(
                          r,
                          sent,
                          summary != null
                              ? ResponseOutcome.streamed(status, complete, summary)
                              : ResponseOutcome.whole(status, complete, Json.parseObject(body)));
                      return null;
                    },
                    false));
  }
}
