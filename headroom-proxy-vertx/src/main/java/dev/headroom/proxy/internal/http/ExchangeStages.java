package dev.headroom.proxy.internal.http;

import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;

import dev.headroom.proxy.internal.sse.StreamSummary;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response-side pipeline stages of one exchange, {@code POST_SEND} then {@code
 * RESPONSE_RECEIVED}, each on a worker and in that order; skipped for bypassed exchanges, routes
 * without a payload, and when no extension wants them. Called from the exchange's event loop only.
 */
final class ExchangeStages {

  private final Forwarder f;
  private final RequestContext ctx;
  private String model = "";

  /** POST_SEND, then RESPONSE_RECEIVED: the response stages of one exchange run in order. */
  private Future<?> pending = Future.succeededFuture();

  ExchangeStages(Forwarder forwarder, RequestContext ctx) {
    this.f = forwarder;
    this.ctx = ctx;
  }

  /**
   * @param model the request's model, as the request pipeline read it
   */
  void model(String model) {
    this.model = model;
  }

  void postSend(boolean streaming) {
    if (ctx.bypass || !ctx.route.carriesPayload() || !f.responseStages.wants(POST_SEND)) {
      return;
    }
    Map<String, Object> metadata =
        Map.of("route", ctx.route.label(), "status", ctx.upstreamStatus, "streaming", streaming);
    String id = ctx.requestId;
    String provider = ctx.provider.wireName();
    String m = model;
    pending =
        f.vertx.executeBlocking(
            () -> {
              f.responseStages.postSend(id, provider, m, metadata);
              return null;
            },
            false);
  }

  /**
   * @param summary what the relayed stream said, or {@code null} when it was not a stream
   * @param responseCopy the response body as relayed, or {@code null} when it was not kept
   */
  void responseReceived(StreamSummary summary, Buffer responseCopy) {
    if (ctx.bypass
        || !ctx.route.carriesPayload()
        || ctx.upstreamStatus == 0
        || !f.responseStages.wants(RESPONSE_RECEIVED)) {
      return;
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("route", ctx.route.label());
    metadata.put("status", ctx.upstreamStatus);
    metadata.put("complete", ctx.failure.isEmpty());
    if (summary != null) {
      metadata.put("streaming", true);
      metadata.put("stream_status", summary.status());
      metadata.put("usage", new LinkedHashMap<String, Object>(summary.usage()));
    }
    byte[] body = responseCopy == null || !ctx.failure.isEmpty() ? null : responseCopy.getBytes();
    String id = ctx.requestId;
    String provider = ctx.provider.wireName();
    String m = model.isEmpty() && summary != null ? summary.model() : model;
    pending =
        pending.eventually(
            () ->
                f.vertx.executeBlocking(
                    () -> {
                      f.responseStages.responseReceived(id, provider, m, body, metadata);
                      return null;
                    },
                    false));
  }
}
