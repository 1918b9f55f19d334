package dev.headroom.compress.internal.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks the variable parts of a line (numbers, hex ids, timestamps) so that repeated lines of one
 * kind share a template, and summarises omitted lines by their most frequent templates.
 */
public final class LineTemplates {

  private static final int PREFIX = 72;

  private LineTemplates() {}

  /**
   * @param line any line
   * @return the line with digit runs and long hex/alphanumeric ids replaced by {@code #}, cut to 72 chars
   */
  public static String of(String line) {
    StringBuilder sb = new StringBuilder(Math.min(line.length(), PREFIX));
    int i = 0;
    int n = line.length();
    while (i < n && sb.length() < PREFIX) {
      char c = line.charAt(i);
      if (isLetterOrDigit(c)) {
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
          sb.append('#');
        } else {
          sb.append(line, i, j);
        }
        i = j;
      } else {
        sb.append(c == '>' ? ')' : c);
        i++;
      }
    }
    return sb.toString().strip();
  }

  private static boolean isLetterOrDigit(char c) {
    return c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c);
  }

  /**
   * @param lines omitted lines
   * @param max how many templates to name
   * @param minCount the fewest repetitions worth naming
   * @return {@code "template" ×count} parts, most frequent first
   */
  public static List<String> top(List<String> lines, int max, int minCount) {
    Map<String, Integer> counts = new HashMap<>();
    for (String line : lines) {
      counts.merge(of(line), 1, Integer::sum);
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
