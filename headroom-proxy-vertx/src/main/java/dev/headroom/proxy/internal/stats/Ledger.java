package dev.headroom.proxy.internal.stats;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.proxy.internal.ccr.RedisLink;
import dev.headroom.proxy.internal.ops.OncePerMinute;
import dev.headroom.proxy.internal.ops.ProxyMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.System.Logger;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * Where every request's savings are booked, once: the Prometheus counters, this proxy's figures for
 * {@code GET /stats} and the dashboard, and — when the proxy shares a Redis — the fleet's figures
 * there. One booking feeds every view, so the views cannot disagree (the upstream project's users
 * found its savings differing between views). Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class Ledger {

  private static final Logger LOG = System.getLogger(Ledger.class.getName());

  /** How often this proxy adds what it counted to the fleet's figures in Redis. */
  static final long FLUSH_MILLIS = 1_000;

  private final ProxyMetrics metrics;
  private final Pricing pricing;
  private final Optional<RedisStats> fleet;
  private final LongSupplier clock;
  private final Instant started;
  private final Slices local = new Slices();
  private Slices pending = new Slices();
  private volatile long flushTimer = -1;
  private final OncePerMinute fleetDown;

  /**
   * @param metrics the Prometheus counters
   * @param pricing what tokens cost
   * @param redis the fleet's Redis, when the proxy shares one
   * @param clock epoch milliseconds (tests pass their own)
   */
  public Ledger(
      ProxyMetrics metrics, Pricing pricing, Optional<RedisLink> redis, LongSupplier clock) {
    this.metrics = metrics;
    this.pricing = pricing;
    this.fleet = redis.map(RedisStats::new);
    this.clock = clock;
    this.started = Instant.ofEpochMilli(clock.getAsLong());
    this.fleetDown = new OncePerMinute(LOG, clock);
  }

  /**
   * Books one request.
   *
   * @param sample its accounting
   */
  public void record(Sample sample) {
    long micros = pricing.savedMicros(sample.model(), sample.freshSaved(), sample.replayedSaved());
    metrics.saved(
        sample.tokensBefore(),
        sample.tokensAfter(),
        Math.min(sample.replayedSaved(), sample.saved()),
        micros);
    long minute = clock.getAsLong() / 60_000;
    synchronized (this) {
      local.add(sample, micros, minute);
      local.prune(minute);
      if (fleet.isPresent()) {
        pending.add(sample, micros, minute);
      }
    }
  }

  /**
   * Starts adding this proxy's figures to the fleet's every second, when it shares a Redis.
   *
   * @param vertx the proxy's Vert.x
   */
  public void start(Vertx vertx) {
    if (fleet.isPresent() && flushTimer < 0) {
      flushTimer = vertx.setPeriodic(FLUSH_MILLIS, id -> flush());
    }
  }

  /**
   * @param vertx the proxy's Vert.x
   */
  public void stop(Vertx vertx) {
    long timer = flushTimer;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      flushTimer = -1;
      flush();
    }
  }

  /** Adds what was counted since the last flush to Redis; keeps it for the next one on failure. */
  private Future<Void> flush() {
    if (fleet.isEmpty()) {
      return Future.succeededFuture();
    }
    Slices delta;
    synchronized (this) {
      if (pending.isEmpty()) {
        return Future.succeededFuture();
      }
      delta = pending;
      pending = new Slices();
    }
    return fleet
        .get()
        .add(delta)
        .recover(
            failure -> {
              synchronized (this) {
                delta.merge(pending);
                delta.prune(clock.getAsLong() / 60_000);
                pending = delta;
              }
              warnFleet(failure);
              return Future.failedFuture(failure);
            });
  }

  private void warnFleet(Throwable failure) {
    fleetDown.warn(
        () ->
            "fleet statistics: Redis unavailable ("
                + failure.getMessage()
                + "); this proxy keeps its figures and adds them when Redis is back");
  }

  /**
   * @return the JSON of {@code GET /stats}: the fleet's figures when the proxy shares a Redis (this
   *     proxy's own, marked so, when Redis cannot be read), else this proxy's
   */
  public Future<byte[]> stats() {
    long now = clock.getAsLong();
    long minute = now / 60_000;
    if (fleet.isEmpty()) {
      return Future.succeededFuture(local(now, null));
    }
    return flush()
        .transform(flushed -> fleet.get().read(minute))
        .map(slices -> StatsView.render(slices, "fleet", started, now, pricing.asOf(), null))
        .recover(
            failure -> {
              warnFleet(failure);
              return Future.succeededFuture(local(now, String.valueOf(failure.getMessage())));
            });
  }

  private byte[] local(long now, String fleetError) {
    Slices copy = new Slices();
    synchronized (this) {
      local.prune(now / 60_000);
      copy.merge(local);
    }
    return StatsView.render(copy, "this_proxy", started, now, pricing.asOf(), fleetError);
  }
}
