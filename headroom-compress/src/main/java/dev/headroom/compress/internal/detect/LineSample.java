package dev.headroom.compress.internal.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** Line statistics over the first lines of a text, for the line-oriented detection rules. */
@API(status = INTERNAL, since = "0.1")
public final class LineSample {

  /**
   * {@code [rev:]path:line:} where the path has a directory or an extension and is not a timestamp:
   * {@code 2024-05-01T00:00:19Z} and logfmt {@code ts=…} never qualify.
   */
  public static final Pattern GREP =
      Pattern.compile(
          "^(?:[^\\s:]+:)?(?:[A-Za-z]:)?([^\\s:=,\"'<>|]*[^\\s:=,\"'<>|0-9][^\\s:=,\"'<>|]*):(\\d+)[:-]");

  static final Pattern PATH_LIKE = Pattern.compile("[/\\\\]|\\.[A-Za-z][A-Za-z0-9]{0,7}$");
  static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  static final Pattern LOG =
      Pattern.compile(
          "\\b(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|CRITICAL|SEVERE|PANIC|FAILED|PASSED|SKIPPED)\\b"
              + "|(?i:\\blevel=|\"level\":|\\bpanic:|^goroutine \\d+|^\\s+at \\S|^\\s*Traceback|^\\s*error(?:\\[E\\d+\\])?:"
              + "|^\\s*warning:|^\\s*(?:Compiling|Finished|Running|Downloaded|BUILD|> Task)"
              + "|^\\s*npm (?:warn|error|err!|notice) |^\\s*(?:Collecting|Downloading) \\S)"
              + "|^\\[?\\d{4}[-/]\\d{2}[-/]\\d{2}[T ]\\d{2}:\\d{2}|^\\[?\\d{2}:\\d{2}:\\d{2}"
              + "|^[IWEF]\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}|^(?:info|warn|fail|crit|dbug|trce): "
              + "|^commit [0-9a-f]{7,40}(?: |\\z)|^(?:Author: |Date:   )"
              + "|^test\\S* .* \\.\\.\\. (?:ok|FAIL|ERROR|ignored|skipped)"
              + "|^[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} "
              + "|^\\[ *\\d+\\.\\d{6}\\]|^#\\d+ (?:\\d+\\.\\d+ |\\[|DONE |CACHED|ERROR)"
              + "|^\\s+[\u2713\u2714\u2715\u2717\u2718\u00d7\u221a] |^(?:PASS|FAIL)(?:\\s|\\z)"
              + "|^\\s*--- (?:PASS|FAIL|SKIP): |^=== (?:RUN|PAUSE|CONT|NAME) ");
  private static final Pattern LS_LONG =
      Pattern.compile("^[-dlcbps][rwxsStT-]{9}[.@+]?\\s+\\d+\\s");
  private static final Pattern ALIGNED_GAP = Pattern.compile("\\S {2,}(?=\\S)");
  private static final Pattern PSQL_RULE = Pattern.compile("^[+|]?-{2,}[+-][-+]*[+|]?$|^\\+-+\\+");

  /** A Markdown table's delimiter row, two columns or more: {@code |---|:--:|---:|}. */
  private static final Pattern MARKDOWN_RULE =
      Pattern.compile("^\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)+\\|?$");

  /**
   * The alternatives of {@link #LOG} anchored at the line's start after optional white space (case
   * aside): tried at one position only, where {@code LOG.find()} tries them at every one.
   */
  private static final Pattern LOG_START =
      Pattern.compile(
          "(?i:goroutine \\d|\\s+at \\S|\\s*Traceback|\\s*error(?:\\[E\\d+\\])?:|\\s*warning:"
              + "|\\s*(?:Compiling|Finished|Running|Downloaded|BUILD|> Task)"
              + "|\\s*npm (?:warn|error|err!|notice) |\\s*(?:Collecting|Downloading) \\S)");

  /** The alternatives of {@link #LOG} that may match anywhere in a line: level words and fields. */
  private static final Pattern LOG_WORD =
      Pattern.compile(
          "\\b(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|CRITICAL|SEVERE|PANIC|FAILED|PASSED|SKIPPED)\\b"
              + "|(?i:\\blevel=|\"level\":|\\bpanic:)");

