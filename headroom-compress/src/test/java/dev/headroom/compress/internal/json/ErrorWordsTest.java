package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ErrorWordsTest {

  /** What lets the table rules skip the per-row search when the whole table has no error word. */
  @Property(tries = 2000)
  void aLineWithAnErrorWordMakesItsTextHaveOne(@ForAll("lines") List<String> lines, @ForAll boolean crlf) {
    String text = String.join(crlf ? "\r\n" : "\n", lines);
    if (lines.stream().anyMatch(ErrorWords::in)) {
      assertTrue(ErrorWords.in(text), text);
    }
  }

  /** The first-letter filters change nothing: the answer is the plain comparison's, word by word. */
  @Property(tries = 3000)
  void findsWhatComparingEveryRunFinds(@ForAll("line") String line) {
    assertEquals(Reference.in(line), ErrorWords.in(line), line);
  }

  @Provide
  Arbitrary<String> line() {
    return Arbitraries.oneOf(
            Arbitraries.of("error", "ERRORS", "fail", "Failed", "failure", "FATAL", "critical", "declined", "denied",
                "rejected", "exception", "panic", "timeout", "unhealthy", "refused", "invalid", "insufficient",
                "TIMED", "timed", " out", " OUT", "crash", "Crash", "CRASHLOOP", "cras", "oom", "OOM", "oo",
                "errorx", "xerror", "x", "7", "_", " ", ",", "-", "é", "ß", "ſ", "\u212a", "K"),
            Arbitraries.strings().withChars("acdefilrOoMtTsuh 9,_").ofMaxLength(7))
        .list().ofMaxSize(6).map(bits -> String.join("", bits));
  }

  /** Every letter run against every word of its length, as before the filters. */
  private static final class Reference {
    private static final String[] WORDS = {
      "error", "errors", "fail", "failed", "failure", "fatal", "critical", "declined", "denied",
      "rejected", "exception", "panic", "timeout", "unhealthy", "refused", "invalid", "insufficient"
    };

    static boolean in(String text) {
      int n = text.length();
      int i = 0;
      while (i < n) {
        if (!isLetter(text.charAt(i))) {
          i++;
          continue;
        }
        int start = i;
        while (i < n && isLetter(text.charAt(i))) {
          i++;
        }
        int len = i - start;
        boolean whole = (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
            && (i == n || !Character.isLetterOrDigit(text.charAt(i)));
        if (len >= 3 && (text.regionMatches(true, start, "crash", 0, 5) || text.regionMatches(true, start, "oom", 0, 3))) {
          return true;
        }
        for (String w : WORDS) {
          if (whole && w.length() == len && text.regionMatches(true, start, w, 0, len)) {
            return true;
          }
        }
        if (whole && len == 5 && text.regionMatches(true, start, "timed out", 0, 9)) {
          return true;
        }
      }
      return false;
    }

    private static boolean isLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
  }

  @Provide
  Arbitrary<List<String>> lines() {
    return Arbitraries.oneOf(
            Arbitraries.of("error", "Failed", "TIMED", " out", "crash", "oom", "x", "7", "_", " ", ",", "é", "ß"),
            Arbitraries.strings().withChars("aefilrOoMt 9,_").ofMaxLength(6))
        .list().ofMaxSize(5).map(bits -> String.join("", bits)).list().ofMaxSize(6);
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
  void lookAlikesAreNot() {
    assertFalse(ErrorWords.in("errorRate 0.01 failover-ready succeeded"));
    assertFalse(ErrorWords.in("roommate boomerang"));
    assertFalse(ErrorWords.in(""));
  }
}
