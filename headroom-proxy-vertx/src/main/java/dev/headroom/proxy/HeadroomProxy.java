package dev.headroom.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.proxy.internal.ccr.CcrMetrics;
import dev.headroom.proxy.internal.ccr.CcrRequestRewriter;
import dev.headroom.proxy.internal.ccr.CcrStores;
import dev.headroom.proxy.internal.ccr.MeteredCcrStore;
import dev.headroom.proxy.internal.http.ProxyVerticle;
import dev.headroom.proxy.internal.http.Retrieval;
import dev.headroom.proxy.internal.http.ServerSettings;
import dev.headroom.proxy.internal.ops.ProxyMetrics;
import dev.headroom.proxy.internal.pipeline.ExtensionDiscovery;
import dev.headroom.proxy.internal.pipeline.LiveZoneRequestRewriter;
import dev.headroom.proxy.internal.pipeline.RequestPipeline;
import dev.headroom.proxy.internal.pipeline.RequestRewriter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The Headroom gateway, embeddable: create it on a {@link Vertx}, {@link #start()} it, and point an
 * OpenAI or Anthropic client at {@code http://host:port}. It serves on every event loop of that
 * Vert.x instance.
 *
 * <pre>{@code
 * HeadroomProxy proxy = HeadroomProxy.create(vertx, ProxyOptions.builder().port(0).build());
 * int port = proxy.start().await();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HeadroomProxy {

  private static final System.Logger LOG = System.getLogger(HeadroomProxy.class.getName());

  private final Vertx vertx;
  private final ProxyOptions options;
  private final RequestRewriter rewriter;
  private final Retrieval retrieval;
  private final CcrMetrics ccrMetrics;
  private final List<String> deployments = new ArrayList<>();
  private volatile int port = -1;
  private volatile ProxyMetrics metrics;

  private HeadroomProxy(
      Vertx vertx,
      ProxyOptions options,
      RequestRewriter rewriter,
      Retrieval retrieval,
      CcrMetrics ccrMetrics) {
    this.retrieval = retrieval;
    this.ccrMetrics = ccrMetrics;
    this.vertx = Objects.requireNonNull(vertx, "vertx must not be null");
    this.options = Objects.requireNonNull(options, "options must not be null");
    this.rewriter = rewriter;
  }

  /**
   * @param vertx the Vert.x instance to serve on; the caller owns and closes it
   * @param options the options
   * @return a proxy, not yet started
   */
  public static HeadroomProxy create(Vertx vertx, ProxyOptions options) {
    CcrMetrics ccrMetrics = new CcrMetrics();
    CcrStores.Opened opened =
        CcrStores.open(vertx, options.ccrStore(), options.ccrConversationTtl(), ccrMetrics);
    CcrStore ccrStore = new MeteredCcrStore(opened.store(), ccrMetrics);
    RequestRewriter rewriter =
        options.compression()
            ? new CcrRequestRewriter(
                new LiveZoneRequestRewriter(
                    Compressor.create(CompressOptions.defaults().withCcrStore(ccrStore)),
                    LiveZoneOptions.defaults().withRequestBudget(options.compressionBudget())),
                opened.conversations())
            : RequestRewriter.identity();
    return new HeadroomProxy(
        vertx,
        options,
        rewriter,
        new Retrieval(ccrStore, ccrMetrics, options.compression()),
        ccrMetrics);
  }

  /** Internal: the live-zone issue wires its rewriter here. */
  static HeadroomProxy create(Vertx vertx, ProxyOptions options, RequestRewriter rewriter) {
    return new HeadroomProxy(
        vertx,
        options,
        Objects.requireNonNull(rewriter, "rewriter must not be null"),
        new Retrieval(CcrStore.inMemory()),
        new CcrMetrics());
  }

  /**
   * Loads extensions (emitting {@code SETUP}), emits {@code PRE_START}, binds, emits {@code
   * POST_START}.
   *
   * @return the bound port, or a failed future (port in use, duplicate extension ids…)
   */
  public Future<Integer> start() {
    if (!deployments.isEmpty()) {
      return Future.failedFuture(
          new IllegalStateException("this proxy is already started; stop() it first"));
    }
    Future<PipelineExtensions> loaded =
        vertx.executeBlocking(
            () -> {
              PipelineExtensions extensions =
                  options
                      .extensions()
                      .orElseGet(
                          () -> ExtensionDiscovery.discover(options.extensionsDir().orElse(null)));
              try {
                rewriter.warmUp();
              } catch (RuntimeException | LinkageError failure) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "compression warm-up failed; the first requests may be forwarded uncompressed",
                    failure);
              }
              emit(extensions, PipelineStage.SETUP, Map.of());
              emit(
                  extensions,
                  PipelineStage.PRE_START,
                  Map.of("host", options.host(), "port", options.port()));
              return extensions;
            },
            false);
    return loaded.compose(
        extensions -> {
          RequestPipeline pipeline =
              new RequestPipeline(extensions, rewriter, options.maxBodyBytes());
          ProxyMetrics shared = new ProxyMetrics(extensions);
          shared.bind(ccrMetrics);
          this.metrics = shared;
          int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
          // Vert.x shares one random port among servers that ask for the same negative port.
          ServerSettings settings =
              new ServerSettings(
                  options.host(),
                  options.port() == 0 ? -1 : options.port(),
                  options.openaiApiUrl(),
                  options.anthropicApiUrl(),
                  options.maxBodyBytes(),
                  options.connectTimeout(),
                  options.requestTimeout(),
                  options.shutdownTimeout());
          List<ProxyVerticle> verticles = new java.util.concurrent.CopyOnWriteArrayList<>();
          return vertx
              .deployVerticle(
                  () -> {
                    ProxyVerticle verticle =
                        new ProxyVerticle(settings, pipeline, shared, retrieval);
                    verticles.add(verticle);
                    return verticle;
                  },
                  new DeploymentOptions().setInstances(instances))
              .compose(
                  id -> {
                    deployments.add(id);
                    int bound = verticles.get(0).actualPort();
                    for (ProxyVerticle verticle : verticles) {
                      if (verticle.actualPort() != bound) {
                        return Future.failedFuture(
                            new IllegalStateException("listeners bound different ports"));
                      }
                    }
                    return Future.succeededFuture(bound);
                  })
              .compose(
                  bound ->
                      vertx.executeBlocking(
                          () -> {
                            emit(
                                extensions,
                                PipelineStage.POST_START,
                                Map.of("host", options.host(), "port", bound));
                            port = bound;
                            return bound;
                          },
                          false));
        });
  }

  /**
   * @return the bound port, or {@code -1} before {@link #start()} completed
   */
  public int port() {
    return port;
  }

  /**
   * @return the Prometheus exposition of the proxy's metrics, or {@code ""} before start
   */
  public String scrapeMetrics() {
    ProxyMetrics current = metrics;
    return current == null ? "" : current.scrape();
  }

  /**
   * Stops accepting connections and lets in-flight requests finish, up to the shutdown timeout.
   *
   * @return completes when every listener is closed
   */
  public Future<Void> stop() {
    List<Future<Void>> undeployed = new ArrayList<>();
    for (String id : deployments) {
      undeployed.add(vertx.undeploy(id));
    }
    deployments.clear();
    port = -1;
    return Future.join(undeployed).mapEmpty();
  }

  private static void emit(
      PipelineExtensions extensions, PipelineStage stage, Map<String, ?> metadata) {
    if (extensions.wants(stage)) {
      extensions.emit(
          stage, PipelineEvent.builder(stage, "proxy.lifecycle").metadata(metadata).build());
    }
  }
}
