package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

class LevelsTest {

  /** Comparing a word only with the words of its length changes nothing. */
  @Property(tries = 5000)
  void classifiesAsComparingEveryWordDoes(@ForAll("lines") String line) {
    assertEquals(Reference.of(line), Levels.of(line), line);
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> word = Arbitraries.of("error", "fatal", "critical", "panic", "exception", "failed", "failure",
        "severe", "traceback", "warn", "warning", "info", "debug", "trace", "memory", "killed", "oom", "segmentation",
        "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "ERR", "TypeError", "NullPointerException", "Error", "Exception",
        "errors", "informational", "x", "out of", "process", "fault", "-kill");
    Arbitrary<String> cased = Combinators.combine(word, Arbitraries.integers().between(0, 2))
        .as((w, k) -> k == 0 ? w : k == 1 ? w.toUpperCase(Locale.ROOT) : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
    Arbitrary<String> other = Arbitraries.of(" ", "  ", "_", "!", ":", "/api/x", " /p 503", " /p 500 1ms", " 5031", "=", "\"",
        "7", "é", "-", " process", " fault", "out of ");
    return Arbitraries.oneOf(cased, other, Arbitraries.strings().withChars("aeEoOrR5 _!/-").ofMaxLength(4))
        .list().ofMaxSize(10).map(l -> String.join("", l));
  }

  /** The classification before the length dispatch: every check for every word. */
  private static final class Reference {
    private static final String[] ERROR_WORDS = {
      "error", "fatal", "critical", "panic", "exception", "failed", "failure", "severe", "traceback"
    };
    private static final String[] HTTP_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"};
    private static final int NONE = Levels.NONE;
    private static final int DEBUG = Levels.DEBUG;
    private static final int INFO = Levels.INFO;
    private static final int WARN = Levels.WARN;
    private static final int ERROR = Levels.ERROR;

    static int of(String line) {
      int level = NONE;
      int n = line.length();
      int i = 0;
      while (i < n) {
        char c = line.charAt(i);
        if (!isLetter(c)) {
          i++;
          continue;
        }
        int start = i;
        while (i < n && isLetter(line.charAt(i))) {
          i++;
        }
        // Only whole words: "errors" or "ERRORS_TOTAL" are not levels, "TypeError" is handled below.
        boolean wordEnd = i >= n || !Character.isLetterOrDigit(line.charAt(i)) && line.charAt(i) != '_';
        boolean wordStart = start == 0 || !Character.isLetterOrDigit(line.charAt(start - 1)) && line.charAt(start - 1) != '_';
        int len = i - start;
        if (!wordEnd) {
          continue;
        }
        if (wordStart && errorWord(line, start, len)) {
          return ERROR;
        }
        if (len > 5 && (line.startsWith("Error", i - 5) || (len > 9 && line.startsWith("Exception", i - 9)))) {
          return ERROR; // TypeError, NullPointerException
        }
        if (!wordStart) {
          continue;
        }
        if (len == 3 && line.startsWith("ERR", start) && i < n && line.charAt(i) == '!') {
          return ERROR; // npm ERR!
        }
        if (phrase(line, start, len, i)) {
          return ERROR;
        }
        if (httpServerError(line, start, len, i)) {
          return ERROR;
        }
        if (is(line, start, len, "warn") || is(line, start, len, "warning")) {
          level = Math.max(level, WARN);
        } else if (is(line, start, len, "info")) {
          level = Math.max(level, INFO);
        } else if (is(line, start, len, "debug") || is(line, start, len, "trace")) {
          level = Math.max(level, DEBUG);
        }
      }
      return level;
    }

    private static boolean errorWord(String line, int start, int len) {
      if (len < 5 || len > 9) {
        return false;
      }
      for (String w : ERROR_WORDS) {
        if (is(line, start, len, w)) {
          return true;
        }
      }
      return false;
    }

    /** "out of memory", "killed process", "oom-kill", "segmentation fault". */
    private static boolean phrase(String line, int start, int len, int end) {
      if (is(line, start, len, "memory")) {
        return start >= 7 && line.regionMatches(true, start - 7, "out of ", 0, 7);
      }
      if (is(line, start, len, "killed")) {
        return line.regionMatches(true, end, " process", 0, 8);
      }
      if (is(line, start, len, "oom")) {
        return line.regionMatches(true, end, "-kill", 0, 5);
      }
      if (is(line, start, len, "segmentation")) {
        return line.regionMatches(true, end, " fault", 0, 6);
      }
      return false;
    }

    /** An access-log line: {@code GET /path 503}. */
    private static boolean httpServerError(String line, int start, int len, int end) {
      boolean method = false;
      for (String m : HTTP_METHODS) {
        method |= len == m.length() && line.startsWith(m, start);
      }
      if (!method || end >= line.length() || line.charAt(end) != ' ') {
        return false;
      }
      int j = end + 1;
      while (j < line.length() && line.charAt(j) != ' ') {
        j++; // the path
      }
      j++;
      return j + 3 <= line.length() && line.charAt(j) == '5' && Character.isDigit(line.charAt(j + 1))
          && Character.isDigit(line.charAt(j + 2)) && (j + 3 == line.length() || !Character.isDigit(line.charAt(j + 3)));
    }

    /** {@code word} is lower-case ASCII and the line's word is ASCII letters, so the first letter can be compared by bit. */
    private static boolean is(String line, int start, int len, String word) {
      return len == word.length() && (line.charAt(start) | 0x20) == word.charAt(0)
          && line.regionMatches(true, start, word, 0, len);
    }

    private static boolean isLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

  }

  @Test
  void severityWordsAreFoundWholeAndInAnyCase() {
    assertEquals(Levels.ERROR, Levels.of("2024-06-11T14:02:11Z ERROR [orders] boom"));
    assertEquals(Levels.ERROR, Levels.of("{\"level\":\"error\",\"msg\":\"payment authorization failed\"}"));
    assertEquals(Levels.ERROR, Levels.of("InvoiceServiceTest > roundsHalfEvenForJPY() FAILED"));
    assertEquals(Levels.WARN, Levels.of("kube  5m  Warning  FailedScheduling  pod/x"));
    assertEquals(Levels.INFO, Levels.of("level=INFO msg=\"batch flushed\""));
    assertEquals(Levels.DEBUG, Levels.of("2024 DEBUG [cache] hit"));
    assertEquals(Levels.NONE, Levels.of("Compiling ledger-core v0.4.1"));
  }

  @Test
  void lookAlikesAreNotLevels() {
    assertEquals(Levels.NONE, Levels.of("errors_total=0 informational warnings_suppressed=3"));
    assertEquals(Levels.NONE, Levels.of("GET /api/orders 200 12ms"));
  }

  @Test
  void exceptionNamesOomKillsAndServerErrorsAreErrors() {
    assertEquals(Levels.ERROR, Levels.of("TypeError: Cannot read properties of undefined"));
    assertEquals(Levels.ERROR, Levels.of("java.lang.NullPointerException"));
    assertEquals(Levels.ERROR, Levels.of("kernel: Out of memory: Killed process 48213 (java)"));
    assertEquals(Levels.ERROR, Levels.of("systemd[1]: orders.service: Failed with result 'oom-kill'."));
    assertEquals(Levels.ERROR, Levels.of("INFO [http] GET /api/orders?status=open&page=3 500 12.0ms"));
    assertEquals(Levels.ERROR, Levels.of("npm ERR! code ERESOLVE"));
  }
}
