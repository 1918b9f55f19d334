package dev.headroom.compress.internal.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Line statistics over the first lines of a text, for the line-oriented detection rules. */
public final class LineSample {

  /**
   * {@code [rev:]path:line:} where the path has a directory or an extension and is not a timestamp:
   * {@code 2024-05-01T00:00:19Z} and logfmt {@code ts=…} never qualify.
   */
  public static final Pattern GREP = Pattern.compile(
      "^(?:[^\\s:]+:)?(?:[A-Za-z]:)?([^\\s:=,\"'<>|]+):(\\d+)[:-]");
  private static final Pattern PATH_LIKE = Pattern.compile("[/\\\\]|\\.[A-Za-z][A-Za-z0-9]{0,7}$");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern BARE_PATH = Pattern.compile("^\\.{0,2}/[^\\t]*[^/\\s]$");
  private static final Pattern LOG = Pattern.compile(
      "\\b(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|CRITICAL|SEVERE|PANIC|FAILED|PASSED|SKIPPED)\\b"
          + "|(?i:\\blevel=|\"level\":|\\bpanic:|^goroutine \\d+|^\\s+at \\S|^\\s*Traceback|^\\s*error(?:\\[E\\d+\\])?:"
          + "|^\\s*warning:|^\\s*(?:Compiling|Finished|Running|Downloaded|BUILD|> Task))"
          + "|^\\[?\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}|^\\[?\\d{2}:\\d{2}:\\d{2}"
          + "|^[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} ");
  private static final Pattern LS_LONG = Pattern.compile("^[-dlcbps][rwxsStT-]{9}[.@+]?\\s+\\d+\\s");
  private static final Pattern ALIGNED_GAP = Pattern.compile("\\S {2,}(?=\\S)");
  private static final Pattern PSQL_RULE = Pattern.compile("^[+|]?-{2,}[+-][-+]*[+|]?$|^\\+-+\\+");

  private final List<String> lines;

  LineSample(List<String> lines) {
    this.lines = lines;
  }

  /** Splits off the first {@code max} non-blank lines, without a trailing CR. */
  static List<String> of(String content, int max) {
    List<String> out = new ArrayList<>(Math.min(max, 64));
    int pos = 0;
    int n = content.length();
    while (pos < n && out.size() < max) {
      int nl = content.indexOf('\n', pos);
      int end = nl < 0 ? n : nl;
      int e = end > pos && content.charAt(end - 1) == '\r' ? end - 1 : end;
      // Very long lines are judged on their start; a 100 KB minified line is not worth copying.
      String line = content.substring(pos, Math.min(e, pos + 2_000));
      if (!line.isBlank()) {
        out.add(line);
      }
      pos = nl < 0 ? n : nl + 1;
    }
    return out;
  }

  boolean isDiff(Pattern header) {
    for (String line : lines) {
      if (header.matcher(line).lookingAt()) {
        return true;
      }
    }
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).startsWith("--- ") && lines.get(i + 1).startsWith("+++ ")) {
        return true;
      }
    }
    return false;
  }

  double searchRatio() {
    int hits = 0;
    for (String line : lines) {
      if (isGrepLine(line)) {
        hits++;
      }
    }
    return ratio(hits);
  }

  public static boolean isGrepLine(String line) {
    var m = GREP.matcher(line);
    if (!m.lookingAt()) {
      return false;
    }
    String path = m.group(1);
    return PATH_LIKE.matcher(path).find() && !DATE.matcher(path).find();
  }

  double pathRatio() {
    int hits = 0;
    for (String line : lines) {
      if (BARE_PATH.matcher(line).matches()) {
        hits++;
      }
    }
    return lines.size() < 3 ? 0 : ratio(hits);
  }

  double logRatio() {
    int hits = 0;
    for (String line : lines) {
      if (LOG.matcher(line).find()) {
        hits++;
      }
    }
    return ratio(hits);
  }

  double jsonLineRatio() {
    int hits = 0;
    for (String line : lines) {
      String t = line.strip();
      if (t.startsWith("{") && t.endsWith("}")) {
        hits++;
      }
    }
    return lines.size() < 2 ? 0 : ratio(hits);
  }

  /** CSV, TSV, semicolon- or pipe-separated, or a psql table with rule lines. */
  boolean isDelimitedTable() {
    if (lines.size() < 3) {
      return false;
    }
    int rules = 0;
    for (String line : lines) {
      if (PSQL_RULE.matcher(line.strip()).lookingAt()) {
        rules++;
      }
    }
    if (rules >= 1 && consistent('|', 0.8)) {
      return true;
    }
    return consistent(',', 0.9) || consistent('\t', 0.9) || consistent(';', 0.9);
  }

  /** {@code ls -l} / {@code ls -la}: permission strings, link counts, owners, sizes. */
  boolean isLongListing() {
    int hits = 0;
    int considered = 0;
    for (String line : lines) {
      if (line.startsWith("total ")) {
        continue;
      }
      considered++;
      if (LS_LONG.matcher(line).lookingAt()) {
        hits++;
      }
    }
    return considered >= 3 && hits >= 0.8 * considered;
  }

  /** Whitespace-aligned columns with a header ({@code kubectl get}, {@code ps}, {@code docker ps}). */
  boolean isAlignedTable() {
    if (lines.size() < 3) {
      return false;
    }
    int header = gaps(lines.get(0));
    if (header < 2) {
      return false;
    }
    int hits = 0;
    for (String line : lines) {
      if (gaps(line) >= Math.max(1, header - 2)) {
        hits++;
      }
    }
    return ratio(hits) >= 0.8;
  }

  private static int gaps(String line) {
    int n = 0;
    var m = ALIGNED_GAP.matcher(line);
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The most common count of {@code delimiter} (outside quotes) is > 0 and shared by most lines. */
  private boolean consistent(char delimiter, double share) {
    Map<Integer, Integer> freq = new HashMap<>();
    for (String line : lines) {
      freq.merge(count(line, delimiter), 1, Integer::sum);
    }
    int best = 0;
    int bestFreq = 0;
    for (var e : freq.entrySet()) {
      if (e.getValue() > bestFreq || (e.getValue() == bestFreq && e.getKey() > best)) {
        best = e.getKey();
        bestFreq = e.getValue();
      }
    }
    if (best == 0 || (double) bestFreq / lines.size() < share) {
      return false;
    }
    // Prose has commas too; cells of a real table are short.
    double words = 0;
    for (String line : lines) {
      words += line.split("\\s+").length;
    }
    return words / lines.size() / (best + 1) <= 3.0;
  }

  private static int count(String line, char delimiter) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        n++;
      }
    }
    return n;
  }

  private double ratio(int hits) {
    return lines.isEmpty() ? 0 : (double) hits / lines.size();
  }
}
