package dev.headroom.proxy.internal.http;

import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;

import dev.headroom.proxy.internal.pipeline.Inbound;
import dev.headroom.proxy.internal.pipeline.Outbound;
import dev.headroom.proxy.internal.pipeline.Scopes;
import dev.headroom.proxy.internal.sse.StreamSummary;
import dev.headroom.proxy.internal.sse.StreamTap;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One HTTP exchange, driven by its event loop: read the body (bounded), run the pipeline unless
 * bypassed, call the upstream, relay its response byte for byte, and account for it once. A
 * response to a request that carries the retrieval tool goes through {@link RetrievalRelay} first.
 */
final class Exchange {

  private static final Logger LOG = System.getLogger(Exchange.class.getName());
  private static final int RESPONSE_COPY_CAP = 16 << 20;
  private static final String SESSION = "x-headroom-session-id";
  private static final long PRESIZE_CAP = 8L << 20;

  private final Forwarder f;
  private final HttpServerRequest req;
  private final HttpServerResponse resp;
  private final RequestContext ctx;
  private HttpClientRequest upstream;
  private long timer = -1;
  private boolean finished;
  private StreamTap tap;

  /** The SSE response being relayed (a tap, or streamed retrievals), or {@code null}. */
  private Supplier<StreamSummary> stream;

  private Buffer responseCopy;

  /** The pipeline changed the body, so it may carry the retrieval tool. */
  private boolean rewritten;

  private final ExchangeStages stages;

  Exchange(Forwarder forwarder, HttpServerRequest request) {
    this.f = forwarder;
    this.req = request;
    this.resp = request.response();
    String path = request.path();
    this.ctx =
        new RequestContext(
            Forwarder.requestId(request.headers()),
            Route.of(request.method(), path),
            Provider.of(path, request.headers()),
            ForwardHeaders.bypass(request.headers()),
            request.method().name());
    if (ctx.bypass) {
      ctx.decision = "bypass";
    }
    this.stages = new ExchangeStages(forwarder, ctx);
  }

  void start() {
    resp.closeHandler(v -> clientGone());
    String length = req.getHeader("content-length");
    long declared = length == null ? -1 : parseLength(length);
    if (declared > f.maxBodyBytes) {
      tooLarge();
      return;
    }
    String expect = req.getHeader("expect");
    if (expect != null && expect.strip().equalsIgnoreCase("100-continue")) {
      // The proxy reads the body itself, so it tells the client to send it; the upstream gets no
      // Expect.
      resp.writeContinue();
    }
    if (ctx.bypass || !ctx.route.carriesPayload() || !f.pipeline.active()) {
      streamThrough(length);
      return;
    }
    // Sized from Content-Length so a large body is not copied at every growth; a lying header costs
    // at most PRESIZE_CAP bytes up front.
    Buffer body =
        declared > 0 ? Buffer.buffer((int) Math.min(declared, PRESIZE_CAP)) : Buffer.buffer();
    req.handler(
        chunk -> {
          if (finished) {
            return;
          }
          if ((long) body.length() + chunk.length() > f.maxBodyBytes) {
            tooLarge();
          } else {
            body.appendBuffer(chunk);
          }
        });
    req.exceptionHandler(
        failure -> {
          if (!finished) {
            ctx.failure = "client_request_error";
            ctx.status = 499;
            finish();
          }
        });
    req.endHandler(
        v -> {
          if (!finished) {
            prepare(body);
          }
        });
  }

