package dev.headroom.proxy.internal.websocket;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.ProtectedTools;
import dev.headroom.pipeline.MetadataKeys;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.Provider;
import dev.headroom.pipeline.RequestPipeline;
import dev.headroom.pipeline.ResponseStages;
import dev.headroom.pipeline.Route;
import dev.headroom.pipeline.Transport;
import dev.headroom.proxy.internal.ops.ProxyMetrics;
import dev.headroom.proxy.internal.stats.Ledger;
import dev.headroom.proxy.internal.wire.ErrorBodies;
import dev.headroom.proxy.internal.wire.ForwardHeaders;
import dev.headroom.proxy.internal.wire.RequestIds;
import dev.headroom.proxy.internal.wire.Scopes;
import dev.headroom.proxy.internal.wire.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Relays a WebSocket session message by message: the upstream is connected first (so its refusal
 * reaches the client as an HTTP status), then the client is accepted. Text messages on {@code
 * /v1/responses} that are {@code response.create} frames go through the request pipeline, unless
 * the handshake asked for bypass; everything else crosses unchanged and in order.
 */
@API(status = INTERNAL, since = "0.1")
public final class WebSocketRelay {

  private static final Logger LOG = System.getLogger(WebSocketRelay.class.getName());

  private final Vertx vertx;
  private final WebSocketClient client;
  private final Upstreams upstreams;
  private final RequestPipeline pipeline;
  private final ProxyMetrics metrics;
  private final Ledger ledger;
  private final ResponseStages responseStages;

  /**
   * @param vertx runs the pipeline on workers
   * @param client the event loop's WebSocket client
   * @param upstreams where each provider's traffic goes
   * @param pipeline the request stages and the rewrite
   * @param responseStages the response stages
   * @param metrics the proxy's metrics
   * @param ledger where each frame's savings are booked
   */
  public WebSocketRelay(
      Vertx vertx,
      WebSocketClient client,
      Upstreams upstreams,
      RequestPipeline pipeline,
      ResponseStages responseStages,
      ProxyMetrics metrics,
      Ledger ledger) {
    this.vertx = vertx;
    this.ledger = ledger;
    this.client = client;
    this.upstreams = upstreams;
    this.pipeline = pipeline;
    this.metrics = metrics;
    this.responseStages = responseStages;
  }

  /**
   * Relays one upgrade request's session.
   *
   * @param req the client's upgrade request
   */
  public void handle(HttpServerRequest req) {
    String requestId = RequestIds.of(req.headers());
    Provider provider = Upstreams.providerOf(req.path(), req.headers());
    boolean bypass = ForwardHeaders.bypass(req.headers());
    boolean inspect = !bypass && pipeline.active() && req.path().equals("/v1/responses");
    ProtectedTools protectedTools = ForwardHeaders.protectedTools(req.headers());
    MultiMap headers =
        ForwardHeaders.upstream(
            req.headers(),
            req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress(),
            requestId);
    for (String name : new ArrayList<>(headers.names())) {
      if (name.toLowerCase(Locale.ROOT).startsWith("sec-websocket-")) {
        headers.remove(name);
      }
    }
    if (upstreams.base(provider, req.uri()).isEmpty()) {
      rejectClient(req, provider, requestId, new IllegalStateException("no upstream configured"));
      return;
    }
    WebSocketConnectOptions options = upstreams.webSocket(provider, req.uri(), headers);
    String protocols = req.getHeader("sec-websocket-protocol");
    if (protocols != null) {
      for (String protocol : protocols.split(",")) {
        options.addSubProtocol(protocol.strip());
      }
    }
    req.pause();
    client
        .connect(options)
        .onComplete(
            connected -> {
              if (connected.failed()) {
                rejectClient(req, provider, requestId, connected.cause());
                return;
              }
              WebSocket up = connected.result();
              req.resume();
              req.toWebSocket()
                  .onComplete(
                      accepted -> {
                        if (accepted.failed()) {
                          up.close();
                          return;
                        }
                        metrics.webSockets(1);
                        LOG.log(
                            Level.INFO,
                            "event=websocket request_id="
                                + requestId
                                + " provider="
                                + provider.wireName()
                                + " decision="
                                + (bypass ? "bypass" : "forwarded"));
                        pump(
                            accepted.result(),
                            up,
                            requestId,
                            provider,
                            ForwardHeaders.singleValued(headers),
                            protectedTools,
                            inspect);
                      });
            });
  }

