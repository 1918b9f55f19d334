package dev.headroom.compress.internal.lines;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.detect.AccessLine;
import dev.headroom.compress.internal.detect.LineSample;
import dev.headroom.compress.internal.json.JsonTrees;
import dev.headroom.compress.internal.json.RowSelector;
import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.spi.JNode;
import dev.headroom.compress.internal.text.LineTemplates;
import dev.headroom.compress.internal.text.Lines;
import dev.headroom.compress.internal.text.Relevance;
import dev.headroom.compress.internal.text.Selection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Logs and build/test output. Always kept: lines answering the query, summary lines, the first and
 * last error with its stack head, and in JSON lines the rows a JSON array's selection would keep.
 * Then, while the budget lasts: every other distinct error with its stack head, distinct warnings
 * from both ends (each with the line where its number peaked), the odd lines of a repetitive log,
 * the first and last lines, and a line of context around what was kept. The rest is counted by
 * level and by its most repeated templates in the marker.
 */
@API(status = INTERNAL, since = "0.1")
public final class LogCompressor implements ContentCompressor {

  private static final Pattern CONTINUATION =
      Pattern.compile(
          "^(?:\\s+\\S|Caused by:|goroutine \\d+ \\[|[\\w.]+(?:\\.\\(?\\*?\\w+\\)?)*\\.\\w+\\(.*\\)$"
              + "|\\.\\.\\. \\d+ more|During handling|The above exception|\\w+(?:Error|Exception)\\b)");
  static final Pattern SUMMARY =
      Pattern.compile(
          "(?i)^\\s*(?:BUILD (?:SUCCESSFUL|FAILED)|FAILURE:|Test Suites?:|Tests?:|test result:"
              + "|Ran \\d+ tests?|error: could not compile|=+ .*\\b(?:passed|failed|errors?)\\b"
              + "|\\d+ (?:tests? )?(?:passed|failed|errors?)\\b|Finished .*\\b(?:target|profile)|Total\\b|Summary\\b"
              + "|npm ERR! (?:code|errno)|\\d+ tests completed)");

  /**
   * BUILD, FAILURE, Finished, Test(s), test result, Total, Ran, error:, =…, digits, Summary, npm
   * ERR!.
   */
  static final String SUMMARY_STARTS = "bBfFtTrReEsSnN=0123456789";

  static final int STACK_HEAD = 24;

  /** Distinct warnings kept at most. */
  private static final int MAX_WARNINGS = 10;

  /** Errors kept of one template at most. */
  private static final int PER_TEMPLATE = 3;

  static final int MAX_LINE = 2_000;