  /**
   * Nothing can change the body: it is piped to the upstream as it arrives (no buffering), with the
   * client's framing (length or chunked), and the size limit enforced on the way.
   */
  private void streamThrough(String length) {
    req.pause();
    MultiMap headers = ForwardHeaders.upstream(req.headers(), clientIp(), ctx.requestId);
    boolean chunked = length == null && req.headers().contains("transfer-encoding");
    if (length != null) {
      headers.set("content-length", length.strip());
    }
    ctx.sendNanos = System.nanoTime();
    timer = f.vertx.setTimer(f.requestTimeoutMillis, id -> timedOut());
    f.client
        .request(f.upstreams.http(ctx.provider, req.method(), req.uri(), headers))
        .onComplete(
            connected -> {
              if (connected.failed()) {
                resp.putHeader("connection", "close");
                upstreamFailed(connected.cause());
                return;
              }
              HttpClientRequest request = connected.result();
              upstream = request;
              if (finished) {
                request.reset();
                return;
              }
              request.setChunked(chunked);
              request
                  .response()
                  .onComplete(
                      answered -> {
                        if (answered.succeeded()) {
                          relay(answered.result());
                        } else {
                          upstreamFailed(answered.cause());
                        }
                      });
              req.handler(
                  chunk -> {
                    if (finished) {
                      return;
                    }
                    ctx.bytesIn += chunk.length();
                    if (ctx.bytesIn > f.maxBodyBytes) {
                      tooLarge();
                      request.reset();
                      return;
                    }
                    request.write(chunk);
                    if (request.writeQueueFull()) {
                      req.pause();
                      request.drainHandler(v -> req.resume());
                    }
                  });
              req.exceptionHandler(
                  failure -> {
                    if (!finished) {
                      ctx.failure = "client_request_error";
                      ctx.status = 499;
                      finish();
                      request.reset();
                    }
                  });
              req.endHandler(
                  v -> {
                    if (!finished) {
                      request.end();
                    }
                  });
              req.resume();
            });
  }

  private void prepare(Buffer body) {
    ctx.bytesIn = body.length();
    MultiMap headers = ForwardHeaders.upstream(req.headers(), clientIp(), ctx.requestId);
    String encoding = headers.get("content-encoding");
    if (ctx.bypass
        || !ctx.route.carriesPayload()
        || !f.pipeline.worthRunning(body.length(), encoding != null)) {
      send(headers, body);
      return;
    }
    Map<String, String> before = Forwarder.singleValued(headers);
    // The session id is a control header (never forwarded) that names the conversation for the
    // retrieval tool.
    String session = req.getHeader(SESSION);
    Map<String, String> seen = before;
    if (session != null) {
      seen = new LinkedHashMap<>(before);
      seen.put(SESSION, session.strip());
    }
    ctx.scope = Scopes.of(seen);
    Inbound in =
        new Inbound(
            ctx.requestId,
            "proxy.request",
            ctx.route.label(),
            ctx.provider.wireName(),
            body.getBytes(),
            encoding == null ? "" : encoding,
            seen,
            ctx.scope);
    f.vertx
        .executeBlocking(() -> f.pipeline.run(in), false)
        .onComplete(
            done -> {
              if (finished) {
                return;
              }
              Outbound out = done.succeeded() ? done.result() : Outbound.unchanged();
              if (done.failed()) {
                LOG.log(
                    Level.WARNING,
                    "request "
                        + ctx.requestId
                        + ": pipeline failed ("
                        + done.cause().getClass().getName()
                        + "); forwarding the original body");
              }
              stages.model(out.model());
              Buffer toSend = body;
              if (out.body() != null) {
                toSend = Buffer.buffer(out.body());
                headers.remove("content-encoding");
                ctx.decision = "rewritten";
                rewritten = true;
              }
              if (!out.blocks().isEmpty()) {
                ctx.blocks = AccessLog.blocks(out.blocks());
                f.metrics.liveZone(out.blocks(), out.compressNanos());
              }
              if (out.tokensBefore() > 0) {
                ctx.tokensBefore = out.tokensBefore();
                ctx.tokensAfter = out.tokensAfter();
                ctx.decision = "compressed";
                f.metrics.compressed(out.tokensBefore(), out.tokensAfter());
              }
              if (out.headers() != null) {
                Map<String, String> after = new LinkedHashMap<>(out.headers());
                after.remove(SESSION);
                Forwarder.applyHeaderChanges(headers, before, after);
              }
              if (out.body() != null && f.retrievals != null) {
                headers.remove(
                    "accept-encoding"); // the retrieval loop reads the response: keep it plain JSON
              }
              send(headers, toSend);
            });
  }

