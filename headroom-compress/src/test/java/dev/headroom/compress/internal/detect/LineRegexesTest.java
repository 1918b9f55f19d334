package dev.headroom.compress.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The hand-written line checks against the regexes they stand in for, which stay as the definition.
 */
class LineRegexesTest {

  @Property(tries = 5000)
  void grepLineFindsWhatTheGrepRegexFinds(@ForAll("lines") String line) {
    Matcher m = LineSample.GREP.matcher(line);
    GrepLine hit = GrepLine.match(line);
    if (m.lookingAt()) {
      assertEquals(new GrepLine(m.group(1), m.end()), hit, line);
      boolean namesFile =
          LineSample.PATH_LIKE.matcher(m.group(1)).find()
              && !LineSample.DATE.matcher(m.group(1)).find();
      assertEquals(namesFile, hit.namesFile(), line);
      assertEquals(namesFile, GrepLine.isHit(line), line);
    } else {
      assertNull(hit, line);
      assertEquals(false, GrepLine.isHit(line), line);
    }
  }

  @Property(tries = 10000)
  void aLogLineIsOneTheLogRegexFinds(@ForAll("lines") String line) {
    assertEquals(LineSample.LOG.matcher(line).find(), LineSample.isLogLine(line), line);
  }

  @Property(tries = 5000)
  void anAccessLineIsTheRequestTheRequestRegexFinds(@ForAll("accessLines") String line) {
    Matcher m = AccessLine.REQUEST.matcher(line);
    AccessLine parsed = AccessLine.parse(line);
    if (m.find()) {
      assertEquals(
          new AccessLine(m.group(1), m.group(2), Integer.parseInt(m.group(3))), parsed, line);
    } else if (parsed != null) {
      // Not a request in quotes: then only the ALB form, which begins with its scheme.
      assertTrue(line.matches("(?s)(?:https?|h2|grpcs?|wss?) .*"), line);
    }
  }

  @Property(tries = 5000)
  void aLineStartingWithATimestampIsOneTheLogRegexFinds(@ForAll("lines") String line) {
    if (LineSample.startsWithTimestamp(line)) {
      assertTrue(LineSample.LOG.matcher(line).find(), line);
    }
  }

  @Property(tries = 3000)
  void aDiffHeaderIsWhatTheDiffRegexMatches(@ForAll("lines") String line) {
    Pattern header =
        Pattern.compile(
            "^(diff --git |diff --cc |diff --combined |@@ -\\d+(,\\d+)? \\+\\d+(,\\d+)? @@)");
    assertEquals(
        header.matcher(line).lookingAt(), new LineSample(List.of(line)).isDiff(header), line);
  }

  @Test
  void aLineAndColumnAreNotARevisionAndAPath() {
    // ruff, gcc, rg --vimgrep: path:line:col:, where a revision "app/tax.py" and a path "88" would
    // also fit the regex's shape.
    assertEquals(
        new GrepLine("app/billing/tax.py", 22),
        GrepLine.match("app/billing/tax.py:88:16: F821 Undefined name `rate`"));
    assertEquals(new GrepLine("src/a.ts", 17), GrepLine.match("HEAD:src/a.ts:12:x"));
    assertTrue(LineSample.isDiagnostic("src/net/conn.c:88:12: error: 'len' undeclared"));
    assertTrue(LineSample.isDiagnostic("app/m.py:12: note: By default the bodies"));
    assertTrue(LineSample.isDiagnostic("src/a.ts(48,17): error TS2345: Argument of type"));
    assertTrue(LineSample.isDiagnostic("  41:9  error  'x' is not defined  no-undef"));
    assertFalse(LineSample.isDiagnostic("docs/errors.md:12:error handling is hard"));
    assertFalse(LineSample.isDiagnostic("app/billing/tax.py:88:16: F821 Undefined name"));
    assertFalse(LineSample.isDiagnostic("  41:9  the error was here"));
  }

  @Test
  void theTimestampShortcutTakesBothTimestampForms() {
    assertTrue(LineSample.startsWithTimestamp("2024-06-11T14:00:19.001Z INFO x"));
    assertTrue(LineSample.startsWithTimestamp("[2024-06-11 14:00] x"));
    assertTrue(LineSample.startsWithTimestamp("14:00:19 x"));
    assertFalse(LineSample.startsWithTimestamp("2024-06-11X14:00 x"));
    assertFalse(LineSample.startsWithTimestamp("2024-06-1"));
    assertFalse(LineSample.startsWithTimestamp("a 14:00:19"));
  }