  private void pump(
      ServerWebSocket down,
      WebSocket up,
      String requestId,
      Provider provider,
      Map<String, String> headers,
      ProtectedTools protectedTools,
      boolean inspect) {
    Future<?>[] tail = {Future.succeededFuture()};
    String scope = Scopes.of(headers); // one owner for the whole session
    WebSocketFrames frames =
        new WebSocketFrames(vertx, responseStages, metrics, ledger, requestId, provider, scope);
    down.textMessageHandler(
        text ->
            tail[0] =
                tail[0].transform(
                    v -> {
                      if (!inspect || !isResponseCreate(text)) {
                        return up.writeTextMessage(text);
                      }
                      WebSocketFrames.Frame frame = frames.open();
                      return rewrite(text, frame, frames, provider, headers, scope, protectedTools)
                          .compose(
                              sent ->
                                  up.writeTextMessage(sent)
                                      .onSuccess(written -> frames.sent(frame)));
                    }));
    down.binaryMessageHandler(
        binary -> tail[0] = tail[0].transform(v -> up.writeBinaryMessage(binary)));
    up.textMessageHandler(
        text -> {
          down.writeTextMessage(text);
          if (inspect) {
            frames.upstream(text);
          }
          throttle(up, down);
        });
    up.binaryMessageHandler(
        binary -> {
          down.writeBinaryMessage(binary);
          throttle(up, down);
        });
    boolean[] closed = {false};
    Runnable ended =
        () -> {
          if (!closed[0]) {
            closed[0] = true;
            frames.closed();
            metrics.webSockets(-1);
          }
        };
    down.closeHandler(
        v -> {
          closeWith(up, down);
          ended.run();
        });
    up.closeHandler(
        v -> {
          closeWith(down, up);
          ended.run();
        });
    down.exceptionHandler(failure -> up.close());
    up.exceptionHandler(failure -> down.close());
  }

  /** Pauses a fast upstream while the client's write queue is full. */
  private static void throttle(WebSocket up, ServerWebSocket down) {
    if (down.writeQueueFull()) {
      up.pause();
      down.drainHandler(v -> up.resume());
    }
  }

  private Future<String> rewrite(
      String text,
      WebSocketFrames.Frame frame,
      WebSocketFrames frames,
      Provider provider,
      Map<String, String> headers,
      String scope,
      ProtectedTools protectedTools) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    PipelineRequest request =
        PipelineRequest.builder(frame.requestId, "proxy.websocket", Route.RESPONSES, bytes)
            .provider(provider)
            .transport(Transport.WEBSOCKET)
            .headers(headers)
            .scope(scope)
            .protectedTools(protectedTools)
            .metadata(MetadataKeys.FRAME_INDEX, frame.index)
            .build();
    frame.request = request;
    return vertx
        .executeBlocking(() -> pipeline.run(request), false)
        .map(
            result -> {
              frames.rewritten(frame, result);
              return result.bodyChanged(request)
                  ? new String(result.body(), StandardCharsets.UTF_8)
                  : text;
            })
        .otherwise(text);
  }

  private static boolean isResponseCreate(String text) {
    // Cheap pre-check; the pipeline parses properly. Frames are small JSON objects.
    int type = text.indexOf("\"type\"");
    return type >= 0 && text.indexOf("response.create", type) > 0;
  }

  private static void closeWith(WebSocketBase target, WebSocketBase source) {
    if (target.isClosed()) {
      return;
    }
    Short code = source.closeStatusCode();
    if (code == null || code == 1005 || code == 1006 || code == 1015) {
      target.close();
    } else {
      target.close(code, source.closeReason());
    }
  }

  private static void rejectClient(
      HttpServerRequest req, Provider provider, String requestId, Throwable cause) {
    req.resume();
    if (cause instanceof UpgradeRejectedException rejected) {
      req.response().setStatusCode(rejected.getStatus());
      Buffer body = rejected.getBody() == null ? Buffer.buffer() : rejected.getBody();
      req.response().headers().set("x-request-id", requestId);
      req.response().end(body);
      return;
    }
    req.response()
        .setStatusCode(502)
        .putHeader("content-type", "application/json")
        .putHeader("x-request-id", requestId)
        .end(
            ErrorBodies.of(
                provider,
                "upstream_unavailable",
                "The upstream refused the WebSocket connection.",
                requestId));
  }
}