  private void send(MultiMap headers, Buffer body) {
    ctx.sendNanos = System.nanoTime();
    timer = f.vertx.setTimer(f.requestTimeoutMillis, id -> timedOut());
    boolean hadBody =
        req.headers().contains("content-length") || req.headers().contains("transfer-encoding");
    f.client
        .request(f.upstreams.http(ctx.provider, req.method(), req.uri(), headers))
        .compose(
            request -> {
              upstream = request;
              if (finished) {
                request.reset();
                return Future.failedFuture("exchange already finished");
              }
              return hadBody || body.length() > 0 ? request.send(body) : request.send();
            })
        .onComplete(
            done -> {
              if (done.failed()) {
                upstreamFailed(done.cause());
              } else if (RetrievalRelay.applies(f, ctx, rewritten)) {
                new RetrievalRelay(this, f, req, ctx).relay(done.result(), headers, body);
              } else {
                relay(done.result());
              }
            });
  }

  boolean finished() {
    return finished;
  }

  /**
   * @param request the upstream request in flight now, reset on a timeout or when the client leaves
   */
  void upstream(HttpClientRequest request) {
    upstream = request;
  }

  /**
   * @param body a response body read whole, kept for {@code RESPONSE_RECEIVED} when wanted and not
   *     too large
   */
  void keepResponseCopy(Buffer body) {
    if (!ctx.bypass
        && f.responseStages.wants(RESPONSE_RECEIVED)
        && body.length() <= RESPONSE_COPY_CAP) {
      responseCopy = body;
    }
  }

  /**
   * An SSE response is being relayed: counted as an active stream until the exchange finishes, when
   * {@code summary} gives its usage.
   */
  void streaming(Supplier<StreamSummary> summary) {
    stream = summary;
    f.metrics.streams(1);
  }

  void head(HttpClientResponse up) {
    ctx.responseNanos = System.nanoTime();
    ctx.upstreamStatus = up.statusCode();
    ctx.status = up.statusCode();
    resp.setStatusCode(up.statusCode());
    if (up.statusMessage() != null) {
      resp.setStatusMessage(up.statusMessage());
    }
    ForwardHeaders.relayResponse(up.headers(), resp.headers());
    String upstreamId =
        up.getHeader("request-id") != null
            ? up.getHeader("request-id")
            : up.getHeader("x-request-id");
    if (upstreamId != null) {
      resp.headers().set("headroom-upstream-request-id", upstreamId);
    }
    stamp();
  }

  void relay(HttpClientResponse up) {
    if (finished) {
      up.request().reset();
      return;
    }
    head(up);
    boolean bodyless =
        req.method() == HttpMethod.HEAD || up.statusCode() == 204 || up.statusCode() == 304;
    if (!bodyless && !resp.headers().contains("content-length")) {
      resp.setChunked(true);
    }
    String type = up.getHeader("content-type");
    String mediaType = type == null ? "" : type.toLowerCase(Locale.ROOT);
    String dialect = Forwarder.dialect(ctx.route);
    if (mediaType.startsWith("text/event-stream") && dialect != null) {
      tap = StreamTap.of(dialect);
      streaming(tap::summary);
      resp.writeHead();
    } else if (mediaType.contains("json")
        && !ctx.bypass
        && f.responseStages.wants(RESPONSE_RECEIVED)) {
      responseCopy = Buffer.buffer();
    }
    postSend(tap != null);
    up.handler(
        chunk -> {
          ctx.bytesOut += chunk.length();
          resp.write(chunk);
          if (resp.writeQueueFull()) {
            up.pause();
            resp.drainHandler(v -> up.resume());
          }
          if (tap != null) {
            tap.accept(chunk.getBytes());
          } else if (responseCopy != null) {
            responseCopy =
                responseCopy.length() + chunk.length() > RESPONSE_COPY_CAP
                    ? null
                    : responseCopy.appendBuffer(chunk);
          }
        });
    up.exceptionHandler(
        failure -> {
          if (!finished) {
            // Cut the client's stream: no fake terminator, the client sees a truncated response.
            ctx.failure = "upstream_reset_mid_response";
            f.metrics.upstreamError(ctx.route.label(), "reset");
            resp.reset();
            finish();
          }
        });
    up.endHandler(
        v -> {
          if (!finished) {
            resp.end();
            finish();
          }
        });
  }

