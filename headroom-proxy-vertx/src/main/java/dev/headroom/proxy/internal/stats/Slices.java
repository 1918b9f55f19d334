package dev.headroom.proxy.internal.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The slices of traffic {@code /stats} shows: all of it, by model, by route, by credential, by
 * minute and by hour. Not thread-safe: the {@link Ledger} guards it.
 */
final class Slices {

  /** Beyond this many names in one dimension, further names are counted under {@link #OTHER}. */
  static final int MAX_NAMES = 10_000;

  static final String OTHER = "(other)";

  /** The minutes shown: the last hour. */
  static final int MINUTES = 60;

  /** The hours shown: the last seven days. */
  static final int HOURS = 7 * 24;

  final Tally total = new Tally();
  final Map<String, Tally> byModel = new HashMap<>();
  final Map<String, Tally> byRoute = new HashMap<>();
  final Map<String, Tally> byCredential = new HashMap<>();

  /** Keyed by minutes since the epoch. */
  final TreeMap<Long, Tally> minutes = new TreeMap<>();

  /** Keyed by hours since the epoch. */
  final TreeMap<Long, Tally> hours = new TreeMap<>();

  void add(Sample sample, long usdMicros, long epochMinute) {
    total.add(sample, usdMicros);
    slice(byModel, sample.model().isEmpty() ? "unknown" : sample.model()).add(sample, usdMicros);
    slice(byRoute, sample.route()).add(sample, usdMicros);
    slice(byCredential, sample.credential()).add(sample, usdMicros);
    minutes.computeIfAbsent(epochMinute, m -> new Tally()).add(sample, usdMicros);
    hours.computeIfAbsent(epochMinute / 60, h -> new Tally()).add(sample, usdMicros);
  }

  private static Tally slice(Map<String, Tally> dimension, String name) {
    Tally tally = dimension.get(name);
    if (tally == null) {
      tally =
          dimension.computeIfAbsent(dimension.size() >= MAX_NAMES ? OTHER : name, n -> new Tally());
    }
    return tally;
  }

  /** Forgets minutes and hours older than what is shown. */
  void prune(long epochMinute) {
    minutes.headMap(epochMinute - MINUTES, true).clear();
    hours.headMap(epochMinute / 60 - HOURS, true).clear();
  }

  void merge(Slices other) {
    total.add(other.total);
    mergeInto(byModel, other.byModel);
    mergeInto(byRoute, other.byRoute);
    mergeInto(byCredential, other.byCredential);
    other.minutes.forEach((m, t) -> minutes.computeIfAbsent(m, k -> new Tally()).add(t));
    other.hours.forEach((h, t) -> hours.computeIfAbsent(h, k -> new Tally()).add(t));
  }

  private static void mergeInto(Map<String, Tally> into, Map<String, Tally> from) {
    from.forEach((name, tally) -> slice(into, name).add(tally));
  }

  boolean isEmpty() {
    return total.isEmpty();
  }
}
