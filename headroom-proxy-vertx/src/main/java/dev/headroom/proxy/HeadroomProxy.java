package dev.headroom.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.api.PipelineExtensions;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.pipeline.Lifecycle;
import dev.headroom.pipeline.RequestPipeline;
import dev.headroom.pipeline.RequestRewriter;
import dev.headroom.proxy.internal.bedrock.BedrockSigning;
import dev.headroom.proxy.internal.ccr.CcrMetrics;
import dev.headroom.proxy.internal.ccr.CcrStores;
import dev.headroom.proxy.internal.ccr.MeteredCcrStore;
import dev.headroom.proxy.internal.ccr.RedisLink;
import dev.headroom.proxy.internal.compressapi.CompressEndpoint;
import dev.headroom.proxy.internal.extensions.ExtensionDiscovery;
import dev.headroom.proxy.internal.http.AdminVerticle;
import dev.headroom.proxy.internal.http.ProxyVerticle;
import dev.headroom.proxy.internal.http.ServerSettings;
import dev.headroom.proxy.internal.limits.RequestLimits;
import dev.headroom.proxy.internal.ops.JvmMeters;
import dev.headroom.proxy.internal.ops.ProxyMetrics;
import dev.headroom.proxy.internal.ops.Tracing;
import dev.headroom.proxy.internal.retrieval.RetrievalEndpoint;
import dev.headroom.proxy.internal.retrieval.RetrievalLoop;
import dev.headroom.proxy.internal.retrieval.RetrievalToolRewriter;
import dev.headroom.proxy.internal.stats.Ledger;
import dev.headroom.proxy.internal.stats.Pricing;
import dev.headroom.proxy.internal.wire.AccessToken;
import dev.headroom.proxy.internal.wire.UpstreamTargets;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

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

  private static final String LIFECYCLE = "proxy.lifecycle";

  /** How long one {@code POST /v1/compress} may compress before further blocks are skipped. */
  private static final Duration COMPRESS_ENDPOINT_BUDGET = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final ProxyOptions options;
  private final RequestRewriter rewriter;
  private final Optional<RequestRewriter> compressToolsOnly;
  private final Optional<RequestRewriter> compressWithUserText;
  private final RetrievalEndpoint retrieval;
  private final Optional<RetrievalLoop> retrievals;
  private final CcrMetrics ccrMetrics;
  private final Optional<RedisLink> redis;
  private final Pricing pricing;
  private final Tracing tracing;
  private final List<String> deployments = new ArrayList<>();
  private volatile int port = -1;
  private volatile int adminPort = -1;
  private volatile ProxyMetrics metrics;
  private volatile Ledger ledger;
  private volatile BedrockSigning bedrock = BedrockSigning.off();
  private volatile DefaultCredentialsProvider defaultChain;
  // The JVM's meters of the current start; guarded by this (bound on a worker, closed at stop).
  private JvmMeters jvmMeters;
  private boolean stopped;

  private HeadroomProxy(Vertx vertx, ProxyOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx must not be null");
    this.options = Objects.requireNonNull(options, "options must not be null");
    this.ccrMetrics = new CcrMetrics();
    CcrStores.Opened opened =
        CcrStores.open(
            vertx,
            new CcrStores.Settings(
                options.ccrStore(),
                options.replayTtl(),
                options.ccrConversationTtl(),
                options.replayMemoryBytes(),
                options.replayTtl()),
            ccrMetrics);
    this.redis = opened.redis();
    this.pricing = options.pricingFile().map(Pricing::withOverrides).orElseGet(Pricing::defaults);
    this.tracing =
        options
            .tracerProvider()
            .map(Tracing::of)
            .or(() -> options.otlpEndpoint().map(Tracing::otlp))
            .orElse(Tracing.off());
    CcrStore ccrStore = new MeteredCcrStore(opened.store(), ccrMetrics);
    this.retrieval = new RetrievalEndpoint(ccrStore);
    if (options.compression()) {
      LiveZoneOptions liveZone =
          LiveZoneOptions.defaults()
              .withRequestBudget(options.compressionBudget())
              .withProtectedTools(options.protectedTools());
      Compressor compressor = Compressor.create(CompressOptions.defaults().withCcrStore(ccrStore));
      this.rewriter =
          new RetrievalToolRewriter(
              RequestRewriter.liveZone(
                  LiveZoneRewriter.create(compressor, liveZone, opened.replay()), liveZone),
              opened.conversations());
      this.retrievals = Optional.of(new RetrievalLoop(vertx, ccrStore, ccrMetrics));
      // POST /v1/compress: the same compressor, memory and store; a caller that asked for
      // compression waits up to a second for it, and user text is compressed only on request.
      LiveZoneOptions endpoint =
          liveZone.withRequestBudget(max(options.compressionBudget(), COMPRESS_ENDPOINT_BUDGET));
      this.compressToolsOnly =
          Optional.of(
              RequestRewriter.liveZone(
                  LiveZoneRewriter.create(
                      compressor, endpoint.withUserText(false), opened.replay()),
                  endpoint));
      this.compressWithUserText =
          Optional.of(
              RequestRewriter.liveZone(
                  LiveZoneRewriter.create(compressor, endpoint, opened.replay()), endpoint));
    } else {
      this.rewriter = RequestRewriter.identity();
      this.retrievals = Optional.empty();
      this.compressToolsOnly = Optional.empty();
      this.compressWithUserText = Optional.empty();
    }
  }

  /**
   * @param vertx the Vert.x instance to serve on; the caller owns and closes it
   * @param options the options
   * @return a proxy, not yet started
   */
  public static HeadroomProxy create(Vertx vertx, ProxyOptions options) {
    return new HeadroomProxy(vertx, options);
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
    this.bedrock = bedrockSigning();
    Future<PipelineExtensions> loaded =
        vertx.executeBlocking(
            () -> {
              if (bedrock.enabled()) {
                // Resolves the credentials once (files, metadata endpoints: it may block) so the
                // first signed request finds them cached, and says what re-signing will do.
                LOG.log(System.Logger.Level.INFO, bedrock.check());
              }
              PipelineExtensions extensions =
                  options
                      .extensions()
                      .orElseGet(
                          () -> ExtensionDiscovery.discover(options.extensionsDir().orElse(null)));
              Lifecycle.setup(extensions, LIFECYCLE, options.compression());
              Lifecycle.starting(extensions, LIFECYCLE, options.host(), options.port());
              return extensions;
            },
            false);
    return loaded.compose(this::listen);
  }

  private Future<Integer> listen(PipelineExtensions extensions) {
    ProxyMetrics shared = new ProxyMetrics(extensions);
    shared.bind(ccrMetrics);
    this.metrics = shared;
    Ledger booked = new Ledger(shared, pricing, redis, System::currentTimeMillis);
    booked.start(vertx);
    this.ledger = booked;
    ProxyVerticle.Shared services =
        new ProxyVerticle.Shared(
            RequestPipeline.create(extensions, rewriter),
            shared,
            booked,
            RequestLimits.create(
                options.rateLimitRpm(),
                options.rateLimitTpm(),
                options.dailyTokenBudget(),
                redis,
                shared,
                System::currentTimeMillis),
            tracing,
            retrieval,
            retrievals,
            new CompressEndpoint(
                compressToolsOnly.map(r -> RequestPipeline.create(extensions, r)),
                compressWithUserText.map(r -> RequestPipeline.create(extensions, r)),
                shared,
                booked,
                options.maxBodyBytes()),
            extensions.extensions().isEmpty() && options.ccrStore().isEmpty(),
            bedrock);
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    // Vert.x shares one random port among servers that ask for the same negative port.
    ServerSettings settings =
        new ServerSettings(
            options.host(),
            options.port() == 0 ? -1 : options.port(),
            new UpstreamTargets(
                options.openaiApiUrl(),
                options.anthropicApiUrl(),
                options.azureOpenaiUrl(),
                options.azureDeployments(),
                options.geminiApiUrl(),
                options.vertexApiUrl(),
                options.vertexRegion(),
                options.bedrockApiUrl()),
            options.maxBodyBytes(),
            options.connectTimeout(),
            options.requestTimeout(),
            options.shutdownTimeout(),
            new AccessToken(options.authToken()),
            options.adminPort().isPresent());
    List<ProxyVerticle> verticles = new CopyOnWriteArrayList<>();
    return vertx
        .deployVerticle(
            () -> {
              ProxyVerticle verticle = new ProxyVerticle(settings, services);
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
        .compose(bound -> admin(settings, shared, booked).map(ignored -> bound))
        .compose(
            bound ->
                vertx.executeBlocking(
                    () -> {
                      Lifecycle.started(extensions, LIFECYCLE, options.host(), bound);
                      port = bound;
                      warmUpInTheBackground();
                      bindJvmMetersInTheBackground(shared);
                      return bound;
                    },
                    false));
  }

  /**
   * Loads the tokenizers and compiles the compressors' hot paths on a worker once the proxy
   * listens, so a start is not held up by it. A request that arrives meanwhile is compressed all
   * the same (its first block always runs, whatever the time budget), only slower.
   */
  private void warmUpInTheBackground() {
    vertx.executeBlocking(
        () -> {
          try {
            rewriter.warmUp();
          } catch (RuntimeException | LinkageError failure) {
            LOG.log(
                System.Logger.Level.WARNING,
                "compression warm-up failed; the first requests may be slower",
                failure);
          }
          return null;
        },
        false);
  }

  /**
   * Puts the JVM's collector and memory meters on {@code /metrics} once the proxy listens: the
   * management beans behind them take tens of milliseconds to come up, which a start need not wait
   * for. A stop that came first closes them at once.
   */
  private void bindJvmMetersInTheBackground(ProxyMetrics shared) {
    synchronized (this) {
      stopped = false;
    }
    vertx.executeBlocking(
        () -> {
          JvmMeters bound;
          try {
            bound = JvmMeters.bind(shared);
          } catch (RuntimeException | LinkageError failure) {
            LOG.log(System.Logger.Level.WARNING, "the JVM's meters are not on /metrics", failure);
            return null;
          }
          synchronized (this) {
            if (stopped) {
              bound.close();
            } else {
              jvmMeters = bound;
            }
          }
          return null;
        },
        false);
  }

  /**
   * Re-signing uses the embedder's credentials, else the AWS SDK's default chain, created per start
   * (and closed at stop: it may hold a refresh thread).
   */
  private BedrockSigning bedrockSigning() {
    if (!options.bedrockResign()) {
      return BedrockSigning.off();
    }
    return BedrockSigning.with(
        options
            .bedrockCredentials()
            .orElseGet(
                () -> {
                  defaultChain = DefaultCredentialsProvider.builder().build();
                  return defaultChain;
                }),
        options.bedrockRegion(),
        Clock.systemUTC());
  }

  /** Deploys the admin listener when {@code --admin-port} asks for one. */
  private Future<Void> admin(ServerSettings settings, ProxyMetrics shared, Ledger booked) {
    if (options.adminPort().isEmpty()) {
      return Future.succeededFuture();
    }
    AdminVerticle verticle =
        new AdminVerticle(settings, shared, booked, options.adminPort().getAsInt());
    return vertx
        .deployVerticle(verticle)
        .map(
            id -> {
              deployments.add(id);
              adminPort = verticle.actualPort();
              return null;
            });
  }

  /**
   * @return the admin listener's port, or {@code -1} without {@code --admin-port} or before start
   */
  public int adminPort() {
    return adminPort;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
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
    synchronized (this) {
      stopped = true;
      if (jvmMeters != null) {
        jvmMeters.close();
        jvmMeters = null;
      }
    }
    List<Future<Void>> undeployed = new ArrayList<>();
    for (String id : deployments) {
      undeployed.add(vertx.undeploy(id));
    }
    deployments.clear();
    Ledger booked = ledger;
    if (booked != null) {
      booked.stop(vertx);
    }
    port = -1;
    adminPort = -1;
    return Future.join(undeployed)
        .eventually(
            () -> {
              DefaultCredentialsProvider chain = defaultChain;
              defaultChain = null;
              if (chain != null) {
                chain.close();
              }
              return Future.succeededFuture();
            })
        .eventually(
            () ->
                vertx.executeBlocking(
                    () -> {
                      // Exports the spans still pending (at most 5 s) when the proxy owns them.
                      tracing.close();
                      return null;
                    },
                    false))
        .mapEmpty();
  }
}
