package dev.headroom.bench.proxy;

import java.util.Arrays;

/** Nearest-rank percentiles of latency samples in nanoseconds. */
final class Percentiles {

  private final long[] sorted;

  Percentiles(long[] samples) {
    this.sorted = samples.clone();
    Arrays.sort(sorted);
  }

  long at(double percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  long max() {
    return sorted[sorted.length - 1];
  }

  int count() {
    return sorted.length;
  }
}