  /** {@link #ASCII_KIND}: an ASCII letter, digit or '_'. */
  private static final byte WORD_CHAR = 1;

  /** {@link #ASCII_KIND}: a character {@link #mayStartLogWord} looks further at. */
  private static final byte MAY_START = 2;

  /** {@link #WORD_CHAR} and {@link #MAY_START} by ASCII character: one load in the scan's loop. */
  private static final byte[] ASCII_KIND = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      ASCII_KIND[c] =
          (byte)
              ((word || c == '_' ? WORD_CHAR : 0)
                  | ("EWIDTFCSPpLl\"".indexOf(c) >= 0 ? MAY_START : 0));
    }
  }

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

  /**
   * @param header {@code Detectors}' diff header pattern, whose every alternative begins with
   *     {@code "diff --"} or {@code "@@ -"}: other lines are not matched against it
   */
  boolean isDiff(Pattern header) {
    for (String line : lines) {
      if ((line.startsWith("diff --") || line.startsWith("@@ -"))
          && header.matcher(line).lookingAt()) {
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

  /**
   * @param line a line without its terminator
   * @return whether it is a grep hit ({@link #GREP}) whose path has a directory or an extension
   *     ({@link #PATH_LIKE}) and holds no date ({@link #DATE}); read by {@link GrepLine}, which
   *     finds what these regexes find
   */
  public static boolean isGrepLine(String line) {
    return GrepLine.isHit(line);
  }

  double pathRatio() {
    int hits = 0;
    for (String line : lines) {
      if (isBarePath(line)) {
        hits++;
      }
    }
    return lines.size() < 3 ? 0 : ratio(hits);
  }

  /**
   * {@code ^\.{0,2}/[^\t]*[^/\s]$} over the whole line, without the regex (which backtracks through
   * a comment line of code character by character): up to two dots, a slash, then no tab, and a
   * last character after the slash that is neither a slash nor ASCII white space.
   */
  static boolean isBarePath(String line) {
    int n = line.length();
    int slash = 0;
    while (slash < 2 && slash < n && line.charAt(slash) == '.') {
      slash++;
    }
    if (n - slash < 2 || line.charAt(slash) != '/') {
      return false;
    }
    char last = line.charAt(n - 1);
    return last != '/' && !isAsciiSpace(last) && line.indexOf('\t', slash + 1) < 0;
  }

  /**
   * @return the share of sampled lines that are web access-log requests
   */
  double accessLogRatio() {
    int hits = 0;
    for (String line : lines) {
      if (AccessLine.parse(line) != null) {
        hits++;
      }
    }
    return ratio(hits);
  }

  double logRatio() {
    int hits = 0;
    for (String line : lines) {
      if (isLogLine(line)) {
        hits++;
      }
    }
    return ratio(hits);
  }

  /**
   * A sufficient condition for {@link #LOG} to find something: the line starts the way its two
   * timestamp alternatives do, {@code ^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}} or {@code
   * ^\[?\d{2}:\d{2}:\d{2}}. Most log lines do, and the regex (whose {@code find} tries every
   * alternative at every position until one matches) is then not run at all.
   */
  static boolean startsWithTimestamp(String line) {
    int i = !line.isEmpty() && line.charAt(0) == '[' ? 1 : 0;
    return matchesAt(line, i, "dddd?dd?dd?dd:dd")
            && isDateSeparator(line.charAt(i + 4))
            && isDateSeparator(line.charAt(i + 7))
            && (line.charAt(i + 10) == 'T' || line.charAt(i + 10) == ' ')
        || matchesAt(line, i, "dd:dd:dd");
  }

  /**
   * {@code git log}'s head of a commit: {@code commit} and its hash (7 to 40 hex digits, lower
   * case), {@code Author: }, {@code Date: }.
   */
  private static boolean isCommitHeader(String line) {
    return line.startsWith("Author: ") || line.startsWith("Date:   ") || isCommitLine(line);
  }

  /**
   * @param line a line
   * @return whether it is {@code git log}'s {@code commit} line: {@code commit}, a space and a hash
   *     of 7 to 40 lower-case hex digits, then the end of the line or a space (before the refs)
   */
  public static boolean isCommitLine(String line) {
    if (!line.startsWith("commit ")) {
      return false;
    }
    int i = 7;
    while (i < line.length()
        && (isAsciiDigit(line.charAt(i)) || line.charAt(i) >= 'a' && line.charAt(i) <= 'f')) {
      i++;
    }
    return i - 7 >= 7 && i - 7 <= 40 && (i == line.length() || line.charAt(i) == ' ');
  }

  /** ISO's {@code 2024-06-11}, or nginx's error log's {@code 2024/06/11}. */
  private static boolean isDateSeparator(char c) {
    return c == '-' || c == '/';
  }

  /**
   * A level before anything else: klog's ({@code E0611 14:02:11.123456}, Kubernetes components and
   * Go services that use it), or .NET's console logger's ({@code fail: }, {@code info: } …).
   */
  private static boolean startsWithLevelPrefix(String line) {
    if (line.length() < 6) {
      return false;
    }
    if (klogLevel(line) != 0) {
      return true;
    }
    if (line.charAt(4) != ':' || line.charAt(5) != ' ') {
      return false;
    }
    return line.startsWith("info")
        || line.startsWith("warn")
        || line.startsWith("fail")
        || line.startsWith("crit")
        || line.startsWith("dbug")
        || line.startsWith("trce");
  }

  /**
   * @param line a line
   * @return klog's level letter when the line starts with its header ({@code I}, {@code W}, {@code
   *     E} or {@code F}, then {@code MMDD hh:mm:ss.uuuuuu}), else 0
   */
  public static char klogLevel(String line) {
    char first = line.isEmpty() ? 0 : line.charAt(0);
    return (first == 'I' || first == 'W' || first == 'E' || first == 'F')
            && matchesAt(line, 1, "dddd dd:dd:dd.dddddd")
        ? first
        : 0;
  }

  /**
   * Whether {@code line} from {@code i} has an ASCII digit where {@code shape} has 'd', any
   * character where it has '?', and elsewhere the same character.
   */
  private static boolean matchesAt(String line, int i, String shape) {
    if (line.length() - i < shape.length()) {
      return false;
    }
    for (int k = 0; k < shape.length(); k++) {
      char want = shape.charAt(k);
      char c = line.charAt(i + k);
      if (want == 'd' ? c < '0' || c > '9' : want != '?' && c != want) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@link #LOG} finds something in {@code line}, answered without running its {@code find}
   * over a line that cannot hold a match: the timestamp and syslog starts are checked by hand, the
   * other anchored alternatives at the start only ({@link #LOG_START}), and the level words and
   * fields ({@link #LOG_WORD}) only where one of their words begins ({@link #holdsLogWord}). A long
   * line of prose that {@code find} took tens of microseconds over costs one pass.
   */
  static boolean isLogLine(String line) {
    return startsWithTimestamp(line)
        || startsWithSyslogTime(line)
        || startsWithKernelTime(line)
        || startsWithLevelPrefix(line)
        || isCommitHeader(line)
        || startsWithBuildStep(line)
        || isTestResult(line)
        || mayStartLogLine(line) && LOG_START.matcher(line).lookingAt()
        || holdsLogWord(line);
  }

  /**
   * A necessary condition for {@link #LOG_START} to match: the word one of its alternatives begins
   * with, in any case, after ASCII white space ({@code \s}). Most lines of prose start with none of
   * them, and the regex is not run.
   */
  private static boolean mayStartLogLine(String line) {
    int i = 0;
    while (i < line.length() && isAsciiSpace(line.charAt(i))) {
      i++;
    }
    if (i == line.length()) {
      return false;
    }
    // The regex folds ASCII case only: an alternative's first letter is that letter or its capital.
    String start =
        switch (line.charAt(i) | 0x20) {
          case 'g' -> "goroutine ";
          case 'a' -> "at ";
          case 't' -> "traceback";
          case 'e' -> "error";
          case 'w' -> "warning:";
          case 'c' ->
              line.regionMatches(true, i, "collecting ", 0, 11) ? "collecting " : "compiling";
          case 'f' -> "finished";
          case 'r' -> "running";
          case 'd' ->
              line.regionMatches(true, i, "downloading ", 0, 12) ? "downloading " : "downloaded";
          case 'b' -> "build";
          case '>' -> "> task";
          case 'n' -> "npm ";
          default -> null;
        };
    return start != null && line.regionMatches(true, i, start, 0, start.length());
  }

  /**
   * Whether {@link #LOG_WORD} finds something in {@code line}: the regex is tried only at the
   * positions where one of its words is spelled out ({@link #mayStartLogWord}), with transparent
   * bounds, so its {@code \b} sees the characters on either side as {@code find} would. Technical
   * prose has capitals in a row on most lines (JSON, HTTP); trying the regex at every position of
   * such a line was most of the time content detection spent on it.
   */
  static boolean holdsLogWord(String line) {
    Matcher matcher = null;
    int n = line.length();
    // Every alternative but "level": begins with \b before a word character: not after an ASCII
    // letter, digit or '_' (which \b counts as word characters too).
    boolean afterWordChar = false;
    for (int j = 0; j < n; j++) {
      char c = line.charAt(j);
      byte kind = c < 128 ? ASCII_KIND[c] : 0;
      if ((kind & MAY_START) != 0 && (!afterWordChar || c == '"') && mayStartLogWord(line, j)) {
        if (matcher == null) {
          matcher = LOG_WORD.matcher(line).useTransparentBounds(true);
        }
        if (matcher.region(j, n).lookingAt()) {
          return true;
        }
      }
      afterWordChar = (kind & WORD_CHAR) != 0;
    }
    return false;
  }

  /**
   * A necessary condition for a match of {@link #LOG_WORD} to begin at {@code j}: one of its level
   * words there as written, or {@code level=}, {@code "level":} or {@code panic:} in any case (the
   * regex folds ASCII case only; {@code regionMatches} folds more, which only lets the regex decide
   * a few more positions).
   */
  private static boolean mayStartLogWord(String line, int j) {
    char c = line.charAt(j);
    switch (c) {
      case 'E':
        return line.startsWith("ERROR", j);
      case 'W':
        return line.startsWith("WARN", j);
      case 'I':
        return line.startsWith("INFO", j);
      case 'D':
        return line.startsWith("DEBUG", j);
      case 'T':
        return line.startsWith("TRACE", j);
      case 'F':
        return line.startsWith("FATAL", j) || line.startsWith("FAILED", j);
      case 'C':
        return line.startsWith("CRITICAL", j);
      case 'S':
        return line.startsWith("SEVERE", j) || line.startsWith("SKIPPED", j);
      case 'P':
        return line.startsWith("PANIC", j)
            || line.startsWith("PASSED", j)
            || line.regionMatches(true, j, "panic:", 0, 6);
      case 'p':
        return line.regionMatches(true, j, "panic:", 0, 6);
      case 'L':
      case 'l':
        // The second letter first: most words that start with an l are not "level".
        return j + 1 < line.length()
            && (line.charAt(j + 1) | 0x20) == 'e'
            && line.regionMatches(true, j, "level=", 0, 6);
      case '"':
        return line.regionMatches(true, j, "\"level\":", 0, 8);
      default:
        return false;
    }
  }

  /**
   * {@code ^\\[ *\\d+\\.\\d{6}\\]}: the kernel's seconds since boot, as {@code dmesg} prints them
   * ({@code [ 12.345678] eth0: link up}).
   */
  private static boolean startsWithKernelTime(String line) {
    if (line.isEmpty() || line.charAt(0) != '[') {
      return false;
    }
    int i = 1;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    int digits = i;
    while (i < line.length() && isAsciiDigit(line.charAt(i))) {
      i++;
    }
    return i > digits && matchesAt(line, i, ".dddddd]");
  }

  /**
   * {@code ^#\\d+ (?:\\d+\\.\\d+ |\\[|DONE |CACHED|ERROR)}: a step of BuildKit's plain progress
   * ({@code docker build --progress=plain}, and every CI log of one): {@code #12 41.22 > Task
   * :compileJava FAILED}, {@code #12 [build 6/9] RUN ./gradlew}, {@code #12 DONE 0.3s}.
   */
  private static boolean startsWithBuildStep(String line) {
    if (line.isEmpty() || line.charAt(0) != '#') {
      return false;
    }
    int i = 1;
    while (i < line.length() && isAsciiDigit(line.charAt(i))) {
      i++;
    }
    if (i == 1 || i + 1 >= line.length() || line.charAt(i) != ' ') {
      return false;
    }
    i++;
    if (line.startsWith("[", i)
        || line.startsWith("DONE ", i)
        || line.startsWith("CACHED", i)
        || line.startsWith("ERROR", i)) {
      return true;
    }
    int whole = i;
    while (i < line.length() && isAsciiDigit(line.charAt(i))) {
      i++;
    }
    if (i == whole || i >= line.length() || line.charAt(i) != '.') {
      return false;
    }
    int fraction = ++i;
    while (i < line.length() && isAsciiDigit(line.charAt(i))) {
      i++;
    }
    return i > fraction && i < line.length() && line.charAt(i) == ' ';
  }

  /** The marks test runners put before each test's name, indented (Jest, Vitest, Mocha). */
  private static final String TEST_MARKS = "\u2713\u2714\u2715\u2717\u2718\u00d7\u221a";

  /**
   * A test runner's line: a test's result mark, indented ({@code ✓ charges a card (20 ms)}); a
   * file's verdict ({@code PASS src/a.test.ts}, {@code FAIL\tgithub.com/acme/ledger}); {@code go
   * test -v}'s {@code --- FAIL: TestRefund (0.00s)} and {@code === RUN TestRefund}.
   */
  private static boolean isTestResult(String line) {
    if (isTestOutcomeLine(line)) {
      return true;
    }
    int n = line.length();
    int i = 0;
    while (i < n && isAsciiSpace(line.charAt(i))) {
      i++;
    }
    if (i + 1 >= n) {
      return false;
    }
    if (i > 0 && TEST_MARKS.indexOf(line.charAt(i)) >= 0 && line.charAt(i + 1) == ' ') {
      return true;
    }
    if (line.startsWith("--- ", i)) {
      return line.startsWith("PASS: ", i + 4)
          || line.startsWith("FAIL: ", i + 4)
          || line.startsWith("SKIP: ", i + 4);
    }
    if (i > 0) {
      return false;
    }
    if (line.startsWith("PASS") || line.startsWith("FAIL")) {
      return n == 4 || isAsciiSpace(line.charAt(4));
    }
    return line.startsWith("=== ")
        && (line.startsWith("RUN ", 4)
            || line.startsWith("PAUSE ", 4)
            || line.startsWith("CONT ", 4)
            || line.startsWith("NAME ", 4));
  }

  /** What {@code cargo test} and Python's unittest print after a test's name and " ... ". */
  private static final String[] OUTCOMES = {"ok", "FAIL", "ERROR", "ignored", "skipped"};

  /**
   * {@code ^test\\S* .* \\.\\.\\. (?:ok|FAIL|ERROR|ignored|skipped)}: a test and its outcome, as
   * {@code cargo test} ({@code test posting::tests::reversal ... FAILED}) and unittest ({@code
   * test_refund (tests.RefundTest) ... ok}) print them.
   */
  private static boolean isTestOutcomeLine(String line) {
    if (!line.startsWith("test")) {
      return false;
    }
    int n = line.length();
    int p = 4;
    while (p < n && !isAsciiSpace(line.charAt(p))) {
      p++;
    }
    if (p == n || line.charAt(p) != ' ') {
      return false;
    }
    // ".*" reaches to the first line terminator the regex's '.' does not match.
    int end = p + 1;
    while (end < n && !isLineTerminator(line.charAt(end))) {
      end++;
    }
    for (int at = line.indexOf(" ... ", p + 1);
        at >= 0 && at <= end;
        at = line.indexOf(" ... ", at + 1)) {
      for (String outcome : OUTCOMES) {
        if (line.startsWith(outcome, at + 5)) {
          return true;
        }
      }
    }
    return false;
  }

  /** What the regex's {@code .} does not match: the line terminators of {@link Pattern}. */
  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * {@code ^[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} }, as in {@code Jan 6 10:00:00 host ...}.
   */
  private static boolean startsWithSyslogTime(String line) {
    return line.length() >= 16
        && line.charAt(0) >= 'A'
        && line.charAt(0) <= 'Z'
        && isLower(line.charAt(1))
        && isLower(line.charAt(2))
        && line.charAt(3) == ' '
        && (line.charAt(4) == ' ' || line.charAt(4) >= '0' && line.charAt(4) <= '9')
        && matchesAt(line, 5, "d dd:dd:dd ");
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** {@code \s} without Unicode classes: space, tab, LF, VT, FF, CR. */
  static boolean isAsciiSpace(char c) {
    return c == ' ' || c >= '\t' && c <= '\r';
  }

  /**
   * @return the share of sampled lines that are a compiler's, linter's or type checker's findings
   *     ({@link #isDiagnostic})
   */
  double diagnosticRatio() {
    int hits = 0;
    for (String line : lines) {
      if (isDiagnostic(line)) {
        hits++;
      }
    }
    return ratio(hits);
  }

  /** What a finding's severity is written as, each before a colon. */
  private static final String[] SEVERITIES = {
    "error", "warning", "note", "fatal error", "info", "hint"
  };

  /**
   * A compiler's, linter's or type checker's finding with its severity: {@code path:line[:col]:
   * error: …} (gcc, clang, javac, mypy, go vet; also {@code warning:}, {@code note:}, {@code fatal
   * error:}, {@code info:}, {@code hint:}), tsc's {@code path(line,col): error TS2345: …} and
   * eslint's {@code 12:5 error … rule} under the line naming its file. Its location alone is a
   * search hit's shape; the severity after it is what makes it a build's output.
   *
   * @param line a line without its terminator
   * @return whether it is one
   */
  static boolean isDiagnostic(String line) {
    GrepLine hit = line.indexOf(':') < 0 ? null : GrepLine.match(line);
    if (hit != null && hit.namesFile()) {
      int i = hit.end();
      int digits = i;
      while (digits < line.length() && isAsciiDigit(line.charAt(digits))) {
        digits++;
      }
      if (digits > i && digits < line.length() && line.charAt(digits) == ':') {
        i = digits + 1; // the column
      }
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
      for (String severity : SEVERITIES) {
        if (line.startsWith(severity, i) && line.startsWith(":", i + severity.length())) {
          return true;
        }
      }
      return false;
    }
    int paren = line.indexOf("): ");
    if (paren > 0) {
      // tsc: src/a.ts(48,17): error TS2345: …
      int open = line.lastIndexOf('(', paren);
      int comma = line.indexOf(',', open + 1);
      return open > 0
          && comma > open + 1
          && comma < paren - 1
          && digitsOnly(line, open + 1, comma)
          && digitsOnly(line, comma + 1, paren)
          && (line.startsWith("error TS", paren + 3) || line.startsWith("warning TS", paren + 3));
    }
    // eslint's stylish: "  12:5  error  'x' is not defined  no-undef"
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    int colon = line.indexOf(':', i);
    if (i == 0 || colon <= i || !digitsOnly(line, i, colon)) {
      return false;
    }
    int j = colon + 1;
    while (j < line.length() && isAsciiDigit(line.charAt(j))) {
      j++;
    }
    if (j == colon + 1 || !line.startsWith("  ", j)) {
      return false;
    }
    while (j < line.length() && line.charAt(j) == ' ') {
      j++;
    }
    return line.startsWith("error  ", j) || line.startsWith("warning  ", j);
  }

  private static boolean digitsOnly(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isAsciiDigit(s.charAt(i))) {
        return false;
      }
    }
    return to > from;
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
      if (mayBeRule(line)
          && (PSQL_RULE.matcher(line.strip()).lookingAt()
              || MARKDOWN_RULE.matcher(line.strip()).matches())) {
        rules++;
      }
    }
    if (rules >= 1 && consistent('|', 0.8)) {
      return true;
    }
    return consistent(',', 0.9) || consistent('\t', 0.9) || consistent(';', 0.9);
  }

  /**
   * @param text a text
   * @return whether one of its lines is a Markdown table's delimiter row ({@code |---|:--:|})
   */
  public static boolean holdsMarkdownTable(String text) {
    return text.lines()
        .anyMatch(line -> mayBeRule(line) && MARKDOWN_RULE.matcher(line.strip()).matches());
  }

  /**
   * {@link #PSQL_RULE} needs {@code +}, {@code |} or {@code -} first once white space is stripped,
   * {@link #MARKDOWN_RULE} {@code |}, {@code -} or {@code :}.
   */
  private static boolean mayBeRule(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i < line.length() && "+|-:".indexOf(line.charAt(i)) >= 0;
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
      if (line.length() >= 10
          && "-dlcbps".indexOf(line.charAt(0)) >= 0
          && LS_LONG.matcher(line).lookingAt()) {
        hits++;
      }
    }
    return considered >= 3 && hits >= 0.8 * considered;
  }

  /**
   * Whitespace-aligned columns with a header ({@code kubectl get}, {@code ps}, {@code docker ps}).
   */
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
    if (line.indexOf("  ") < 0) {
      return 0; // every gap holds two spaces in a row: the regex need not try each position
    }
    int n = 0;
    var m = ALIGNED_GAP.matcher(line);
    while (m.find()) {
      n++;
    }
    return n;
  }

  /**
   * The most common count of {@code delimiter} (outside quotes) is > 0 and shared by most lines.
   */
  private boolean consistent(char delimiter, double share) {
    // The most frequent count is only taken when it is not 0, so that many lines must hold the
    // delimiter at all: a search of each line (indexOf) rules most texts out before any counting.
    int holding = 0;
    for (String line : lines) {
      if (line.indexOf(delimiter) >= 0) {
        holding++;
      }
    }
    if ((double) holding / lines.size() < share) {
      return false;
    }
    int[] counts = new int[lines.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = count(lines.get(i), delimiter);
    }
    // The most frequent count, the larger one on a tie: runs of a sorted copy, in ascending order.
    Arrays.sort(counts);
    int best = 0;
    int bestFreq = 0;
    for (int i = 0; i < counts.length; ) {
      int j = i;
      while (j < counts.length && counts[j] == counts[i]) {
        j++;
      }
      if (j - i >= bestFreq) {
        best = counts[i];
        bestFreq = j - i;
      }
      i = j;
    }
    if (best == 0 || (double) bestFreq / lines.size() < share) {
      return false;
    }
    // Prose has commas too; cells of a real table are short. (Counted only now: prose whose
    // lines hold different numbers of commas is ruled out above without reading it word by word.)
    double words = 0;
    for (String line : lines) {
      words += splitLength(line);
    }
    return words / lines.size() / (best + 1) <= 3.0;
  }

  /**
   * {@return the count of {@code delimiter} outside double quotes}, by {@code indexOf} alone in a
   * line without a quote
   */
  static int count(String line, char delimiter) {
    int n = 0;
    if (line.indexOf('"') < 0) {
      for (int i = line.indexOf(delimiter); i >= 0; i = line.indexOf(delimiter, i + 1)) {
        n++;
      }
      return n;
    }
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

  /**
   * {@code line.split("\\s+").length} without the regex: the runs of non-white-space characters,
   * plus the empty first element {@code split} yields when the line starts with white space
   * (trailing empty elements are removed, so a line of white space only yields none at all).
   */
  static int splitLength(String line) {
    if (line.isEmpty()) {
      return 1;
    }
    int runs = 0;
    boolean inRun = false;
    for (int i = 0; i < line.length(); i++) {
      boolean space = isAsciiSpace(line.charAt(i));
      if (!space && !inRun) {
        runs++;
      }
      inRun = !space;
    }
    return runs == 0 ? 0 : runs + (isAsciiSpace(line.charAt(0)) ? 1 : 0);
  }

  private double ratio(int hits) {
    return lines.isEmpty() ? 0 : (double) hits / lines.size();
  }
}