  @Property(tries = 3000)
  void aLanguagesPrefilterNeverRulesOutALineItsPatternMatches(@ForAll("codeLines") String line) {
    for (var language : CodeLanguages.LANGUAGES.entrySet()) {
      if (language.getValue().pattern().matcher(line).lookingAt()) {
        assertTrue(
            CodeLanguages.mayMatch(line, language.getValue()), language.getKey() + ": " + line);
      }
    }
  }

  @Property(tries = 2000)
  void theLanguageDetectedIsTheOneEveryPatternOnEveryLineWouldPick(
      @ForAll("codeLineLists") List<String> lines) {
    List<String> names = List.copyOf(CodeLanguages.LANGUAGES.keySet());
    int[] scores = new int[names.size()];
    for (String line : lines) {
      for (int k = 0; k < names.size(); k++) {
        if (CodeLanguages.LANGUAGES.get(names.get(k)).pattern().matcher(line).lookingAt()) {
          scores[k]++;
        }
      }
    }
    int best = -1;
    for (int k = 0; k < scores.length; k++) {
      if (scores[k] > 0 && (best < 0 || scores[k] > scores[best])) {
        best = k;
      }
    }
    boolean found = best >= 0 && scores[best] >= 3 && scores[best] >= lines.size() / 20;
    assertEquals(
        found ? Optional.of(names.get(best)) : Optional.empty(),
        CodeLanguages.detect(lines),
        String.join("\n", lines));
  }

  @Provide
  Arbitrary<List<String>> codeLineLists() {
    return codeLines().list().ofMinSize(3).ofMaxSize(12);
  }

  @Property(tries = 3000)
  void detectionAnswersAsWithEveryRegexOnEveryLine(@ForAll("tableLines") List<String> lines) {
    LineSample sample = new LineSample(lines);
    int paths = 0;
    int rules = 0;
    int listings = 0;
    for (String line : lines) {
      paths += Pattern.compile("^\\.{0,2}/[^\\t]*[^/\\s]$").matcher(line).matches() ? 1 : 0;
      rules +=
          Pattern.compile("^[+|]?-{2,}[+-][-+]*[+|]?$|^\\+-+\\+").matcher(line.strip()).lookingAt()
              ? 1
              : 0;
      listings +=
          !line.startsWith("total ")
                  && Pattern.compile("^[-dlcbps][rwxsStT-]{9}[.@+]?\\s+\\d+\\s")
                      .matcher(line)
                      .lookingAt()
              ? 1
              : 0;
    }
    int considered = (int) lines.stream().filter(l -> !l.startsWith("total ")).count();
    assertEquals(
        lines.size() < 3 ? 0 : lines.isEmpty() ? 0 : (double) paths / lines.size(),
        sample.pathRatio(),
        1e-12);
    assertEquals(considered >= 3 && listings >= 0.8 * considered, sample.isLongListing());
    if (lines.size() >= 3 && rules == 0) {
      assertEquals(
          consistentByHashMap(lines, ',', 0.9)
              || consistentByHashMap(lines, '\t', 0.9)
              || consistentByHashMap(lines, ';', 0.9),
          sample.isDelimitedTable(),
          String.join("\n", lines));
    }
  }

