package dev.headroom.proxy.internal.ops;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.api.PipelineExtensions;
import dev.headroom.compress.BlockDecision;
import dev.headroom.pipeline.stream.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The {@code headroom_*} metrics, kept in a Micrometer Prometheus registry and scraped at {@code
 * GET /metrics}. Thread-safe; shared by every event loop.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProxyMetrics {

  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofNanos(50_000), Duration.ofNanos(100_000), Duration.ofNanos(250_000),
        Duration.ofNanos(500_000),
    Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
    Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(60)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicInteger activeStreams = new AtomicInteger();
  private final AtomicInteger activeWebSockets = new AtomicInteger();
  private final Map<String, RouteMeters> routes = new ConcurrentHashMap<>();
  private final Map<String, Counter> blockCounters = new ConcurrentHashMap<>();
  private final Map<String, DistributionSummary> ratios = new ConcurrentHashMap<>();
  private final Map<String, Counter> providerCounters = new ConcurrentHashMap<>();
  private final Counter tokensBefore;
  private final Counter tokensAfter;
  private final Counter tokensSaved;
  private final Counter replayTokensSaved;
  private final Counter replayBytesSaved;
  private final Counter moneySaved;
  private final Counter limitsUnavailable;
  private final Timer compressionDuration;

  /**
   * @param extensions whose failure counts are exported by extension id
   */
  public ProxyMetrics(PipelineExtensions extensions) {
    Gauge.builder("headroom.active.streams", activeStreams, AtomicInteger::get)
        .description("SSE responses being relayed")
        .register(registry);
    Gauge.builder("headroom.active.websockets", activeWebSockets, AtomicInteger::get)
        .description("WebSocket sessions being relayed")
        .register(registry);
    for (String id : extensions.failureCounts().keySet()) {
      FunctionCounter.builder(
              "headroom.extension.failures",
              extensions,
              e -> e.failureCounts().getOrDefault(id, 0L))
          .tag("extension", id)
          .description("pipeline extension calls that threw (fail-open)")
          .register(registry);
    }
    compressionDuration =
        Timer.builder("headroom.compression.duration")
            .description("live-zone rewrite time per request")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
    tokensBefore =
        Counter.builder("headroom.tokens.before")
            .description("live-zone tokens before compression")
            .register(registry);
    tokensAfter =
        Counter.builder("headroom.tokens.after")
            .description("live-zone tokens after compression")
            .register(registry);
    tokensSaved =
        Counter.builder("headroom.tokens.saved")
            .description("live-zone tokens compression removed")
            .register(registry);
    replayTokensSaved =
        Counter.builder("headroom.replay.tokens.saved")
            .description(
                "of headroom_tokens_saved, the tokens saved by blocks replayed from history")
            .register(registry);
    limitsUnavailable =
        Counter.builder("headroom.limits.unavailable")
            .description(
                "limit checks and charges that could not reach Redis; the requests went unlimited")
            .register(registry);
    moneySaved =
        Counter.builder("headroom.money.saved.usd")
            .description(
                "money the saved tokens would have cost: fresh savings at the model's input price,"
                    + " replayed savings at its cache-read price (models without a price: 0)")
            .register(registry);
    replayBytesSaved =
        Counter.builder("headroom.replay.bytes.saved")
            .description("bytes saved by blocks replayed from history")
            .register(registry);
  }

  /**
   * Records the live-zone decisions of one request: each block's outcome (compressed, rejected by
   * the token gate, too small…), the token ratio of compressed blocks by content type and strategy,
   * and the duration.
   *
   * @param blocks the decisions, as what was sent holds them
   * @param nanos how long the rewrite took
   */
  public void liveZone(List<BlockDecision> blocks, long nanos) {
    compressionDuration.record(nanos, TimeUnit.NANOSECONDS);
    for (BlockDecision block : blocks) {
      String type = block.contentType().name().toLowerCase(Locale.ROOT);
      // Looked up in a map of our own: building and registering a meter per block costs more than
      // the request's other metrics together.
      blockCounters
          .computeIfAbsent(
              block.outcome() + '|' + type,
              key ->
                  Counter.builder("headroom.compression.blocks")
                      .description("live-zone blocks by outcome and content type")
                      .tag("outcome", block.outcome())
                      .tag("content_type", type)
                      .register(registry))
          .increment();
      if (block.compressed() && block.tokensBefore() > 0) {
        ratios
            .computeIfAbsent(
                type + '|' + block.strategy(),
                key ->
                    DistributionSummary.builder("headroom.compression.ratio")
                        .description("tokens after / tokens before, per compressed block")
                        .tag("content_type", type)
                        .tag("strategy", block.strategy())
                        .serviceLevelObjectives(0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0)
                        .register(registry))
            .record((double) block.tokensAfter() / block.tokensBefore());
      }
    }
  }

  /**
   * Registers another component's meters (the CCR counters) in this registry.
   *
   * @param binder what to register
   */
  public void bind(MeterBinder binder) {
    binder.bindTo(registry);
  }

  /**
   * Records one request's savings, as the {@code dev.headroom.proxy.internal.stats.Ledger} defines
   * them (the one definition of "saved" shared by the headers, these counters and {@code /stats}).
   *
   * @param before tokens of the compressed blocks before
   * @param after the same blocks' tokens as sent
   * @param replayedSaved of the tokens saved, those saved by replayed blocks
   * @param usdMicros the money saved, in millionths of a dollar
   */
  public void saved(long before, long after, long replayedSaved, long usdMicros) {
    if (before == 0 && after == 0) {
      return;
    }
    tokensBefore.increment(before);
    tokensAfter.increment(after);
    tokensSaved.increment(Math.max(0, before - after));
    replayTokensSaved.increment(replayedSaved);
    moneySaved.increment(usdMicros / 1_000_000.0);
  }

  /**
   * Records the bytes replayed blocks saved.
   *
   * @param blocks the decisions, as what was sent holds them
   */
  public void replayedBytes(List<BlockDecision> blocks) {
    for (BlockDecision block : blocks) {
      if (block.replayed()) {
        replayBytesSaved.increment(Math.max(0, block.bytesBefore() - block.bytesAfter()));
      }
    }
  }

  /**
   * Records what the provider said it billed for one response: input tokens, and how many of them
   * its prompt cache served and stored, so an operator sees the cache hit rate.
   *
   * @param route the route label
   * @param tokens the response's usage
   */
  public void providerUsage(String route, Usage.Tokens tokens) {
    if (tokens.prompt() == 0 && tokens.output() == 0) {
      return;
    }
    providerCounter(
            "headroom.provider.prompt.tokens",
            route,
            "input tokens the provider counted, cached or not")
        .increment(tokens.prompt());
    providerCounter(
            "headroom.provider.cache.read.tokens",
            route,
            "input tokens the provider read from its prompt cache")
        .increment(tokens.cacheRead());
    providerCounter(
            "headroom.provider.cache.write.tokens",
            route,
            "input tokens the provider wrote to its prompt cache")
        .increment(tokens.cacheWrite());
    providerCounter("headroom.provider.output.tokens", route, "output tokens the provider counted")
        .increment(tokens.output());
  }

  private Counter providerCounter(String name, String route, String description) {
    return providerCounters.computeIfAbsent(
        name + '|' + route,
        key ->
            Counter.builder(name).description(description).tag("route", route).register(registry));
  }

  /**
   * Records one finished HTTP exchange.
   *
   * @param route the route label
   * @param status the status sent to the client
   * @param bytesIn request body bytes
   * @param bytesOut response body bytes
   * @param overheadNanos time in the proxy before the upstream call
   * @param upstreamNanos time from the upstream call to its response head, or 0
   */
  public void request(
      String route,
      int status,
      long bytesIn,
      long bytesOut,
      long overheadNanos,
      long upstreamNanos) {
    RouteMeters meters = routes.computeIfAbsent(route, this::routeMeters);
    meters
        .requests
        .computeIfAbsent(
            status,
            code ->
                Counter.builder("headroom.requests")
                    .description("requests by route and status")
                    .tag("route", route)
                    .tag("status", Integer.toString(code))
                    .register(registry))
        .increment();
    meters.bytesIn.record(bytesIn);
    meters.bytesOut.record(bytesOut);
    meters.overhead.record(overheadNanos, TimeUnit.NANOSECONDS);
    if (upstreamNanos > 0) {
      meters.upstream.record(upstreamNanos, TimeUnit.NANOSECONDS);
    }
  }

  private RouteMeters routeMeters(String route) {
    return new RouteMeters(
        DistributionSummary.builder("headroom.request.bytes")
            .baseUnit("bytes")
            .description("request body bytes")
            .tag("route", route)
            .register(registry),
        DistributionSummary.builder("headroom.response.bytes")
            .baseUnit("bytes")
            .description("response body bytes")
            .tag("route", route)
            .register(registry),
        Timer.builder("headroom.overhead")
            .description("time in the proxy before the upstream call")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .tag("route", route)
            .register(registry),
        Timer.builder("headroom.upstream.latency")
            .description("upstream call to response head")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .tag("route", route)
            .register(registry));
  }

  /** Meters looked up once per route, not per request. */
  private record RouteMeters(
      DistributionSummary bytesIn,
      DistributionSummary bytesOut,
      Timer overhead,
      Timer upstream,
      Map<Integer, Counter> requests) {
    RouteMeters(
        DistributionSummary bytesIn, DistributionSummary bytesOut, Timer overhead, Timer upstream) {
      this(bytesIn, bytesOut, overhead, upstream, new ConcurrentHashMap<>());
    }
  }

  /**
   * @param route the route label
   * @param kind {@code timeout}, {@code connect}, {@code reset}
   */
  public void upstreamError(String route, String kind) {
    Counter.builder("headroom.upstream.errors")
        .description("upstream failures by kind")
        .tag("route", route)
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  /**
   * Counts a request forwarded untouched because a signature covers its body (Bedrock SigV4).
   *
   * @param route the route label
   * @param reason why it was not signed again: {@code resign_off}, {@code no_credentials} or {@code
   *     signing_failed}
   */
  public void signedPassthrough(String route, String reason) {
    Counter.builder("headroom.signed.passthrough")
        .description("requests left as they came because a signature covers their body")
        .tag("route", route)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /**
   * Counts a SigV4-signed request the gateway signed again with its own credentials.
   *
   * @param route the route label
   */
  public void resigned(String route) {
    Counter.builder("headroom.bedrock.resigned")
        .description("SigV4-signed requests signed again with the gateway's AWS credentials")
        .tag("route", route)
        .register(registry)
        .increment();
  }

  /**
   * Counts a request refused by a limit of this gateway.
   *
   * @param limit {@code rpm}, {@code tpm} or {@code daily_tokens}
   */
  public void limitRefused(String limit) {
    Counter.builder("headroom.limits.refused")
        .description("requests refused with 429 by this gateway's limits")
        .tag("limit", limit)
        .register(registry)
        .increment();
  }

  /** Counts a limit check or charge that could not reach Redis (the request went: fail open). */
  public void limitsUnavailable() {
    limitsUnavailable.increment();
  }

  /**
   * @param delta +1 when an SSE relay starts, -1 when it ends
   */
  public void streams(int delta) {
    activeStreams.addAndGet(delta);
  }

  /**
   * @param delta +1 when a WebSocket session starts, -1 when it ends
   */
  public void webSockets(int delta) {
    activeWebSockets.addAndGet(delta);
  }

  /**
   * @return the Prometheus text exposition
   */
  public String scrape() {
    return registry.scrape();
  }
}
