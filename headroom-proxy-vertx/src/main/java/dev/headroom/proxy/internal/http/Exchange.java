package dev.headroom.proxy.internal.http;

import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;

import dev.headroom.compress.ProviderApi;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.PipelineResult;
import dev.headroom.pipeline.Provider;
import dev.headroom.pipeline.Route;
import dev.headroom.pipeline.stream.StreamSummary;
import dev.headroom.pipeline.stream.Usage;
import dev.headroom.proxy.internal.limits.Refusal;
import dev.headroom.proxy.internal.retrieval.RetrieveTools;
import dev.headroom.proxy.internal.stats.ModelNames;
import dev.headroom.proxy.internal.stats.Sample;
import dev.headroom.proxy.internal.wire.ErrorBodies;
import dev.headroom.proxy.internal.wire.ForwardHeaders;
import dev.headroom.proxy.internal.wire.RequestIds;
import dev.headroom.proxy.internal.wire.Scopes;
import dev.headroom.proxy.internal.wire.Upstreams;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange, driven by its event loop: read the body ({@link BodyReader}), run the request
 * pipeline ({@link PipelineStep}) unless nothing could change the body (then the body is piped
 * through as it arrives) — a body under an AWS signature only when the gateway signs it again
 * ({@link SigningStep}) — call the upstream ({@link UpstreamCall}), hand a response that may call
 * the retrieval tool to the retrieval loop, relay what comes back ({@link ResponseRelay}), and
 * account for it once. The parts report to this exchange through {@link ExchangeOutcome}.
 */
final class Exchange implements ExchangeOutcome {

  private static final Logger LOG = System.getLogger(Exchange.class.getName());
  private static final Usage.Tokens NOTHING_BILLED = new Usage.Tokens(0, 0, 0, 0);

  private final ProxyServices services;
  private final HttpServerRequest req;
  private final HttpServerResponse resp;
  private final RequestContext ctx;
  private final UpstreamCall upstream;
  private final ResponseRelay relay;
  private final ExchangeStages stages;
  private final PipelineStep pipeline;
  private final SigningStep signing;
  private boolean finished;

  Exchange(ProxyServices services, HttpServerRequest request) {
    this.services = services;
    this.req = request;
    this.resp = request.response();
    String path = request.path();
    Route route = Route.of(request.method().name(), path);
    this.ctx =
        new RequestContext(
            RequestIds.of(request.headers()),
            route,
            Upstreams.providerOf(route, path, request.headers()),
            ForwardHeaders.bypass(request.headers()),
            request.method().name());
    ctx.protectedTools = ForwardHeaders.protectedTools(request.headers());
    ctx.queryKey = ctx.provider == Provider.GEMINI ? request.getParam("key") : null;
    ctx.scope = Scopes.of(request.headers(), ctx.queryKey);
    ctx.model = ModelNames.fromPath(path);
    this.upstream = new UpstreamCall(services, request, ctx, this);
    this.relay = new ResponseRelay(services, resp, request.method(), ctx, this);
    this.stages = new ExchangeStages(services.vertx(), services.responses());
    this.pipeline = new PipelineStep(services, ctx, stages, this);
    this.signing =
        new SigningStep(
            services,
            request,
            ctx,
            upstream,
            pipeline,
            stages,
            this,
            this::upstreamHeaders,
            this::send);
  }

  void start() {
    resp.closeHandler(
        v -> {
          // A close noticed while end() writes the last bytes (a client that hung up once it had
          // the last event, as the AWS SDK's Netty client did) is the exchange completing, not
          // the client leaving; it used to be reported twice.
          if (!resp.ended()) {
            failed(ProxyFailure.CLIENT_CLOSED);
          }
        });
    if (services.upstreams().base(ctx.provider, req.uri()).isEmpty()) {
      failed(ProxyFailure.UPSTREAM_NOT_CONFIGURED);
      return;
    }
    String length = req.getHeader("content-length");
    long declared = length == null ? -1 : parseLength(length);
    if (declared > services.maxBodyBytes()) {
      failed(ProxyFailure.BODY_TOO_LARGE);
      return;
    }
    if (services.limits().active() && ctx.route.api().isPresent()) {
      // Held until the limits answer (at once in memory; one Redis round trip for a fleet).
      req.pause();
      services
          .limits()
          .admit(ctx.scope)
          .onComplete(
              verdict -> {
                Optional<Refusal> refusal = verdict.result();
                // Each way on takes the paused body over: the body reader and the refusal resume
                // it once their handlers are set, the pipe upstream once it is connected.
                if (refusal.isPresent()) {
                  refuse(refusal.get());
                } else {
                  proceed(length, declared);
                }
              });
      return;
    }
    proceed(length, declared);
  }

