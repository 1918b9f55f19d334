package dev.headroom.proxy.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.proxy.internal.ops.Health;
import dev.headroom.proxy.internal.ops.ProxyMetrics;
import dev.headroom.proxy.internal.stats.Ledger;
import dev.headroom.proxy.internal.wire.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * The operational routes on a port of their own ({@code --admin-port}), bound to loopback: {@code
 * /healthz}, {@code /healthz/upstream}, {@code /metrics}, {@code /stats}, {@code /dashboard}. On
 * loopback no access token is asked for: only the machine itself can reach it.
 */
@API(status = INTERNAL, since = "0.1")
public final class AdminVerticle extends VerticleBase {

  private final ServerSettings options;
  private final ProxyMetrics metrics;
  private final Ledger ledger;
  private final int port;
  private HttpServer server;
  private HttpClient client;
  private Health health;

  /**
   * @param options the traffic listener's settings (its upstreams, for the health check)
   * @param metrics the proxy's metrics
   * @param ledger where savings are booked, and {@code /stats} read
   * @param port the port to bind on 127.0.0.1 ({@code 0}: any free one)
   */
  public AdminVerticle(ServerSettings options, ProxyMetrics metrics, Ledger ledger, int port) {
    this.options = options;
    this.metrics = metrics;
    this.ledger = ledger;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(
                    (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis())));
    health = new Health(client, ProxyVerticle.healthOrigins(options));
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port));
    server.requestHandler(this::dispatch);
    return server.listen();
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
        .eventually(() -> client.close());
  }

  private void dispatch(HttpServerRequest request) {
    String requestId = RequestIds.of(request.headers());
    request.response().putHeader("x-request-id", requestId);
    if (request.method() == HttpMethod.GET
        && ProxyVerticle.serveOperations(request, health, metrics, ledger)) {
      return;
    }
    ProxyVerticle.notFound(
        request,
        "The admin port serves GET /healthz, /healthz/upstream, /metrics, /stats and /dashboard.");
  }
}
