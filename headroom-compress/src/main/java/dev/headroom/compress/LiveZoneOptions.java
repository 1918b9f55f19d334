package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How the live-zone rewrite treats a whole request.
 *
 * @param minBlockBytes a string value in the live zone shorter than this (UTF-8 bytes) is left as
 *     it is
 * @param requestBudget once this much time has passed for the whole request, no block after the
 *     first is started; blocks already compressed are kept (a block that runs long is not
 *     interrupted)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LiveZoneOptions(int minBlockBytes, Duration requestBudget) {

  /** Checks the components. */
  public LiveZoneOptions {
    Objects.requireNonNull(requestBudget, "requestBudget must not be null");
    if (minBlockBytes < 0) {
      throw new IllegalArgumentException("minBlockBytes must not be negative: " + minBlockBytes);
    }
    if (requestBudget.isNegative() || requestBudget.isZero()) {
      throw new IllegalArgumentException("requestBudget must be positive: " + requestBudget);
    }
  }

  /**
   * @return 512 bytes and 50 ms
   */
  public static LiveZoneOptions defaults() {
    return new LiveZoneOptions(512, Duration.ofMillis(50));
  }

  /**
   * @param value the time budget for a whole request
   * @return a copy with that budget
   */
  public LiveZoneOptions withRequestBudget(Duration value) {
    return new LiveZoneOptions(minBlockBytes, value);
  }
}