  private void proceed(String length, long declared) {
    if (finished) {
      return;
    }
    String expect = req.getHeader("expect");
    if (expect != null && expect.strip().equalsIgnoreCase("100-continue")) {
      // The proxy reads the body itself, so it tells the client to send it; the upstream gets no
      // Expect.
      resp.writeContinue();
    }
    boolean signed = signing.signed();
    if (ctx.bypass || !ctx.route.carriesPayload() || !services.pipeline().active()) {
      streamThrough(length);
    } else if (signed && signing.passthrough().isPresent()) {
      // The signature covers the body: a changed body would be refused upstream, and there are
      // no credentials to sign it again. It goes as it came.
      streamThrough(length);
    } else if (signed) {
      BodyReader.read(req, declared, services.maxBodyBytes(), this, signing::resign);
    } else {
      BodyReader.read(
          req,
          declared,
          services.maxBodyBytes(),
          this,
          body ->
              pipeline.run(
                  body, upstreamHeaders(), req.getHeader("x-headroom-session-id"), this::send));
    }
  }

  /**
   * 429 in the provider's error shape with {@code retry-after}, once the body (never read) has been
   * drained, so the connection stays usable; at once, closing the connection, to a client that
   * waits for {@code 100 Continue} before sending it.
   */
  private void refuse(Refusal refusal) {
    ctx.decision = "rate_limited";
    ctx.failure = "limit_" + refusal.limit();
    String expect = req.getHeader("expect");
    if (expect != null && expect.strip().equalsIgnoreCase("100-continue")) {
      // The client waits for a go-ahead before sending its body: it gets the answer instead, and
      // the connection, whose body never came, is closed after it.
      resp.putHeader("connection", "close");
      answerRefusal(refusal);
      return;
    }
    req.handler(ignored -> {});
    req.exceptionHandler(ignored -> {});
    req.endHandler(v -> answerRefusal(refusal));
    req.resume();
  }

  private void answerRefusal(Refusal refusal) {
    if (finished) {
      return;
    }
    ctx.status = 429;
    resp.setStatusCode(429);
    resp.headers()
        .set("content-type", "application/json")
        .set("retry-after", Long.toString(refusal.retryAfterSeconds()))
        .set("x-headroom-limit", refusal.limit());
    ctx.stamp(resp.headers());
    Buffer body =
        ErrorBodies.of(
            ctx.provider, 429, rateLimitType(ctx.provider), refusal.message(), ctx.requestId);
    ctx.bytesOut = body.length();
    resp.end(body);
    finish();
  }

  /** The error type each provider's own 429 carries, so SDKs map it as they map theirs. */
  private static String rateLimitType(Provider provider) {
    return switch (provider) {
      case ANTHROPIC -> "rate_limit_error";
      case BEDROCK -> "ThrottlingException";
      case GEMINI, VERTEX -> "RATE_LIMIT_EXCEEDED";
      default -> "rate_limit_exceeded";
    };
  }

  /** Nothing can change the body: it is piped upstream as it arrives. */
  private void streamThrough(String length) {
    MultiMap headers = upstreamHeaders();
    if (!ctx.bypass && ctx.route.carriesPayload() && wantsResponseStages()) {
      PipelineRequest bare =
          pipeline.request(new byte[0], 0, ForwardHeaders.singleValued(headers), "");
      stages.sent(bare, PipelineResult.unchanged(bare));
    }
    upstream
        .pipe(headers, length)
        .onComplete(
            answered -> {
              if (answered.succeeded()) {
                relay.relay(answered.result());
              } else if (!finished) {
                resp.putHeader("connection", "close");
                failed(ProxyFailure.upstream(answered.cause()));
              }
            });
  }

  private void send(PipelineStep.Prepared prepared) {
    boolean framed =
        req.headers().contains("content-length") || req.headers().contains("transfer-encoding");
    upstream
        .send(prepared.headers(), prepared.body(), framed)
        .onComplete(
            answered -> {
              if (answered.failed()) {
                failed(ProxyFailure.upstream(answered.cause()));
              } else {
                respond(answered.result(), prepared);
              }
            });
  }

  private void respond(HttpClientResponse up, PipelineStep.Prepared sent) {
    Optional<ProviderApi> api = ctx.route.api();
    if (!sent.rewritten()
        || api.isEmpty()
        || !RetrieveTools.supports(api.get())
        || services.retrievals().isEmpty()) {
      relay.relay(up);
      return;
    }
    services
        .retrievals()
        .get()
        .answer(up, api.get(), sent.body(), ctx.scope, ctx.requestId, upstream::again)
        .onComplete(
            answer -> {
              if (answer.succeeded()) {
                relay.answer(answer.result());
              } else {
                failed(ProxyFailure.upstream(answer.cause()));
              }
            });
  }

  @Override
  public boolean finished() {
    return finished;
  }

