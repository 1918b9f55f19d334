package dev.headroom.compress.internal.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The line-number gutters of file reads: {@code cat -n} and the file-read tools of coding agents (a
 * right-aligned number and a tab), and editors' {@code 12: } and {@code 12 | } forms. A gutter is a
 * column of the read, not of a table: it is taken off before the content is judged.
 */
@API(status = INTERNAL, since = "0.1")
public final class Gutters {

  private Gutters() {}

  /**
   * @param line a line
   * @return the length of its gutter ({@code " 12\t"}, {@code "12: "}, {@code "12 | "}), or 0
   */
  public static int length(String line) {
    int i = 0;
    int n = line.length();
    while (i < n && line.charAt(i) == ' ') {
      i++;
    }
    int digits = i;
    while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
      i++;
    }
    if (i == digits || i - digits > 7) {
      return 0;
    }
    if (i < n && (line.charAt(i) == '\t' || line.charAt(i) == '\u2192')) {
      return i + 1;
    }
    if (i + 1 < n && line.charAt(i) == ':' && line.charAt(i + 1) == ' ') {
      return i + 2;
    }
    if (i + 2 < n && line.charAt(i) == ' ' && line.charAt(i + 1) == '|') {
      return line.charAt(i + 2) == ' ' ? i + 3 : i + 2;
    }
    if (i == n || i + 1 == n && line.charAt(i) == ':') {
      return n; // a numbered blank line
    }
    return 0;
  }

  /**
   * @param lines sampled lines
   * @return whether they are a numbered read: nearly every line has a gutter, and the numbers count
   *     up one by one
   */
  static boolean numbered(List<String> lines) {
    int gutters = 0;
    int steps = 0;
    long previous = -1;
    for (String line : lines) {
      int length = length(line);
      if (length == 0) {
        continue;
      }
      gutters++;
      long number = Long.parseLong(line.substring(0, length).replaceAll("[^0-9]", ""));
      if (number == previous + 1) {
        steps++;
      }
      previous = number;
    }
    return lines.size() >= 5 && gutters * 10 >= lines.size() * 9 && steps * 10 >= gutters * 8;
  }

  /**
   * @param lines lines of a numbered read
   * @return the same lines without their gutters
   */
  static List<String> strip(List<String> lines) {
    List<String> stripped = new ArrayList<>(lines.size());
    for (String line : lines) {
      stripped.add(line.substring(length(line)));
    }
    return stripped;
  }
}
