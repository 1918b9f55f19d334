package dev.headroom.compress.internal.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A table cell's or JSON string's number with the unit a tool printed after it: {@code 97.5%},
 * {@code 3950m} cores, {@code 1870Mi}, {@code 14G}, {@code 7.41GiB}, {@code 812ms}. Scaled to one
 * unit per kind, so that a column mixing {@code 250m} and {@code 2} cores, or {@code 4.0K} and
 * {@code 14G}, compares its rows as they are: {@code du -h}'s one huge directory and {@code kubectl
 * top}'s one busy pod are outliers of their columns like any number far from its column's median. A
 * column whose cells carry units of more than one kind ({@link Columns}) reads none of them: {@code
 * 41m} next to {@code 57s} is minutes, not millicores.
 */
@API(status = INTERNAL, since = "0.1")
final class Quantities {

  static final int PERCENT = 1;
  static final int MILLI = 2;
  static final int SIZE = 4;
  static final int DURATION = 8;

  private record Unit(double scale, int kind) {}

  private static final double KI = 1024;

  /** Sizes to bytes, cores to cores, durations to seconds, percent as printed. */
  private static final Map<String, Unit> UNITS =
      Map.ofEntries(
          Map.entry("%", new Unit(1, PERCENT)),
          Map.entry("m", new Unit(1e-3, MILLI)),
          Map.entry("B", new Unit(1, SIZE)),
          Map.entry("K", new Unit(1e3, SIZE)),
          Map.entry("k", new Unit(1e3, SIZE)),
          Map.entry("KB", new Unit(1e3, SIZE)),
          Map.entry("kB", new Unit(1e3, SIZE)),
          Map.entry("Ki", new Unit(KI, SIZE)),
          Map.entry("KiB", new Unit(KI, SIZE)),
          Map.entry("M", new Unit(1e6, SIZE)),
          Map.entry("MB", new Unit(1e6, SIZE)),
          Map.entry("Mi", new Unit(KI * KI, SIZE)),
          Map.entry("MiB", new Unit(KI * KI, SIZE)),
          Map.entry("G", new Unit(1e9, SIZE)),
          Map.entry("GB", new Unit(1e9, SIZE)),
          Map.entry("Gi", new Unit(KI * KI * KI, SIZE)),
          Map.entry("GiB", new Unit(KI * KI * KI, SIZE)),
          Map.entry("T", new Unit(1e12, SIZE)),
          Map.entry("TB", new Unit(1e12, SIZE)),
          Map.entry("Ti", new Unit(KI * KI * KI * KI, SIZE)),
          Map.entry("TiB", new Unit(KI * KI * KI * KI, SIZE)),
          Map.entry("ns", new Unit(1e-9, DURATION)),
          Map.entry("us", new Unit(1e-6, DURATION)),
          Map.entry("\u00b5s", new Unit(1e-6, DURATION)),
          Map.entry("ms", new Unit(1e-3, DURATION)),
          Map.entry("s", new Unit(1, DURATION)));

  private Quantities() {}

  /**
   * A number read with its unit.
   *
   * @param value the number, scaled to its kind's unit
   * @param kind {@link #PERCENT}, {@link #MILLI}, {@link #SIZE} or {@link #DURATION}
   */
  record Quantity(double value, int kind) {}

  /**
   * @param s a text
   * @param from where the cell starts
   * @param to where it ends
   * @return the cell as a number and one of {@link #UNITS}, or null when it is not one
   */
  static Quantity read(String s, int from, int to) {
    int length = unitLength(s, from, to);
    if (length == 0 || length == to - from) {
      return null;
    }
    Unit unit = UNITS.get(s.substring(to - length, to));
    if (unit == null) {
      return null;
    }
    double number = Leaves.parseNumber(s, from, to - length);
    return Double.isNaN(number) ? null : new Quantity(number * unit.scale(), unit.kind());
  }

  /** How many characters at the cell's end are not ASCII digits, looking at three at most. */
  private static int unitLength(String s, int from, int to) {
    int i = to;
    while (i > from && to - i < 4 && (s.charAt(i - 1) < '0' || s.charAt(i - 1) > '9')) {
      i--;
    }
    return to - i < 4 ? to - i : 0;
  }
}