  /** The former implementation of {@code LineSample.consistent}, as the oracle. */
  private static boolean consistentByHashMap(List<String> lines, char delimiter, double share) {
    Map<Integer, Integer> freq = new HashMap<>();
    for (String line : lines) {
      int n = 0;
      boolean quoted = false;
      for (char c : line.toCharArray()) {
        if (c == '"') {
          quoted = !quoted;
        } else if (c == delimiter && !quoted) {
          n++;
        }
      }
      freq.merge(n, 1, Integer::sum);
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
    double words = 0;
    for (String line : lines) {
      words += line.split("\\s+").length;
    }
    return words / lines.size() / (best + 1) <= 3.0;
  }

  @Provide
  Arbitrary<List<String>> tableLines() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.of(
                "a,b",
                "a,b,c",
                "1,2",
                "x;y",
                "p\tq",
                "\"a,b\",c",
                "a b c, d",
                "+----+---+",
                "|--+--|",
                " ---+--- ",
                "-rw-r--r--  1 me staff 12 Jan 1 a",
                "drwxr-xr-x 3 root root 4096 x",
                "total 12",
                "./src/a.ts",
                "/etc/hosts",
                "../x/",
                "  ./a b",
                ".hidden",
                "/",
                "lrwxrwxrwx. 1 a",
                ".../a",
                "../b",
                "./\tc",
                "/a/",
                "// a comment",
                "..",
                "./"),
            Arbitraries.strings()
                .withChars(',', ';', '\t', ' ', 'a', '"', '-', '+', '|', '/', '.', '1')
                .ofMinLength(1)
                .ofMaxLength(10));
    return line.list().ofMinSize(0).ofMaxSize(8);
  }

  /**
   * Near the 90% share a table needs: longer samples, mostly rows, some lines without a delimiter.
   */
  @Property(tries = 2000)
  void delimitedTablesAreToldAsByTheFormerCount(@ForAll("mostlyRows") List<String> lines) {
    assertEquals(
        consistentByHashMap(lines, ',', 0.9)
            || consistentByHashMap(lines, '\t', 0.9)
            || consistentByHashMap(lines, ';', 0.9),
        new LineSample(lines).isDelimitedTable(),
        String.join("\n", lines));
  }

  @Provide
  Arbitrary<List<String>> mostlyRows() {
    return Arbitraries.of(",", ";", "\t")
        .flatMap(
            d ->
                Arbitraries.frequencyOf(
                        Tuple.of(
                            24, Arbitraries.of("1" + d + "2" + d + "3", "a" + d + "b" + d + "c")),
                        Tuple.of(
                            1, Arbitraries.of("1" + d + "2", "a" + d + "b" + d + "c" + d + "d")),
                        Tuple.of(2, Arbitraries.of("plain words here", "total 12", "-")))
                    .list()
                    .ofMinSize(3)
                    .ofMaxSize(30));
  }

  @Property(tries = 2000)
  void splitLengthIsTheLengthOfSplitOnWhiteSpace(@ForAll("lines") String line) {
    assertEquals(line.split("\\s+").length, LineSample.splitLength(line), line);
  }

  @Test
  void grepHitsOfEveryShape() {
    assertEquals(new GrepLine("src/a.ts", 12), GrepLine.match("src/a.ts:12:  const x = 1"));
    assertEquals(new GrepLine("src/a.go", 16), GrepLine.match("HEAD:src/a.go:7-  func f()"));
    assertEquals(new GrepLine("\\dir\\a.cs", 18), GrepLine.match("rev:C:\\dir\\a.cs:9:x"));
    assertFalse(GrepLine.isHit("2024-05-01T00:00:19Z level=info msg=ok"), "a timestamp is no path");
    assertNull(GrepLine.match("no colon here: 12:"));
    assertFalse(GrepLine.isHit("ts=2024-05-01T00:00:19Z:12: x"));
    assertTrue(GrepLine.isHit("README.md:3:# Title"));
    assertTrue(GrepLine.isHit("notes.txt\u2028:3:x"), "$ matches before a final line terminator");
  }

  @Test
  void logLinesAreToldFromCodeAndProse() {
    assertFalse(LineSample.isLogLine("  return x + y; // sum of Errors"));
    assertFalse(LineSample.isLogLine("the quick brown fox. Then a TLA."));
    assertFalse(
        LineSample.isLogLine(
            "The team met on Dec 6 to review the plan. " + "More prose. ".repeat(80)));
    assertTrue(LineSample.isLogLine("x level=warn"));
    assertTrue(LineSample.isLogLine("  at com.example.Foo.bar(Foo.java:12)"));
    assertTrue(LineSample.isLogLine("Dec  6 10:00:00 host sshd[12]: accepted"));
    assertTrue(LineSample.isLogLine("served in 12 ms, then FAILED"));
    assertFalse(
        LineSample.isLogLine("JSON over HTTP: see the README, INFORMATION_SCHEMA and the levels"));
    assertTrue(LineSample.isLogLine("JSON over HTTP, then a WARNING from the README's step"));
    assertTrue(LineSample.isLogLine("the JSON body had {\"LEVEL\": 3}"));
    assertTrue(LineSample.isLogLine("[  812.004211] Out of memory: Killed process 48213"));
    assertFalse(LineSample.isLogLine("[1.5] a footnote"));
    assertTrue(LineSample.isLogLine("npm warn deprecated inflight@1.0.6: not supported"));
    assertTrue(LineSample.isLogLine("npm ERR! code ERESOLVE"));
    assertFalse(LineSample.isLogLine("npm install --save left-pad"));
    assertTrue(LineSample.isLogLine("#12 41.22 > Task :compileJava FAILED"));
    assertTrue(LineSample.isLogLine("#7 [build 6/9] RUN ./gradlew bootJar"));
    assertTrue(LineSample.isLogLine("#7 DONE 0.3s"));
    assertFalse(LineSample.isLogLine("#12 is the issue we closed"));
    assertFalse(LineSample.isLogLine("#3 41.22s in all"));
    assertTrue(LineSample.isLogLine("  \u2713 charges a card (20 ms)"));
    assertFalse(LineSample.isLogLine("\u2713 done: the slides"));
    assertTrue(LineSample.isLogLine("FAIL src/payments.test.ts (1.2 s)"));
    assertTrue(LineSample.isLogLine("FAIL"));
    assertFalse(LineSample.isLogLine("FAILOVER is manual"));
    assertTrue(LineSample.isLogLine("--- FAIL: TestRefund (0.00s)"));
    assertTrue(LineSample.isLogLine("=== RUN   TestRefund"));
    assertTrue(LineSample.isLogLine("2024/06/11 14:02:11 [error] 1234#0: *5 connect() failed"));
    assertTrue(LineSample.isLogLine("E0611 14:02:11.123456       1 reconciler.go:214] no sync"));
    assertTrue(LineSample.isLogLine("fail: Microsoft.AspNetCore.Server.Kestrel[13]"));
    assertFalse(LineSample.isLogLine("failure: see above"));
    assertTrue(LineSample.isLogLine("F0611 14:02:11.123456       1 main.go:9] fatal"));
    assertFalse(LineSample.isLogLine("2024/05x01 10:00 is no date"));
    assertTrue(
        LineSample.isLogLine("commit 3189c214976909fe4599e7b147aebfa954bb47d0 (HEAD -> main)"));
    assertTrue(LineSample.isLogLine("Date:   Mon Nov 15 08:23:12 2026 +0100"));
    assertFalse(LineSample.isLogLine("commit the change before lunch"));
    assertTrue(LineSample.isLogLine("test posting::tests::reversal ... FAILED"));
    assertTrue(LineSample.isLogLine("test_refund (tests.test_billing.RefundTest) ... ok"));
    assertFalse(LineSample.isLogLine("test the refund ... tomorrow"));
    assertTrue(LineSample.isLogLine("test a::b ... ignored"));
    assertFalse(LineSample.isLogLine("test\ta::b ... ok"));
    assertFalse(LineSample.isLogLine("test a::b\u2028 ... ok"));
    assertTrue(LineSample.isLogLine("Collecting requests>=2.31"));
    assertTrue(LineSample.isLogLine("  Downloading requests-2.31.0-py3-none-any.whl (62 kB)"));
  }

  /** Pieces of access-log lines: quotes, methods, targets, protocols and statuses, glued. */
  @Provide
  Arbitrary<String> accessLines() {
    Arbitrary<String> bits =
        Arbitraries.oneOf(
            Arbitraries.of(
                "\"",
                "\"GET ",
                "\"POST ",
                "\"TRACE ",
                "\"Get ",
                "GET ",
                "/api/v1?a=b",
                "/x",
                " HTTP/1.1",
                " HTTP/2",
                "\" ",
                "200 ",
                "404",
                "5000 ",
                " ",
                "-",
                "127.0.0.1 - - [06/Dec/2026:10:00:00 +0000] ",
                "\u00e9"),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(4));
    Arbitrary<String> noise = bits.list().ofMaxSize(5).map(l -> String.join("", l));
    Arbitrary<String> request =
        Combinators.combine(
                Arbitraries.of("GET", "POST", "DELETE", "Get", "FETCH"),
                Arbitraries.of("/", "/api/v1?a=b", "https://x/y", "/a b"),
                Arbitraries.of("", " HTTP/1.1", " HTTP/2", " http/1.1"),
                Arbitraries.of("200", "404", "20", "5000"))
            .as(
                (method, target, proto, status) ->
                    '"' + method + ' ' + target + proto + "\" " + status + ' ');
    return Combinators.combine(noise, request.list().ofMaxSize(2), noise)
        .as((before, requests, after) -> before + String.join("", requests) + after);
  }

  /** Starts of lines in the six languages, glued to identifiers, spaces and punctuation. */
  @Provide
  Arbitrary<String> codeLines() {
    Arbitrary<String> bits =
        Arbitraries.oneOf(
            Arbitraries.of(
                "func ",
                "type ",
                "package ",
                "import ",
                "async ",
                "def ",
                "class ",
                "from ",
                "if __name__ ==",
                "export ",
                "interface ",
                "enum ",
                "namespace ",
                "function",
                "const ",
                "let ",
                "var ",
                "module.exports",
                "pub(crate) ",
                "pub ",
                "fn ",
                "struct ",
                "impl ",
                "mod ",
                "trait ",
                "use ",
                "public ",
                "private ",
                "protected ",
                "static ",
                "final ",
                "#[derive",
                ":= ",
                " := ",
                "x",
                "Foo",
                "a_b",
                "(",
                ")",
                "<T>",
                ": ",
                "string",
                "=",
                ";",
                " ",
                "\t",
                "struct",
                "interface",
                "'./a'",
                "\"b\"",
                " from ",
                "{",
                "*",
                "[]"),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(4));
    return bits.list().ofMaxSize(10).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> bits =
        Arbitraries.oneOf(
            Arbitraries.of(
                ":",
                ":",
                "::",
                "-",
                "/",
                "\\",
                ".",
                ".ts",
                ".md",
                ".verylongext",
                ".t1",
                "C:",
                "c:",
                "HEAD",
                "src",
                "a",
                "Z",
                "12",
                "7",
                "0",
                "2024-05-01",
                "T00:00:19Z",
                "=",
                ",",
                "\"",
                "'",
                "<",
                ">",
                "|",
                " ",
                "\t",
                "\u000B",
                "\u00a0",
                "\u2028",
                "\u0085",
                "é",
                "٣"),
            Arbitraries.of(
                "ERROR",
                "WARN",
                "WARNING",
                "INFO",
                "TRACE",
                "FATAL",
                "FAILED",
                "CRITICAL",
                "SEVERE",
                "SKIPPED",
                "PASSED",
                "PANIC",
                "DEBUG",
                "\"LEVEL\":",
                "_",
                "\u0301",
                "\u0130",
                "Info",
                "DEBU",
                "level",
                "LeVel=",
                "\"level\":",
                "panic:",
                "Panic",
                "goroutine 12",
                "  at x",
                "Traceback",
                "error[E0308]:",
                "warning:",
                "> Task",
                "BUILD",
                "Compiling",
                "Jan 12 10:00:00 ",
                "Dec  6 10:00:00 ",
                "Dec 6 10:00:00 ",
                "The ",
                "  ",
                "\tat ",
                "Error:",
                "error[E1]:",
                "[12:30:45]",
                "2024-05-01 10:00",
                "10:00:01",
                "ABCD",
                "ABC",
                "abc",
                "diff --git ",
                "diff --cc ",
                "@@ -1,2 +3 @@",
                "@@ -12 +1,4 @@ f",
                "[   12.345678]",
                "[12.123456]",
                "[ 1.12345]",
                "[7.1234567]",
                "npm ",
                "npm warn",
                "NPM ERR!",
                "npm notice ",
                "#12 ",
                "#3 41.22 ",
                "#1 [",
                "DONE ",
                "CACHED",
                "#12 CACHED",
                "#4 ERROR",
                "#3 41.22",
                "#5 DONE 1",
                "\u2713 ",
                "\u2715",
                "\u00d7 ",
                "\u221a",
                "PASS",
                "FAIL",
                "FAILED",
                "--- FAIL: ",
                "--- PASS:",
                "--- SKIP: ",
                "=== RUN ",
                "=== CONT",
                "=== NAME ",
                "2024/05/01 10:00",
                "2024-05/01 10:00",
                "2024/05/01T10:00",
                "E0611 14:02:11.123456",
                "I0611 14:02:11.12345",
                "W1231 00:00:00.000000 ",
                "X0611 14:02:11.123456",
                "F0611 14:02:11.123456",
                "2024/05x01 10:00",
                "fail: ",
                "info: ",
                "crit:",
                "trce: x",
                "Fail: ",
                "commit ",
                "commit abcdef1",
                "commit 0123456789abcdef0123456789abcdef01234567",
                "commit 0123456789abcdef0123456789abcdef012345678",
                "commit ABCDEF1",
                "abcdef0",
                "Author: ",
                "Date:   ",
                "Date: ",
                "test",
                "test_x",
                " ... ",
                " ... ok",
                " ... FAILED",
                "ok",
                "ignored",
                "skipped",
                "test x ... ignored",
                "test x\u2028 ... ok",
                "test x\r ... ok",
                "test\tx ... ok",
                "testing a ... skipped",
                "Collecting ",
                "Downloading ",
                "collecting x",
                "Downloaded ",
                "1.5"),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6),
            Arbitraries.strings().all().ofMaxLength(3));
    return bits.list().ofMaxSize(12).map(l -> String.join("", l));
  }
}
