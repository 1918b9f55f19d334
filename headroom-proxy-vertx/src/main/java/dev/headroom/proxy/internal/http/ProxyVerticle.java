package dev.headroom.proxy.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.pipeline.Provider;
import dev.headroom.pipeline.RequestPipeline;
import dev.headroom.pipeline.ResponseStages;
import dev.headroom.pipeline.Route;
import dev.headroom.proxy.internal.bedrock.BedrockSigning;
import dev.headroom.proxy.internal.compressapi.CompressEndpoint;
import dev.headroom.proxy.internal.limits.RequestLimits;
import dev.headroom.proxy.internal.ops.Health;
import dev.headroom.proxy.internal.ops.ProxyMetrics;
import dev.headroom.proxy.internal.ops.Tracing;
import dev.headroom.proxy.internal.retrieval.RetrievalEndpoint;
import dev.headroom.proxy.internal.retrieval.RetrievalLoop;
import dev.headroom.proxy.internal.stats.Dashboard;
import dev.headroom.proxy.internal.stats.Ledger;
import dev.headroom.proxy.internal.websocket.WebSocketRelay;
import dev.headroom.proxy.internal.wire.AccessToken;
import dev.headroom.proxy.internal.wire.ErrorBodies;
import dev.headroom.proxy.internal.wire.RequestIds;
import dev.headroom.proxy.internal.wire.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * One event loop's share of the proxy: an HTTP server on the shared port, its own upstream clients,
 * and the dispatch between operational routes, WebSocket upgrades and forwarding.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProxyVerticle extends VerticleBase {

  /**
   * The largest body piece Netty's HTTP decoder hands over (its default is 8 KiB). A socket read
   * brings up to 64 KiB, so with the default a 1 MB body crossed the proxy as 128 pieces, each its
   * own write and flush upstream; at 64 KiB it is 16, and the added latency of a 1 MB pass-through
   * fell from about 900 to about 300 µs (100 KB: 160 to 110 µs; docs/benchmarks.md).
   */
  static final int MAX_CHUNK_BYTES = 64 * 1024;

  /**
   * The operational routes that move to the admin port with {@code --admin-port} ({@code /healthz}
   * stays on both).
   */
  static final Set<String> ADMIN_ROUTES =
      Set.of("/metrics", "/healthz/upstream", "/stats", "/dashboard");

  /**
   * What every listener shares.
   *
   * @param pipeline the request stages and the rewrite
   * @param metrics the proxy's metrics
   * @param ledger where savings are booked, and {@code /stats} read
   * @param limits the per-credential limits
   * @param tracing the tracer of the exchanges' spans
   * @param retrieval the endpoint that returns stored originals
   * @param retrievals the loop that answers the model's retrieval calls, when compression is on
   * @param compress the {@code POST /v1/compress} endpoint
   * @param nonBlocking whether the request pipeline never blocks: no extensions (whose code may)
   *     and every store in this process (no Redis round trip); then a small body is run on the
   *     event loop itself instead of a worker
   * @param bedrock what happens to SigV4-signed Bedrock requests
   */
  @API(status = INTERNAL, since = "0.1")
  public record Shared(
      RequestPipeline pipeline,
      ProxyMetrics metrics,
      Ledger ledger,
      RequestLimits limits,
      Tracing tracing,
      RetrievalEndpoint retrieval,
      Optional<RetrievalLoop> retrievals,
      CompressEndpoint compress,
      boolean nonBlocking,
      BedrockSigning bedrock) {}

  private final ServerSettings options;
  private final Shared shared;
  private HttpServer server;
  private HttpClient client;
  private WebSocketClient webSocketClient;
  private ProxyServices services;
  private WebSocketRelay relay;
  private Health health;

  /**
   * @param options what to bind and where to forward
   * @param shared what every listener shares
   */
  public ProxyVerticle(ServerSettings options, Shared shared) {
    this.options = options;
    this.shared = shared;
  }

  @Override
  public Future<?> start() {
    int connectMillis = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
    int messageLimit = (int) Math.min(Integer.MAX_VALUE - 8, options.maxBodyBytes());
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setKeepAlive(true)
                .setDecompressionSupported(false)
                .setConnectTimeout(connectMillis)
                .setMaxHeaderSize(64 * 1024)
                .setTcpNoDelay(true)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxChunkSize(MAX_CHUNK_BYTES),
            new PoolOptions().setHttp1MaxSize(512));
    webSocketClient =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setConnectTimeout(connectMillis)
                .setMaxFrameSize(messageLimit)
                .setMaxMessageSize(messageLimit)
                .setVerifyHost(true));
    Upstreams upstreams = new Upstreams(options.upstreams(), options.connectTimeout().toMillis());
    RequestPipeline pipeline = shared.pipeline();
    services =
        new ProxyServices(
            vertx,
            client,
            upstreams,
            pipeline,
            ResponseStages.of(pipeline.extensions()),
            shared.metrics(),
            shared.ledger(),
            shared.limits(),
            shared.tracing(),
            options.maxBodyBytes(),
            options.requestTimeout().toMillis(),
            shared.retrievals(),
            shared.nonBlocking(),
            shared.bedrock());
    relay =
        new WebSocketRelay(
            vertx,
            webSocketClient,
            upstreams,
            pipeline,
            services.responses(),
            shared.metrics(),
            shared.ledger());
    health = new Health(client, healthOrigins(options));
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                .setCompressionSupported(false)
                .setDecompressionSupported(false)
                .setMaxHeaderSize(64 * 1024)
                .setTcpNoDelay(true)
                .setMaxChunkSize(MAX_CHUNK_BYTES)
                .setMaxWebSocketFrameSize(messageLimit)
                .setMaxWebSocketMessageSize(messageLimit));
    server.requestHandler(this::dispatch);
    return server.listen();
  }

  /**
   * @param options the listener's settings
   * @return the upstreams {@code /healthz/upstream} checks: OpenAI, Anthropic, and Azure when one
   *     is configured (a gateway used for OpenAI alone need not reach Google or AWS)
   */
  static Map<String, URI> healthOrigins(ServerSettings options) {
    Map<String, URI> origins = new LinkedHashMap<>();
    origins.put("openai", options.upstreams().openai());
    origins.put("anthropic", options.upstreams().anthropic());
    options.upstreams().azure().ifPresent(azure -> origins.put("azure_openai", azure));
    return origins;
  }

  /**
   * @return the bound port
   */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return server
        .shutdown(options.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .eventually(() -> client.close())
        .eventually(() -> webSocketClient.close());
  }

  private void dispatch(HttpServerRequest request) {
    if (!AccessToken.open(request.path())
        && !options.access().admits(request.headers(), request.path())) {
      refuse(request);
      return;
    }
    if (request.method() == HttpMethod.GET) {
      String path = request.path();
      if (path.equals("/healthz") || ADMIN_ROUTES.contains(path)) {
        request.response().putHeader("x-request-id", RequestIds.of(request.headers()));
      }
      if (options.adminElsewhere() && ADMIN_ROUTES.contains(path)) {
        // Served on the admin port only: the traffic port does not show them.
        notFound(request, "This route is served on the admin port (--admin-port).");
        return;
      }
      if (serveOperations(request, health, shared.metrics(), shared.ledger())) {
        return;
      }
      if (path.startsWith(RetrievalEndpoint.PREFIX)) {
        shared.retrieval().handle(request);
        return;
      }
    }
    if (request.method() == HttpMethod.POST && request.path().equals(CompressEndpoint.PATH)) {
      shared.compress().handle(request);
      return;
    }
    if (request.canUpgradeToWebSocket()) {
      relay.handle(request);
    } else {
      new Exchange(services, request).start();
    }
  }

  /**
   * Answers a {@code GET} of an operational route — {@code /healthz}, {@code /healthz/upstream},
   * {@code /metrics}, {@code /stats}, {@code /dashboard} — on the traffic port or the admin port
   * alike.
   *
   * @return whether the request was one
   */
  static boolean serveOperations(
      HttpServerRequest request, Health health, ProxyMetrics metrics, Ledger ledger) {
    switch (request.path()) {
      case "/stats" ->
          ledger
              .stats()
              .onComplete(
                  json -> {
                    if (json.succeeded()) {
                      request
                          .response()
                          .putHeader("content-type", "application/json")
                          .putHeader("cache-control", "no-store")
                          .end(Buffer.buffer(json.result()));
                    } else {
                      request.response().setStatusCode(500).end();
                    }
                  });
      case "/dashboard" ->
          request
              .response()
              .putHeader("content-type", "text/html; charset=utf-8")
              .putHeader("cache-control", "no-store")
              .putHeader(
                  "content-security-policy",
                  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline';"
                      + " connect-src 'self'; img-src data:")
              .end(Dashboard.page());
      case "/healthz" -> health.live(request.response());
      case "/healthz/upstream" -> health.upstream(request.response());
      case "/metrics" ->
          request
              .response()
              .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
              .end(metrics.scrape());
      default -> {
        return false;
      }
    }
    return true;
  }

  /** A 404 with a JSON body saying why. */
  static void notFound(HttpServerRequest request, String message) {
    request
        .response()
        .setStatusCode(404)
        .putHeader("content-type", "application/json")
        .end(
            ErrorBodies.of(
                Provider.OPENAI, 404, "not_found", message, RequestIds.of(request.headers())));
  }

  /** 401 in the shape of the provider the request is for, without reading its body. */
  private void refuse(HttpServerRequest request) {
    long started = System.nanoTime();
    String path = request.path();
    Route route = Route.of(request.method().name(), path);
    Provider provider = Upstreams.providerOf(route, path, request.headers());
    String requestId = RequestIds.of(request.headers());
    Buffer body =
        ErrorBodies.of(
            provider,
            401,
            "authentication_error",
            "This gateway requires its access token in the x-headroom-token header.",
            requestId);
    request
        .response()
        .setStatusCode(401)
        .putHeader("content-type", "application/json")
        .putHeader("www-authenticate", "Bearer realm=\"headroom\"")
        .putHeader("x-request-id", requestId)
        .putHeader("connection", "close")
        .end(body);
    shared.metrics().request(route.label(), 401, 0, body.length(), System.nanoTime() - started, 0);
  }
}
