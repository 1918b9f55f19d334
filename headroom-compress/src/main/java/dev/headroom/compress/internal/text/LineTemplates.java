package dev.headroom.compress.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Masks the variable parts of a line (numbers, hex ids, timestamps) so that repeated lines of one
 * kind share a template, and summarises omitted lines by their most frequent templates.
 */
@API(status = INTERNAL, since = "0.1")
public final class LineTemplates {

  private static final int PREFIX = 72;

  private LineTemplates() {}

  /**
   * @param line any line
   * @return the line with digit runs and long hex/alphanumeric ids replaced by {@code #}, cut to 72
   *     chars
   */
  public static String of(String line) {
    int n = line.length();
    // The template is never longer than the line; it ends past PREFIX only by the word that crosses
    // it.
    char[] out = new char[Math.min(n, 2 * PREFIX)];
    int length = 0;
    int i = 0;
    while (i < n && length < PREFIX) {
      char c = line.charAt(i);
      if (!isLetterOrDigit(c)) {
        out[length++] = c == '>' ? ')' : c;
        i++;
        continue;
      }
      int j = i;
      boolean digit = false;
      while (j < n) {
        char d = line.charAt(j);
        if (d < 128) {
          if (d >= '0' && d <= '9') {
            digit = true;
          } else if (!(d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' || d == '_')) {
            break;
          }
        } else if (Character.isLetterOrDigit(d)) {
          digit |= Character.isDigit(d);
        } else {
          break;
        }
        j++;
      }
      if (digit) {
        out[length++] = '#';
      } else {
        if (length + (j - i) > out.length) {
          out = Arrays.copyOf(out, length + (j - i));
        }
        line.getChars(i, j, out, length);
        length += j - i;
      }
      i = j;
    }
    // String.strip: white space is never a surrogate, so char by char is code point by code point.
    int from = 0;
    while (from < length && Character.isWhitespace(out[from])) {
      from++;
    }
    while (length > from && Character.isWhitespace(out[length - 1])) {
      length--;
    }
    return new String(out, from, length - from);
  }

  private static boolean isLetterOrDigit(char c) {
    return c < 128
        ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        : Character.isLetterOrDigit(c);
  }

  /**
   * The odd ones out of a repetitive list: where most lines repeat a few templates — {@code
   * minRepeat} lines or more to a template on average (a batch job's progress, a linter's {@code
   * E501}s) — the first line of each template seen at most {@code rareMax} times, rarest first,
   * then in order. A list of mostly different lines (a code search, prose) has none.
   *
   * @param templates each line's template ({@link #of}), null for a line that does not count
   * @param minRepeat how many lines a template has on average, at least, in a repetitive list
   * @param rareMax how often a rare template is seen, at most
   * @return the lines, as indices into {@code templates}
   */
  public static List<Integer> rare(String[] templates, int minRepeat, int rareMax) {
    Map<String, int[]> counts = new HashMap<>(); // a template's first line and count
    int lines = 0;
    for (int i = 0; i < templates.length; i++) {
      if (templates[i] != null) {
        lines++;
        int at = i;
        counts.computeIfAbsent(templates[i], t -> new int[] {at, 0})[1]++;
      }
    }
    if ((long) counts.size() * minRepeat > lines) {
      return List.of();
    }
    List<int[]> rare = new ArrayList<>();
    for (int[] template : counts.values()) {
      if (template[1] <= rareMax) {
        rare.add(template);
      }
    }
    rare.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
    List<Integer> out = new ArrayList<>(rare.size());
    for (int[] template : rare) {
      out.add(template[0]);
    }
    return out;
  }

  /**
   * @param templates the omitted lines' templates ({@link #of})
   * @param max how many templates to name
   * @param minCount the fewest repetitions worth naming
   * @return {@code "template" ×count} parts, most frequent first
   */
  public static List<String> top(List<String> templates, int max, int minCount) {
    Map<String, Integer> counts = new HashMap<>();
    for (String template : templates) {
      counts.merge(template, 1, Integer::sum);
    }
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .filter(e -> e.getValue() >= minCount && !e.getKey().isEmpty())
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(max)
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    List<String> out = new ArrayList<>();
    sorted.forEach((t, c) -> out.add("\"" + t + "\" x" + c));
    return out;
  }
}