  @Override
  public Optional<Candidate> compress(Input input) {
    Lines lines = Lines.split(input.text());
    int n = lines.size();
    if (n < 20) {
      return Optional.empty();
    }
    if (startsAsAccessLog(lines)) {
      Optional<Candidate> grouped = AccessLogs.compress(input);
      if (grouped.isPresent()) {
        return grouped;
      }
    }
    List<String> content = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      content.add(lines.content(i));
    }
    Selection sel = new Selection(lines);
    List<Integer> errors = new ArrayList<>();
    List<Integer> warns = new ArrayList<>();
    int[] levels = new int[n];
    for (int i = 0; i < n; i++) {
      levels[i] = Levels.of(content.get(i));
      if (levels[i] == Levels.ERROR) {
        errors.add(i);
      } else if (levels[i] == Levels.WARN) {
        warns.add(i);
      }
    }
    // Tier 0: the answer, the verdict, the first and last failure.
    for (int i : Relevance.top(input.query().within(input.text()), content, 12)) {
      keepBlock(sel, content, i);
      sel.keep(i - 1);
    }
    Matcher summary = SUMMARY.matcher("");
    for (int i = 0; i < n; i++) {
      String line = content.get(i);
      if (line.length() <= MAX_LINE && maySummarise(line) && summary.reset(line).lookingAt()) {
        sel.keep(i);
      }
    }
    if (!errors.isEmpty()) {
      keepBlock(sel, content, errors.get(0));
      keepBlock(sel, content, errors.get(errors.size() - 1));
    }
    keepJsonRows(sel, content, input);
    int budget = input.budgetChars();
    // Each line's template, once: for telling errors and warnings apart, for the odd lines and for
    // the marker's most repeated.
    String[] templates = new String[n];
    for (int i = 0; i < n; i++) {
      templates[i] = LineTemplates.of(content.get(i));
    }
    // Tier 1: every distinct error, then distinct warnings, while the budget lasts. The errors have
    // a budget of their own: lines answering the query (a build's "Building …" lines for "why does
    // the build fail") must not crowd out a second compile error. An error's template (its numbers
    // masked) may be shared by errors that differ only in numbers (unit3.c and unit7.c): up to
    // PER_TEMPLATE of each are kept, a retry loop's thousand alike ones are not.
    Map<String, Integer> seen = new HashMap<>();
    int beforeErrors = sel.keptChars();
    for (int i : errors) {
      if (sel.keptChars() - beforeErrors > budget) {
        break;
      }
      if (content.get(i).length() <= MAX_LINE
          && seen.merge(templates[i], 1, Integer::sum) <= PER_TEMPLATE) {
        keepBlock(sel, content, i);
      }
    }
    // A warning repeated with a number that moves ("disk usage at 91%") keeps the line where that
    // number peaked as well as its first.
    Map<String, Integer> peaks = new HashMap<>();
    double[] peakValues = new double[n];
    for (int i : warns) {
      if (content.get(i).length() <= MAX_LINE) {
        peakValues[i] = lastNumber(content.get(i));
        peaks.merge(templates[i], i, (a, b) -> peakValues[b] > peakValues[a] ? b : a);
      }
    }
    // From both ends in turn: a service's startup warnings (deprecations) come first and must not
    // crowd out the one its trouble later printed.
    int warnKept = 0;
    for (int k = 0; k < warns.size(); k++) {
      if (sel.keptChars() > budget || warnKept >= MAX_WARNINGS) {
        break;
      }
      int i = warns.get(k % 2 == 0 ? k / 2 : warns.size() - 1 - k / 2);
      if (content.get(i).length() <= MAX_LINE && seen.putIfAbsent(templates[i], 1) == null) {
        sel.keep(i);
        sel.keep(peaks.get(templates[i]));
        warnKept++;
      }
    }
    keepOddLines(sel, content, templates, budget / 4);
    for (int i : new int[] {0, 1, n - 2, n - 1}) {
      if (i >= 0 && i < n && content.get(i).length() <= MAX_LINE) {
        sel.keep(i);
      }
    }
    keepCommitHeads(sel, content);
    keepHeads(sel, content);
    addContext(sel, content, budget);
    if (sel.keptCount() >= n) {
      return Optional.empty();
    }
    String counts = levelCounts(levels);
    String repeated = topTemplates(sel, templates);
    // "; most repeated: …" follows the counts, or stands alone without its separator.
    String details =
        counts.isEmpty() && !repeated.isEmpty() ? repeated.substring(2) : counts + repeated;
    return Optional.of(
        new Candidate(sel.render(input.text(), input.sink(), "lines", details), "log"));
  }

  /**
   * JSON lines: when four lines in five are JSON objects, each is a row, and the rows a JSON
   * array's selection keeps for a reason ({@link RowSelector}: a 5xx or 4xx status, an error-like
   * value, a rare value, an outlier, the question's words) are kept too, whatever level the line
   * names or lacks: {@code {"status":502,"ms":30001,"msg":"upstream timeout"}} has no level word.
   */
  private static void keepJsonRows(Selection sel, List<String> content, Input input) {
    List<JNode> rows = new ArrayList<>();
    List<Integer> lineOf = new ArrayList<>();
    int nonBlank = 0;
    for (int i = 0; i < content.size(); i++) {
      String line = content.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      nonBlank++;
      if (line.startsWith("{") && line.endsWith("}") && line.length() <= MAX_LINE) {
        Optional<JNode> row = JsonTrees.parse(line);
        if (row.isPresent() && row.get() instanceof JNode.JObject) {
          rows.add(row.get());
          lineOf.add(i);
        }
      }
    }
    if (rows.size() < 8 || rows.size() * 5 < nonBlank * 4) {
      return;
    }
    BitSet important = RowSelector.select(rows, input.query()).important();
    for (int k = important.nextSetBit(0); k >= 0; k = important.nextSetBit(k + 1)) {
      sel.keep(lineOf.get(k));
    }
  }

  /** How many of {@code git log}'s newest commits keep their heads whatever is asked. */
  static final int NEWEST_COMMITS = 10;

  /** The longest head a commit has: commit, Merge, Author, AuthorDate, Commit, CommitDate. */
  static final int COMMIT_HEAD_LINES = 6;

  /**
   * {@code git log}: every commit any line of which is kept keeps its head — the {@code commit}
   * line with its hash, the header lines under it and its subject — so that a kept line of a
   * message says which commit it belongs to; the newest {@link #NEWEST_COMMITS} keep theirs too.
   */
  private static void keepCommitHeads(Selection sel, List<String> content) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < content.size(); i++) {
      if (LineSample.isCommitLine(content.get(i))) {
        starts.add(i);
      }
    }
    if (starts.size() < 3) {
      return;
    }
    starts.add(content.size());
    for (int r = 0; r + 1 < starts.size(); r++) {
      int from = starts.get(r);
      int to = starts.get(r + 1);
      boolean touched = r < NEWEST_COMMITS;
      for (int i = from; i < to && !touched; i++) {
        touched = sel.isKept(i);
      }
      if (!touched) {
        continue;
      }
      // The head: the commit line and its headers up to the blank line (six lines at most, as
      // --format=fuller prints them; a log that only mentions commits has no such head), then the
      // subject.
      int i = from;
      while (i < to && i - from < COMMIT_HEAD_LINES && !content.get(i).isBlank()) {
        sel.keep(i++);
      }
      if (i < to && !content.get(i).isBlank()) {
        continue;
      }
      while (i < to && content.get(i).isBlank()) {
        i++;
      }
      if (i < to) {
        sel.keep(i);
      }
    }
  }

  /**
   * The number a line ends with, maybe before a unit of up to three characters ({@code 91} in
   * {@code disk usage at 91%}, {@code 2874} in {@code took 2874ms}), or negative infinity when it
   * ends otherwise: a measurement, not a column number in the middle of a message.
   */
  static double lastNumber(String line) {
    int end = line.length();
    while (end > 0 && !isDigit(line.charAt(end - 1)) && line.length() - end < 3) {
      end--;
    }
    if (end == 0 || !isDigit(line.charAt(end - 1))) {
      return Double.NEGATIVE_INFINITY;
    }
    int start = end;
    while (start > 0 && (isDigit(line.charAt(start - 1)) || line.charAt(start - 1) == '.')) {
      start--;
    }
    while (start < end && line.charAt(start) == '.') {
      start++; // "v.12": the dot is no decimal point
    }
    try {
      return Double.parseDouble(line.substring(start, end));
    } catch (NumberFormatException e) {
      return Double.NEGATIVE_INFINITY; // 1.2.3: a version, no number
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Lines kept as odd ones out of a repetitive log, at most. */
  private static final int MAX_ODD = 20;

  /**
   * The odd lines of a repetitive log: where most lines repeat a few templates (a batch job's
   * progress, a health check: ten lines or more to a template on average), each line whose template
   * is seen once — the one {@code skipped 3 rows} among six hundred {@code batch committed}. A log
   * of mostly different lines has nothing odd to single out.
   */
  private static void keepOddLines(
      Selection sel, List<String> content, String[] templates, int budget) {
    String[] counted = new String[templates.length];
    for (int i = 0; i < templates.length; i++) {
      String line = content.get(i);
      counted[i] = line.isBlank() || line.length() > MAX_LINE ? null : templates[i];
    }
    int before = sel.keptChars();
    int kept = 0;
    for (int i : LineTemplates.rare(counted, 10, 1)) {
      if (kept >= MAX_ODD || sel.keptChars() - before > budget) {
        return;
      }
      kept += sel.keep(i) ? 1 : 0;
    }
  }

  /**
   * Keeps the head of every kept indented line: the nearest line above it that is indented less,
   * and that line's head in turn — the file an eslint finding is listed under, the thread a jstack
   * frame belongs to, the section of a {@code kubectl describe}. Without it a kept line says what
   * happened but not where. Blank lines head nothing; a tab indents as much as a space.
   */
  static void keepHeads(Selection sel, List<String> content) {
    int n = content.size();
    int[] head = new int[n];
    int[] indents = new int[n];
    int[] open = new int[n]; // the lines that may head what follows, indented less and less upward
    int depth = 0;
    for (int i = 0; i < n; i++) {
      String line = content.get(i);
      head[i] = -1;
      if (line.isBlank()) {
        continue;
      }
      indents[i] = CodeCompressor.indentOf(line);
      while (depth > 0 && indents[open[depth - 1]] >= indents[i]) {
        depth--;
      }
      head[i] = depth > 0 ? open[depth - 1] : -1;
      open[depth++] = i;
    }
    // From the last line up: a head kept here is itself visited later, so its own head is kept too.
    for (int i = n - 1; i >= 0; i--) {
      if (sel.isKept(i) && head[i] >= 0 && content.get(head[i]).length() <= MAX_LINE) {
        sel.keep(head[i]);
      }
    }
  }

  /** Whether most of the first ten non-blank lines are web access-log requests. */
  private static boolean startsAsAccessLog(Lines lines) {
    int seen = 0;
    int requests = 0;
    for (int i = 0; i < lines.size() && seen < 10; i++) {
      String line = lines.content(i);
      if (!line.isBlank()) {
        seen++;
        requests += AccessLine.parse(line) == null ? 0 : 1;
      }
    }
    return requests * 2 > seen;
  }

  /**
   * A necessary condition for {@link #SUMMARY}: its first character after ASCII white space is one
   * its alternatives can start with (ASCII letters in either case, as its {@code (?i)} matches),
   * and a digit there starts digits and a space (its two counting alternatives, {@code \\d+ …}),
   * which rules out timestamps and the other numbers log lines begin with.
   */
  static boolean maySummarise(String line) {
    int i = 0;
    int n = line.length();
    while (i < n && (line.charAt(i) == ' ' || line.charAt(i) >= '\t' && line.charAt(i) <= '\r')) {
      i++;
    }
    if (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
      while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
        i++;
      }
      return i < n && line.charAt(i) == ' ';
    }
    return i < n && SUMMARY_STARTS.indexOf(line.charAt(i)) >= 0;
  }

  /** Keeps line {@code i} and the head of the stack trace or indented block that follows it. */
  static void keepBlock(Selection sel, List<String> content, int i) {
    sel.keep(i);
    int j = i + 1;
    int kept = 0;
    while (j < content.size() && kept < STACK_HEAD) {
      if (!CONTINUATION.matcher(content.get(j)).lookingAt() && !continuesWithin(content, j, 2)) {
        return;
      }
      if (content.get(j).length() <= MAX_LINE) {
        sel.keep(j);
      }
      kept++;
      j++;
    }
  }

  /**
   * A line that is not a frame still belongs to the trace if one follows within {@code ahead}
   * lines.
   */
  private static boolean continuesWithin(List<String> content, int j, int ahead) {
    for (int k = j + 1; k <= j + ahead && k < content.size(); k++) {
      String line = content.get(k);
      if (CONTINUATION.matcher(line).lookingAt() && !line.isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static void addContext(Selection sel, List<String> content, int budget) {
    int n = content.size();
    List<Integer> anchors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (sel.isKept(i)) {
        anchors.add(i);
      }
    }
    for (int i : anchors) {
      if (sel.keptChars() > budget) {
        return;
      }
      for (int j : new int[] {i - 1, i + 1}) {
        if (j >= 0 && j < n && content.get(j).length() <= 400) {
          sel.keep(j);
        }
      }
    }
  }

  private static String levelCounts(int[] levels) {
    int[] counts = new int[Levels.ERROR + 1];
    for (int level : levels) {
      counts[level]++;
    }
    StringBuilder sb = new StringBuilder();
    String[] names = {"", "DEBUG/TRACE", "INFO", "WARN", "ERROR"};
    for (int k = Levels.ERROR; k > Levels.NONE; k--) {
      if (counts[k] > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(counts[k]).append(' ').append(names[k]);
      }
    }
    return sb.toString();
  }

  private static String topTemplates(Selection sel, String[] templates) {
    List<String> omitted = new ArrayList<>();
    for (int i = 0; i < templates.length; i++) {
      if (!sel.isKept(i)) {
        omitted.add(templates[i]);
      }
    }
    List<String> top = LineTemplates.top(omitted, 3, 5);
    return top.isEmpty() ? "" : "; most repeated: " + String.join(", ", top);
  }
}
