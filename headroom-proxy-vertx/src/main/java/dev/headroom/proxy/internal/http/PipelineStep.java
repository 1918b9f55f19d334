package dev.headroom.proxy.internal.http;

import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.PipelineResult;
import dev.headroom.pipeline.RequestPipeline;
import dev.headroom.proxy.internal.wire.BodyDecoding;
import dev.headroom.proxy.internal.wire.ForwardHeaders;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The request pipeline's step of one exchange: the body is run through the shared {@link
 * RequestPipeline} — read on the event loop when nothing in the pipeline can block and the body is
 * plain and at most {@link #INLINE_SCAN_BYTES}, with only its compression handed to a worker;
 * otherwise decoded (for inspection only) and run on a worker. Back on the event loop, its decision
 * becomes what is sent — the body and headers — and what is reported: the accounting, the metrics
 * and the request the response stages describe.
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
   * The largest body read on the event loop when the pipeline cannot block (tens of microseconds at
   * 100 KB); only a body that then has blocks to compress is handed to a worker. A larger body goes
   * to a worker unread: its scan alone would hold the event loop's other connections up.
   */
  static final int INLINE_SCAN_BYTES = 256 * 1024;

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
    Function<Throwable, Ran> failedOpen = failure -> failed(failure, received, shown, conversation);
    Consumer<Ran> send = ran -> then.accept(apply(ran, headers, before, body));
    if (services.nonBlocking() && encoding == null && received.length <= INLINE_SCAN_BYTES) {
      // Read on the event loop: a body with nothing to compress (the user's own words, a history
      // replayed) never waits for a worker; one that compresses is handed to one once read,
      // unless it is small enough to compress here sooner than a worker would start.
      PipelineRequest request = request(received, received.length, shown, conversation);
      RequestPipeline.Pending pending;
      try {
        pending = services.pipeline().begin(request);
      } catch (RuntimeException failure) {
        send.accept(failedOpen.apply(failure));
        return;
      }
      if (pending.blocking() && received.length > INLINE_BYTES) {
        onWorker(() -> new Ran(request, pending.finish()), failedOpen, send);
        return;
      }
      Ran ran;
      try {
        ran = new Ran(request, pending.finish());
      } catch (RuntimeException failure) {
        ran = failedOpen.apply(failure);
      }
      send.accept(ran);
      return;
    }
    onWorker(() -> decodeAndRun(received, encoding, shown, conversation), failedOpen, send);
  }

  private void onWorker(
      Callable<Ran> work, Function<Throwable, Ran> failedOpen, Consumer<Ran> send) {
    services
        .vertx()
        .executeBlocking(work, false)
        .onComplete(
            done -> {
              if (!outcome.finished()) {
                send.accept(done.succeeded() ? done.result() : failedOpen.apply(done.cause()));
              }
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