  void upstreamFailed(Throwable cause) {
    if (finished) {
      return;
    }
    boolean timeout =
        cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout");
    if (timeout) {
      fail(504, "timeout", "upstream_timeout", "The upstream did not answer in time.");
    } else {
      fail(502, "connect", "upstream_unavailable", "The upstream refused or reset the connection.");
    }
  }

  private void timedOut() {
    timer = -1;
    if (finished) {
      return;
    }
    HttpClientRequest pending = upstream;
    fail(504, "timeout", "upstream_timeout", "The upstream did not answer in time.");
    if (pending != null) {
      pending.reset(0, new TimeoutException("request timeout"));
    }
  }

  private void fail(int status, String kind, String type, String message) {
    f.metrics.upstreamError(ctx.route.label(), kind);
    ctx.failure = "upstream_" + kind;
    if (resp.headWritten()) {
      resp.reset();
      finish();
      return;
    }
    respondError(status, type, message);
  }

  private void tooLarge() {
    resp.putHeader("connection", "close");
    respondError(
        413,
        "request_too_large",
        "The request body exceeds the proxy's limit of " + f.maxBodyBytes + " bytes.");
    ctx.failure = "body_too_large";
  }

  private void respondError(int status, String type, String message) {
    ctx.status = status;
    ctx.decision = "error";
    resp.setStatusCode(status);
    resp.headers().set("content-type", "application/json");
    stamp();
    Buffer body = ErrorBodies.of(ctx.provider, type, message, ctx.requestId);
    ctx.bytesOut = body.length();
    resp.end(body);
    finish();
  }

  private void clientGone() {
    if (finished) {
      return;
    }
    ctx.failure = "client_closed";
    if (ctx.status == 0) {
      ctx.status = 499;
    }
    if (upstream != null) {
      upstream.reset();
    }
    finish();
  }

  private void stamp() {
    resp.headers().set("x-request-id", ctx.requestId);
    resp.headers().set("x-headroom-overhead-ms", Forwarder.millis(ctx.overheadNanos()));
    if (ctx.tokensBefore > 0) {
      resp.headers().set("x-headroom-tokens-before", Integer.toString(ctx.tokensBefore));
      resp.headers().set("x-headroom-tokens-after", Integer.toString(ctx.tokensAfter));
      resp.headers()
          .set("x-headroom-tokens-saved", Integer.toString(ctx.tokensBefore - ctx.tokensAfter));
    }
  }

  void finish() {
    finished = true;
    if (timer >= 0) {
      f.vertx.cancelTimer(timer);
      timer = -1;
    }
    StreamSummary summary = null;
    if (stream != null) {
      f.metrics.streams(-1);
      summary = stream.get();
      ctx.usage = summary.usage();
    }
    f.metrics.request(
        ctx.route.label(),
        ctx.status,
        ctx.bytesIn,
        ctx.bytesOut,
        ctx.overheadNanos(),
        ctx.upstreamNanos());
    AccessLog.log(ctx);
    stages.responseReceived(summary, responseCopy);
  }

  void postSend(boolean streaming) {
    stages.postSend(streaming);
  }

  private String clientIp() {
    return req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException bad) {
      return -1;
    }
  }
}
