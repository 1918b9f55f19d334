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
 * @param protectedTools the tools whose outputs are never compressed nor replayed (a request may
 *     add more through {@link CompressContext#protectedTools()})
 * @param userText whether the latest user text is part of the live zone (tool outputs always are)
 * @param maxBlockBytes a string value whose JSON is larger than this (bytes) is sent as it is,
 *     never decoded: compressing it would take several times its size in heap at once
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LiveZoneOptions(
    int minBlockBytes,
    Duration requestBudget,
    ProtectedTools protectedTools,
    boolean userText,
    int maxBlockBytes) {

  /** Checks the components. */
  public LiveZoneOptions {
    Objects.requireNonNull(requestBudget, "requestBudget must not be null");
    Objects.requireNonNull(protectedTools, "protectedTools must not be null");
    if (maxBlockBytes < minBlockBytes) {
      throw new IllegalArgumentException(
          "maxBlockBytes must not be below minBlockBytes: " + maxBlockBytes);
    }
    if (minBlockBytes < 0) {
      throw new IllegalArgumentException("minBlockBytes must not be negative: " + minBlockBytes);
    }
    if (requestBudget.isNegative() || requestBudget.isZero()) {
      throw new IllegalArgumentException("requestBudget must be positive: " + requestBudget);
    }
  }

  /**
   * Options that protect the {@link ProtectedTools#defaults() default tools} and compress user
   * text.
   *
   * @param minBlockBytes the smallest block compressed
   * @param requestBudget the time budget of a whole request
   */
  public LiveZoneOptions(int minBlockBytes, Duration requestBudget) {
    this(minBlockBytes, requestBudget, ProtectedTools.defaults(), true, heapShare());
  }

  /**
   * @return 512 bytes, 50 ms, the default protected tools, user text compressed, blocks up to a
   *     thirty-second of the JVM's heap
   */
  public static LiveZoneOptions defaults() {
    return new LiveZoneOptions(512, Duration.ofMillis(50));
  }

  /**
   * @param value the time budget for a whole request
   * @return a copy with that budget
   */
  public LiveZoneOptions withRequestBudget(Duration value) {
    return new LiveZoneOptions(minBlockBytes, value, protectedTools, userText, maxBlockBytes);
  }

  /**
   * @param value the tools whose outputs are never compressed (replacing the current ones)
   * @return a copy with those tools
   */
  public LiveZoneOptions withProtectedTools(ProtectedTools value) {
    return new LiveZoneOptions(minBlockBytes, requestBudget, value, userText, maxBlockBytes);
  }

  /**
   * @param value whether the latest user text is compressed too
   * @return a copy with that setting
   */
  public LiveZoneOptions withUserText(boolean value) {
    return new LiveZoneOptions(minBlockBytes, requestBudget, protectedTools, value, maxBlockBytes);
  }

  /**
   * @param value the largest block compressed, in UTF-8 bytes
   * @return a copy with that limit
   */
  public LiveZoneOptions withMaxBlockBytes(int value) {
    return new LiveZoneOptions(minBlockBytes, requestBudget, protectedTools, userText, value);
  }

  /**
   * A thirty-second of the heap, at least 1 MiB: 16 MiB under a 512 MiB heap. Compressing a block
   * holds its text, its parsed form and the result at once, several times its size.
   */
  private static int heapShare() {
    long share = Runtime.getRuntime().maxMemory() / 32;
    return (int) Math.max(1 << 20, Math.min(Integer.MAX_VALUE, share));
  }
}
