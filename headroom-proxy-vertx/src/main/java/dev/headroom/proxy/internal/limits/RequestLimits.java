package dev.headroom.proxy.internal.limits;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.proxy.internal.ccr.RedisLink;
import dev.headroom.proxy.internal.ops.OncePerMinute;
import dev.headroom.proxy.internal.ops.ProxyMetrics;
import io.vertx.core.Future;
import java.lang.System.Logger;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * Per-credential limits ({@code --rate-limit-rpm}, {@code --rate-limit-tpm}, {@code
 * --daily-token-budget}) over fixed windows: the current minute, the current UTC day. A request is
 * counted when it arrives; its tokens, as the provider reported them, when it ends — so the token
 * limits refuse the requests after the one that crossed them. With {@code --ccr-store redis://} the
 * counters are the fleet's; when Redis cannot be reached the limits fail open (the request goes),
 * counted in {@code headroom_limits_unavailable_total} and logged.
 */
@API(status = INTERNAL, since = "0.1")
public final class RequestLimits {

  private static final Logger LOG = System.getLogger(RequestLimits.class.getName());

  private final long rpm;
  private final long tpm;
  private final long dailyTokens;
  private final Counters counters;
  private final ProxyMetrics metrics;
  private final LongSupplier clock;
  private final OncePerMinute outage;

  private RequestLimits(
      long rpm,
      long tpm,
      long dailyTokens,
      Counters counters,
      ProxyMetrics metrics,
      LongSupplier clock) {
    this.rpm = rpm;
    this.tpm = tpm;
    this.dailyTokens = dailyTokens;
    this.counters = counters;
    this.metrics = metrics;
    this.clock = clock;
    this.outage = new OncePerMinute(LOG, clock);
  }

  /**
   * @param rpm requests per minute per credential, {@code 0} for none
   * @param tpm input tokens per minute per credential, {@code 0} for none
   * @param dailyTokens tokens per UTC day per credential, {@code 0} for none
   * @param redis the fleet's Redis, when the proxy shares one
   * @param metrics where refusals and outages are counted
   * @param clock epoch milliseconds
   * @return the limits
   */
  public static RequestLimits create(
      long rpm,
      long tpm,
      long dailyTokens,
      Optional<RedisLink> redis,
      ProxyMetrics metrics,
      LongSupplier clock) {
    Counters counters = redis.<Counters>map(RedisCounters::new).orElseGet(LocalCounters::new);
    return new RequestLimits(rpm, tpm, dailyTokens, counters, metrics, clock);
  }

  /**
   * @return whether any limit is set
   */
  public boolean active() {
    return rpm > 0 || tpm > 0 || dailyTokens > 0;
  }

  /**
   * Counts a request that arrives and decides whether it may go.
   *
   * @param credential the caller's hashed credential
   * @return a refusal, or empty when it may go; never failed (an outage admits)
   */
  public Future<Optional<Refusal>> admit(String credential) {
    long now = clock.getAsLong();
    long minute = now / 60_000;
    long day = now / 86_400_000;
    return counters
        .admit(credential, minute, day)
        .map(used -> decide(used, now))
        .recover(
            failure -> {
              unavailable(failure);
              return Future.succeededFuture(Optional.empty());
            });
  }

  private Optional<Refusal> decide(Counters.Usage used, long now) {
    long toNextMinute = Math.max(1, (60_000 - now % 60_000 + 999) / 1000);
    long toNextDay = Math.max(1, (86_400_000 - now % 86_400_000 + 999) / 1000);
    Refusal refusal = null;
    if (dailyTokens > 0 && used.dayTokens() >= dailyTokens) {
      refusal =
          new Refusal(
              "daily_tokens",
              "Daily token budget of this gateway exhausted for this API key ("
                  + used.dayTokens()
                  + " of "
                  + dailyTokens
                  + " tokens today, UTC); it resets at midnight UTC.",
              toNextDay);
    } else if (rpm > 0 && used.minuteRequests() > rpm) {
      refusal =
          new Refusal(
              "rpm",
              "Rate limit of this gateway reached for this API key: "
                  + rpm
                  + " requests per minute. Try again in "
                  + toNextMinute
                  + " s.",
              toNextMinute);
    } else if (tpm > 0 && used.minuteTokens() >= tpm) {
      refusal =
          new Refusal(
              "tpm",
              "Rate limit of this gateway reached for this API key: "
                  + tpm
                  + " input tokens per minute ("
                  + used.minuteTokens()
                  + " used). Try again in "
                  + toNextMinute
                  + " s.",
              toNextMinute);
    }
    if (refusal != null) {
      metrics.limitRefused(refusal.limit());
    }
    return Optional.ofNullable(refusal);
  }

  /**
   * Adds a finished request's tokens to its credential's windows.
   *
   * @param credential the caller's hashed credential
   * @param inputTokens input tokens the provider reported
   * @param outputTokens output tokens the provider reported
   */
  public void charge(String credential, long inputTokens, long outputTokens) {
    if ((tpm == 0 && dailyTokens == 0) || inputTokens + outputTokens == 0) {
      return;
    }
    long now = clock.getAsLong();
    counters
        .charge(
            credential,
            now / 60_000,
            now / 86_400_000,
            tpm > 0 ? inputTokens : 0,
            dailyTokens > 0 ? inputTokens + outputTokens : 0)
        .onFailure(this::unavailable);
  }

  private void unavailable(Throwable failure) {
    metrics.limitsUnavailable();
    outage.warn(
        () ->
            "limits: Redis unavailable ("
                + failure.getMessage()
                + "); requests are let through unlimited until it is back");
  }
}