  @Override
  public void responding(boolean stream) {
    stages.postSend(ctx.upstreamStatus, stream);
  }

  @Override
  public void completed() {
    if (!finished) {
      finish();
    }
  }

  @Override
  public void failed(ProxyFailure failure) {
    if (finished) {
      return;
    }
    // Over from here on: what the steps below set off — the reset upstream request failing its
    // callback, a close noticed while the error body is written — comes back here and finds it
    // finished. (Resetting the upstream for a client that left once reported the exchange twice,
    // the second time as a 502 from the upstream.)
    finished = true;
    ctx.failure = failure.label;
    if (!failure.upstreamKind.isEmpty()) {
      services.metrics().upstreamError(ctx.route.label(), failure.upstreamKind);
    }
    if (failure == ProxyFailure.CLIENT_CLOSED) {
      ctx.status = ctx.status == 0 ? failure.status : ctx.status;
      upstream.reset();
      finish();
    } else if (resp.headWritten()) {
      // A response already under way is cut: no fake terminator, the client sees it truncated.
      resp.reset();
      finish();
    } else if (failure.errorType.isEmpty()) {
      ctx.status = failure.status;
      finish();
    } else {
      if (failure == ProxyFailure.BODY_TOO_LARGE) {
        resp.putHeader("connection", "close");
      }
      respondError(failure);
    }
  }

  private void respondError(ProxyFailure failure) {
    ctx.status = failure.status;
    ctx.decision = "error";
    resp.setStatusCode(failure.status);
    resp.headers().set("content-type", "application/json");
    ctx.stamp(resp.headers());
    Buffer body =
        ErrorBodies.of(
            ctx.provider,
            failure.status,
            failure.errorType,
            failure.message(services.maxBodyBytes()),
            ctx.requestId);
    ctx.bytesOut = body.length();
    resp.end(body);
    finish();
  }

  private void finish() {
    finished = true;
    upstream.stop();
    try {
      report();
    } catch (RuntimeException failure) {
      // The client has its answer; a fault in the accounting must not surface as Vert.x's
      // "unhandled exception" on the event loop, nor lose the access-log line.
      LOG.log(
          Level.WARNING,
          "request " + ctx.requestId + ": accounting failed (" + failure.getClass().getName() + ")",
          failure);
    }
  }

  /** The metrics, the access-log line and the response stages of the finished exchange. */
  private void report() {
    Optional<StreamSummary> summary = relay.summary();
    if (relay.streaming()) {
      services.metrics().streams(-1);
    }
    ctx.usage =
        summary
            .map(StreamSummary::usage)
            .orElseGet(() -> relay.copy().map(Exchange::usageOf).orElse(Map.of()));
    Usage.Tokens billed =
        ctx.route.api().map(api -> Usage.tokens(api, ctx.usage)).orElse(NOTHING_BILLED);
    services.metrics().providerUsage(ctx.route.label(), billed);
    if (services.limits().active() && ctx.route.api().isPresent()) {
      services.limits().charge(ctx.scope, billed.prompt(), billed.output());
    }
    // The request's model when its body or path named it; else the one its response names (read
    // here, after the client has its answer, rather than parsing a body the rewrite skipped).
    String model =
        !ctx.model.isEmpty()
            ? ctx.model
            : summary
                .map(StreamSummary::model)
                .orElseGet(
                    () ->
                        relay.copy().map(body -> ModelNames.fromBody(body.getBytes())).orElse(""));
    services
        .tracing()
        .tracer()
        .ifPresent(
            tracer -> ExchangeTrace.emit(tracer, ctx, req.headers(), req.path(), model, billed));
    services
        .ledger()
        .record(
            new Sample(
                ctx.route.label(),
                model,
                ctx.scope,
                ctx.tokensBefore,
                ctx.tokensAfter,
                ctx.replayedTokensSaved,
                billed.prompt(),
                billed.output(),
                billed.cacheRead(),
                billed.cacheWrite()));
    services
        .metrics()
        .request(
            ctx.route.label(),
            ctx.status,
            ctx.bytesIn,
            ctx.bytesOut,
            ctx.overheadNanos(),
            ctx.upstreamNanos());
    ctx.log();
    stages.responseReceived(
        ctx.upstreamStatus, ctx.failure.isEmpty(), summary.orElse(null), relay.copy().orElse(null));
  }

  private MultiMap upstreamHeaders() {
    String ip = req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
    return ForwardHeaders.upstream(req.headers(), ip, ctx.requestId);
  }

  private boolean wantsResponseStages() {
    return services.responses().wants(POST_SEND) || services.responses().wants(RESPONSE_RECEIVED);
  }

  /** The usage of a JSON response, or none when it is not one. */
  private static Map<String, Long> usageOf(Buffer body) {
    return Usage.of(body.getBytes());
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException bad) {
      return -1;
    }
  }
}
