package dev.headroom.proxy.internal.stats;

import java.util.List;

/**
 * The counters {@code /stats} shows for one slice of traffic (all of it, a model, a route, a
 * credential, a minute, an hour). Not thread-safe: the {@link Ledger} guards it.
 */
final class Tally {

  /** The counters' names, as {@code /stats} and Redis spell them; index = position. */
  static final List<String> FIELDS =
      List.of(
          "requests",
          "before",
          "after",
          "saved",
          "replayed_saved",
          "input",
          "output",
          "cache_read",
          "cache_write",
          "usd_micros");

  static final int REQUESTS = 0;
  static final int BEFORE = 1;
  static final int AFTER = 2;
  static final int SAVED = 3;
  static final int REPLAYED_SAVED = 4;
  static final int INPUT = 5;
  static final int OUTPUT = 6;
  static final int CACHE_READ = 7;
  static final int CACHE_WRITE = 8;
  static final int USD_MICROS = 9;

  final long[] values = new long[FIELDS.size()];

  void add(Sample sample, long usdMicros) {
    values[REQUESTS]++;
    values[BEFORE] += sample.tokensBefore();
    values[AFTER] += sample.tokensAfter();
    values[SAVED] += sample.saved();
    values[REPLAYED_SAVED] += Math.min(sample.replayedSaved(), sample.saved());
    values[INPUT] += sample.input();
    values[OUTPUT] += sample.output();
    values[CACHE_READ] += sample.cacheRead();
    values[CACHE_WRITE] += sample.cacheWrite();
    values[USD_MICROS] += usdMicros;
  }

  void add(Tally other) {
    for (int i = 0; i < values.length; i++) {
      values[i] += other.values[i];
    }
  }

  long get(int field) {
    return values[field];
  }

  boolean isEmpty() {
    for (long value : values) {
      if (value != 0) {
        return false;
      }
    }
    return true;
  }
}
