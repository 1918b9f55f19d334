package dev.headroom.compress.internal.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * An ISO 8601 date or date-time as seconds since the epoch, so that the row statistics see a time
 * far from its column's others: the one backup taken three months before the rest, the certificate
 * that expired, the host last seen a week ago. {@code 2026-12-07}, {@code 2026-12-07T14:02}, {@code
 * 2026-12-07 14:02:11.123}, each with {@code Z} or an offset ({@code +01:00}, {@code -0500}) or
 * none; nothing else, and nothing around it.
 */
@API(status = INTERNAL, since = "0.1")
final class Timestamps {

  private Timestamps() {}

  /**
   * @param s a text
   * @param from where the value starts
   * @param to where it ends
   * @return the seconds since 1970-01-01T00:00Z (an offset applied, none taken as UTC), or NaN
   */
  static double seconds(String s, int from, int to) {
    if (to - from < 10 || to - from > 35 || !isDate(s, from)) {
      return Double.NaN;
    }
    long day;
    try {
      day =
          LocalDate.of(number(s, from, 4), number(s, from + 5, 2), number(s, from + 8, 2))
              .toEpochDay();
    } catch (DateTimeException invalid) {
      return Double.NaN;
    }
    int i = from + 10;
    if (i == to) {
      return day * 86_400.0;
    }
    char separator = s.charAt(i);
    if ((separator != 'T' && separator != ' ')
        || i + 6 > to
        || !digits(s, i + 1, 2)
        || s.charAt(i + 3) != ':'
        || !digits(s, i + 4, 2)) {
      return Double.NaN;
    }
    int hour = number(s, i + 1, 2);
    int minute = number(s, i + 4, 2);
    if (hour > 23 || minute > 59) {
      return Double.NaN;
    }
    double seconds = hour * 3_600 + minute * 60;
    i += 6;
    if (i < to && s.charAt(i) == ':') {
      if (i + 3 > to || !digits(s, i + 1, 2) || number(s, i + 1, 2) > 60) {
        return Double.NaN;
      }
      seconds += number(s, i + 1, 2);
      i += 3;
      if (i < to && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        int start = ++i;
        double scale = 0.1;
        while (i < to && isDigit(s.charAt(i))) {
          seconds += (s.charAt(i) - '0') * scale;
          scale /= 10;
          i++;
        }
        if (i == start) {
          return Double.NaN;
        }
      }
    }
    if (i == to) {
      return day * 86_400.0 + seconds;
    }
    char zone = s.charAt(i);
    if (zone == 'Z') {
      return i + 1 == to ? day * 86_400.0 + seconds : Double.NaN;
    }
    if ((zone != '+' && zone != '-') || !digits(s, i + 1, 2)) {
      return Double.NaN;
    }
    int hours = number(s, i + 1, 2);
    int at = i + 3;
    if (at < to && s.charAt(at) == ':') {
      at++;
    }
    int minutes = 0;
    if (at < to) {
      if (at + 2 != to || !digits(s, at, 2)) {
        return Double.NaN;
      }
      minutes = number(s, at, 2);
    } else if (at != to || s.charAt(at - 1) == ':') {
      return Double.NaN;
    }
    int offset = (hours * 3_600 + minutes * 60) * (zone == '+' ? 1 : -1);
    return day * 86_400.0 + seconds - offset;
  }

  /** {@code \d{4}-\d{2}-\d{2}} at {@code from}. */
  private static boolean isDate(String s, int from) {
    return digits(s, from, 4)
        && s.charAt(from + 4) == '-'
        && digits(s, from + 5, 2)
        && s.charAt(from + 7) == '-'
        && digits(s, from + 8, 2);
  }

  private static boolean digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int k = from; k < from + count; k++) {
      if (!isDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int count) {
    int value = 0;
    for (int k = from; k < from + count; k++) {
      value = value * 10 + (s.charAt(k) - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
