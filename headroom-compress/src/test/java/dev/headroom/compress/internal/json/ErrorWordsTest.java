package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ErrorWordsTest {

  /** What lets the table rules skip the per-row search when the whole table has no error word. */
  @Property(tries = 2000)
  void aLineWithAnErrorWordMakesItsTextHaveOne(
      @ForAll("lines") List<String> lines, @ForAll boolean crlf) {
    String text = String.join(crlf ? "\r\n" : "\n", lines);
    if (lines.stream().anyMatch(ErrorWords::in)) {
      assertTrue(ErrorWords.in(text), text);
    }
  }

  /**
   * The definition, as a regex: the words ({@link ErrorWords#words()}, one list for both) whole (no
   * letter or digit of any script touching them), any ASCII case; {@code crash…} and {@code oom…}
   * at the start of a run of ASCII letters, {@code …backoff} at the end of a longer one; a non-zero
   * {@code Exited (N)}, {@code exit code N} or {@code exit status N}.
   */
  private static final Pattern DEFINITION =
      Pattern.compile(
          "(?i)(?<![\\p{L}\\p{Nd}])(?:"
              + String.join("|", ErrorWords.words())
              + ")(?![\\p{L}\\p{Nd}])|(?<![\\p{L}\\p{Nd}])timed out|(?<![A-Za-z])(?:crash|oom)"
              + "|(?<![A-Za-z])[A-Za-z]+backoff(?![A-Za-z])"
              + "|(?<![\\p{L}\\p{Nd}])exited \\([0-9]*[1-9]"
              + "|(?<![\\p{L}\\p{Nd}])exit (?:code|status):? [0-9]*[1-9]");

  /** The hand-written scan answers as the regex does. */
  @Property(tries = 3000)
  void findsWhatTheDefinitionFinds(@ForAll("line") String line) {
    assertEquals(DEFINITION.matcher(line).find(), ErrorWords.in(line), line);
  }

  /** A range of a text is scanned as the same characters copied out would be: nothing around it. */
  @Property(tries = 3000)
  void aRangeIsScannedAsItsCopy(
      @ForAll("line") String before, @ForAll("line") String line, @ForAll("line") String after) {
    String text = before + line + after;
    int from = before.length();
    int to = from + line.length();
    assertEquals(
        ErrorWords.in(line), ErrorWords.in(text, from, to), before + "[" + line + "]" + after);
  }

  @Test
  void aRangesEndsAreItsWordsEnds() {
    assertFalse(ErrorWords.in("job timed out", 0, 10), "timed| out");
    assertFalse(ErrorWords.in("exit code 2", 0, 10), "exit code |2");
    assertFalse(ErrorWords.in("Exited (137)", 0, 8), "Exited (|137)");
    // What touches a range from outside does not join its words, as in a copy of the range.
    assertTrue(ErrorWords.in("xerror", 1, 6), "x|error|");
    assertTrue(ErrorWords.in("errorx", 0, 5), "|error|x");
  }

  @Provide
  Arbitrary<String> line() {
    return Arbitraries.oneOf(
            Arbitraries.of(ErrorWords.words()),
            Arbitraries.of(
                "error",
                "ERRORS",
                "fail",
                "Failed",
                "failure",
                "FATAL",
                "critical",
                "declined",
                "denied",
                "rejected",
                "exception",
                "panic",
                "timeout",
                "unhealthy",
                "refused",
                "invalid",
                "insufficient",
                "TIMED",
                "errored",
                "Dead",
                "evicted",
                "KILLED",
                "aborted",
                "failing",
                "unreachable",
                "unavailable",
                "ErrImagePull",
                "ImagePullBackOff",
                "backoff",
                "Exited (",
                "exit code ",
                "exit status: ",
                "exit code: ",
                "0",
                "137",
                "timed",
                " out",
                " OUT",
                "crash",
                "Crash",
                "CRASHLOOP",
                "cras",
                "oom",
                "OOM",
                "oo",
                "errorx",
                "xerror",
                "x",
                "7",
                "_",
                " ",
                ",",
                "-",
                "é",
                "ß",
                "ſ",
                "\u212a",
                "K"),
            Arbitraries.strings().withChars("acdefilrOoMtTsuh 9,_").ofMaxLength(7))
        .list()
        .ofMaxSize(6)
        .map(bits -> String.join("", bits));
  }

  @Provide
  Arbitrary<List<String>> lines() {
    return Arbitraries.oneOf(
            Arbitraries.of(
                "error", "Failed", "TIMED", " out", "crash", "oom", "x", "7", "_", " ", ",", "é",
                "ß"),
            Arbitraries.strings().withChars("aefilrOoMt 9,_").ofMaxLength(6))
        .list()
        .ofMaxSize(5)
        .map(bits -> String.join("", bits))
        .list()
        .ofMaxSize(6);
  }

  @Test
  void errorLikeValuesAreFoundInAnyCase() {
    assertTrue(ErrorWords.in("ch_1 1200 eur failed Your card has insufficient funds."));
    assertTrue(ErrorWords.in("payments ledger-worker 0/1 CrashLoopBackOff 37"));
    assertTrue(ErrorWords.in("OOMKilled"));
    assertTrue(ErrorWords.in("request TIMED OUT after 3000ms"));
    assertTrue(ErrorWords.in("severity critical"));
  }

  @Test
  void everyWordIsFoundWholeInAnyCase() {
    for (String word : ErrorWords.words()) {
      assertTrue(ErrorWords.in("status " + word + "."), word);
      assertTrue(ErrorWords.in(word.toUpperCase(java.util.Locale.ROOT)), word);
      assertFalse(ErrorWords.in("x" + word + "x"), word);
    }
  }

  @Test
  void lookAlikesAreNot() {
    assertFalse(ErrorWords.in("errorRate 0.01 failover-ready succeeded"));
    assertFalse(ErrorWords.in("roommate boomerang"));
    assertFalse(ErrorWords.in(""));
  }
}
