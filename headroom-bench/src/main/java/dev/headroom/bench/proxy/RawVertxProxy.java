package dev.headroom.bench.proxy;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The floor Headroom's gateway is compared with: vertx-http-proxy's reverse proxy and nothing else,
 * one server per core like the gateway, default options. Deployed into a harness's Vert.x, or run
 * as its own process ({@link #main}: {@code --port 0 --openai-api-url URL}, other arguments
 * ignored; prints {@code listening on http://127.0.0.1:PORT} as the gateway does).
 */
public final class RawVertxProxy extends VerticleBase {

  private static volatile int bound;
  private final int upstreamPort;

  private RawVertxProxy(int upstreamPort) {
    this.upstreamPort = upstreamPort;
  }

  /**
   * @param vertx where to deploy it
   * @param upstreamPort the upstream on 127.0.0.1
   * @return the port it listens on
   */
  public static Future<Integer> deploy(Vertx vertx, int upstreamPort) {
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    return vertx
        .deployVerticle(
            () -> new RawVertxProxy(upstreamPort), new DeploymentOptions().setInstances(instances))
        .map(id -> bound);
  }

  /**
   * @return the command that runs it as its own process: this JVM's {@code java}, no flags, this
   *     class path
   */
  public static List<String> command() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        RawVertxProxy.class.getName());
  }

  public static void main(String[] args) {
    int upstream = -1;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--openai-api-url")) {
        upstream = URI.create(args[i + 1]).getPort();
      }
    }
    if (upstream < 0) {
      System.err.println("usage: RawVertxProxy --openai-api-url http://127.0.0.1:PORT");
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    deploy(vertx, upstream)
        .onSuccess(port -> System.out.println("listening on http://127.0.0.1:" + port))
        .onFailure(
            failure -> {
              failure.printStackTrace();
              System.exit(1);
            });
  }

  @Override
  public Future<?> start() {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(512));
    // Port -1: Vert.x shares one random port among the servers that ask for the same negative port.
    return vertx
        .createHttpServer(
            new HttpServerOptions().setHost("127.0.0.1").setPort(-1).setTcpNoDelay(true))
        .requestHandler(HttpProxy.reverseProxy(client).origin(upstreamPort, "127.0.0.1"))
        .listen()
        .onSuccess(server -> bound = server.actualPort());
  }
}
