package dev.headroom.proxy.internal.http;

import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.PipelineResult;
import dev.headroom.proxy.internal.wire.BodyDecoding;
import dev.headroom.proxy.internal.wire.ForwardHeaders;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The request pipeline's step of one exchange: on a worker, the body is decoded (for inspection
 * only) and run through the shared {@link dev.headroom.pipeline.RequestPipeline}; back on the event
 * loop, its decision becomes what is sent — the body and headers — and what is reported: the
 * accounting, the metrics and the request the response stages describe.
 */
final class PipelineStep {

  private static final Logger LOG = System.getLogger(PipelineStep.class.getName());
  private static final String SESSION = "x-headroom-session-id";

  /**
   * The largest body run on the event loop when the pipeline cannot block: its scan and any
   * compression take tens of microseconds, less than a worker hop there and back.
   */
  static final int INLINE_BYTES = 16 * 1024;

  /**
   * What goes upstream.
   *
   * @param headers the upstream-bound headers
   * @param body the body: the client's own bytes unless the pipeline changed them
   * @param rewritten whether the pipeline changed the body (only then can it carry the retrieval
   *     tool)
   */
  record Prepared(MultiMap headers, Buffer body, boolean rewritten) {}

  private record Ran(PipelineRequest request, PipelineResult result) {}

  private final ProxyServices services;
  private final RequestContext ctx;
  private final ExchangeStages stages;
  private final ExchangeOutcome outcome;

  PipelineStep(
      ProxyServices services, RequestContext ctx, ExchangeStages stages, ExchangeOutcome outcome) {
    this.services = services;
    this.ctx = ctx;
    this.stages = stages;
    this.outcome = outcome;
  }

  /**
   * @param received the body as received
   * @param headers the upstream-bound headers (changed in place by the extensions' decision)
   * @param session the client's {@code x-headroom-session-id}, or {@code null}
   * @param then gets what to send, unless the exchange ended meanwhile
   */
  void run(byte[] received, MultiMap headers, String session, Consumer<Prepared> then) {
    ctx.bodyReadNanos = System.nanoTime();
    ctx.bytesIn = received.length;
    Buffer body = BodyReader.wrap(received);
    String encoding = headers.get("content-encoding");
    Map<String, String> before = ForwardHeaders.singleValued(headers);
    // The session id is a control header (never forwarded) that names the conversation for the
    // retrieval tool.
    Map<String, String> seen = before;
    if (session != null) {
      seen = new LinkedHashMap<>(before);
      seen.put(SESSION, session.strip());
    }
    String conversation = session == null ? "" : session.strip();
    Map<String, String> shown = seen;
    if (!services.pipeline().worthRunning(received.length, encoding != null)) {
      PipelineRequest request = request(received, received.length, shown, conversation);
      stages.sent(request, PipelineResult.unchanged(request));
      ctx.pipelineDoneNanos = System.nanoTime();
      then.accept(new Prepared(headers, body, false));
      return;
    }
    if (services.nonBlocking() && encoding == null && received.length <= INLINE_BYTES) {
      // Scanning and compressing a body this small takes less than handing it to a worker and back.
      Ran ran;
      try {
        ran = decodeAndRun(received, null, shown, conversation);
      } catch (RuntimeException failure) {
        ran = failed(failure, received, shown, conversation);
      }
      then.accept(apply(ran, headers, before, body));
      return;
    }
    services
        .vertx()
        .executeBlocking(() -> decodeAndRun(received, encoding, shown, conversation), false)
        .onComplete(
            done -> {
              if (outcome.finished()) {
                return;
              }
              Ran ran =
                  done.succeeded()
                      ? done.result()
                      : failed(done.cause(), received, shown, conversation);
              then.accept(apply(ran, headers, before, body));
            });
  }

  private Ran failed(
      Throwable cause, byte[] received, Map<String, String> headers, String conversation) {
    LOG.log(
        Level.WARNING,
        "request "
            + ctx.requestId
            + ": pipeline failed ("
            + cause.getClass().getName()
            + "); forwarding the original body");
    PipelineRequest request = request(received, received.length, headers, conversation);
    return new Ran(request, PipelineResult.unchanged(request));
  }

  private Ran decodeAndRun(
      byte[] received, String encoding, Map<String, String> headers, String session) {
    byte[] decoded = BodyDecoding.decode(encoding, received, services.maxBodyBytes());
    PipelineRequest request =
        request(decoded == null ? received : decoded, received.length, headers, session);
    if (decoded == null) {
      LOG.log(Level.DEBUG, () -> "request " + ctx.requestId + ": body not decodable, left alone");
      return new Ran(request, PipelineResult.unchanged(request));
    }
    return new Ran(request, services.pipeline().run(request));
  }

  private Prepared apply(Ran ran, MultiMap headers, Map<String, String> before, Buffer received) {
    PipelineRequest request = ran.request();
    PipelineResult result = ran.result();
    ctx.pipelineDoneNanos = System.nanoTime();
    ctx.compressNanos = result.compressNanos();
    ctx.compressStartNanos = result.compressStartNanos();
    stages.sent(request, result);
    ctx.account(result);
    if (!result.blocks().isEmpty()) {
      services.metrics().liveZone(result.blocks(), result.compressNanos());
    }
    if (result.compressed()) {
      services.metrics().replayedBytes(result.blocks());
    }
    if (!result.model().isEmpty()) {
      // Named by the rewrite, which read the body anyway; a body it did not read is not parsed
      // again for it (the response names the model, see Exchange).
      ctx.model = result.model();
    }
    if (result.headersChanged(request)) {
      Map<String, String> after = new LinkedHashMap<>(result.headers());
      after.remove(SESSION);
      ForwardHeaders.applyChanges(headers, before, after);
    }
    if (!result.bodyChanged(request)) {
      return new Prepared(headers, received, false);
    }
    headers.remove("content-encoding");
    if (!result.compressed()) {
      ctx.decision = "rewritten";
    }
    if (services.retrievals().isPresent()) {
      // The retrieval loop reads the response: keep it plain JSON.
      headers.remove("accept-encoding");
    }
    return new Prepared(headers, BodyReader.wrap(result.body()), true);
  }

  /**
   * The request as the pipeline sees it; also built for exchanges it skips, for the response
   * stages.
   */
  PipelineRequest request(
      byte[] body, int receivedBytes, Map<String, String> headers, String session) {
    return PipelineRequest.builder(ctx.requestId, "proxy.request", ctx.route, body)
        .provider(ctx.provider)
        .receivedBytes(receivedBytes)
        .headers(headers)
        .scope(ctx.scope)
        .session(session)
        .protectedTools(ctx.protectedTools)
        .build();
  }
}
