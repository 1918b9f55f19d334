package dev.headroom.compress.internal.lines;

import dev.headroom.compress.internal.detect.LineSample;

/**
 * Classifies a log line by its severity words in one pass over its characters — the per-line regex
 * alternation this replaces was most of the log compressor's time. Words are runs of ASCII letters;
 * matching ignores case, so {@code ERROR}, {@code Error} and {@code error} all count. A word is
 * compared only with the words of its own length.
 */
final class Levels {

  static final int NONE = 0;
  static final int DEBUG = 1;
  static final int INFO = 2;
  static final int WARN = 3;
  static final int ERROR = 4;

  private static final String[] ERROR_WORDS = {
    "error",
    "fatal",
    "critical",
    "panic",
    "exception",
    "failed",
    "failure",
    "severe",
    "traceback",
    "deadlock"
  };

  /** What Jest, Vitest and Mocha put before a failed test's name: ✕ ✗ ✘ ×. */
  private static final String FAILED_TEST_MARKS = "\u2715\u2717\u2718\u00d7";

  private static final String[] HTTP_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"};

  private Levels() {}

  /**
   * @param line a line without its terminator
   * @return the highest severity found: {@link #ERROR} for error words, exception class names,
   *     out-of-memory kills, HTTP 5xx access lines and failed tests ({@code FAIL}, a line starting
   *     with ✕ or with Jest's ● other than {@code ● Console}) and klog's and .NET's error prefixes;
   *     {@link #WARN} (also HTTP 4xx lines and klog's {@code W}); {@link #INFO}; {@link #DEBUG}
   *     (also trace); {@link #NONE}
   */
  static int of(String line) {
    int level = prefixLevel(line);
    if (level == ERROR) {
      return ERROR;
    }
    int n = line.length();
    int i = 0;
    while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    if (i < n && FAILED_TEST_MARKS.indexOf(line.charAt(i)) >= 0) {
      return ERROR; // a test runner's failed test: "  ✕ rejects an expired card (12 ms)"
    }
    if (i < n
        && line.charAt(i) == '\u25cf'
        && !(line.startsWith("\u25cf Console", i) && n == i + 9)) {
      // Jest's failure report, "  ● PaymentsController › rejects an expired card", printed after
      // the file's list of tests; "● Console" heads what the tests logged.
      return ERROR;
    }
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
      int len = i - start;
      if (len < 3) {
        continue; // no level word, phrase or method is shorter
      }
      // Only whole words: "errors" or "ERRORS_TOTAL" are not levels, "TypeError" is handled below.
      boolean wordEnd =
          i >= n || !Character.isLetterOrDigit(line.charAt(i)) && line.charAt(i) != '_';
      if (!wordEnd) {
        continue;
      }
      if (len > 5
          && (line.startsWith("Error", i - 5)
              || (len > 9 && line.startsWith("Exception", i - 9)))) {
        return ERROR; // TypeError, NullPointerException
      }
      boolean wordStart =
          start == 0
              || !Character.isLetterOrDigit(line.charAt(start - 1))
                  && line.charAt(start - 1) != '_';
      if (wordStart) {
        int word = word(line, start, len, i);
        if (word == ERROR) {
          return ERROR;
        }
        level = Math.max(level, word);
      }
    }
    return level;
  }

  /**
   * The level a line's prefix gives it: klog's letter ({@code E0611 14:02:11.123456 …}: E and F
   * errors, W a warning) and .NET's console logger's {@code fail: } and {@code crit: }.
   */
  private static int prefixLevel(String line) {
    if (line.length() < 6) {
      return NONE;
    }
    char klog = LineSample.klogLevel(line);
    if (klog == 'E' || klog == 'F') {
      return ERROR;
    }
    if (klog == 'W') {
      return WARN;
    }
    return line.startsWith("fail: ") || line.startsWith("crit: ") ? ERROR : NONE;
  }

  /**
   * The level a whole word stands for, with what follows it where that counts ({@code npm ERR!},
   * {@code oom-kill}, {@code GET /path 503}). Only the words of its length are compared.
   */
  private static int word(String line, int start, int len, int end) {
    switch (len) {
      case 3 -> {
        if (line.startsWith("ERR", start) && end < line.length() && line.charAt(end) == '!') {
          return ERROR; // npm ERR!
        }
        if (is(line, start, len, "oom") && line.regionMatches(true, end, "-kill", 0, 5)) {
          return ERROR;
        }
        return http(line, start, len, end);
      }
      case 4 -> {
        int http = http(line, start, len, end);
        if (http != NONE) {
          return http;
        }
        if (line.startsWith("FAIL", start)) {
          return ERROR; // a test runner's verdict: "FAIL src/a.test.ts", "--- FAIL: TestX"
        }
        return is(line, start, len, "warn") ? WARN : is(line, start, len, "info") ? INFO : NONE;
      }
      case 5 -> {
        if (errorWord(line, start, len)) {
          return ERROR;
        }
        int http = http(line, start, len, end);
        if (http != NONE) {
          return http;
        }
        return is(line, start, len, "debug") || is(line, start, len, "trace") ? DEBUG : NONE;
      }
      case 6 -> {
        if (errorWord(line, start, len)) {
          return ERROR;
        }
        int http = http(line, start, len, end);
        if (http != NONE) {
          return http;
        }
        if (is(line, start, len, "memory")) {
          return start >= 7 && line.regionMatches(true, start - 7, "out of ", 0, 7) ? ERROR : NONE;
        }
        return is(line, start, len, "killed") && line.regionMatches(true, end, " process", 0, 8)
            ? ERROR
            : NONE;
      }
      case 7 -> {
        return errorWord(line, start, len) ? ERROR : is(line, start, len, "warning") ? WARN : NONE;
      }
      case 8, 9 -> {
        return errorWord(line, start, len) ? ERROR : NONE;
      }
      case 12 -> {
        return is(line, start, len, "segmentation") && line.regionMatches(true, end, " fault", 0, 6)
            ? ERROR
            : NONE;
      }
      default -> {
        return NONE;
      }
    }
  }

  private static boolean errorWord(String line, int start, int len) {
    for (String w : ERROR_WORDS) {
      if (is(line, start, len, w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code GET /path 503}: {@link #ERROR} for a 5xx status after a method and a path, {@link #WARN}
   * for a 4xx one (a client's failure is a failure too, but a routine one), else {@link #NONE}.
   */
  private static int http(String line, int start, int len, int end) {
    char status = httpStatusClass(line, start, len, end);
    return status == '5' ? ERROR : status == '4' ? WARN : NONE;
  }

  private static char httpStatusClass(String line, int start, int len, int end) {
    char first = line.charAt(start);
    if (first != 'G' && first != 'P' && first != 'D' && first != 'H') {
      return 0; // no method starts otherwise
    }
    boolean method = false;
    for (String m : HTTP_METHODS) {
      method |= len == m.length() && line.startsWith(m, start);
    }
    if (!method || end >= line.length() || line.charAt(end) != ' ') {
      return 0;
    }
    int j = end + 1;
    while (j < line.length() && line.charAt(j) != ' ') {
      j++; // the path
    }
    j++;
    boolean status =
        j + 3 <= line.length()
            && (line.charAt(j) == '5' || line.charAt(j) == '4')
            && Character.isDigit(line.charAt(j + 1))
            && Character.isDigit(line.charAt(j + 2))
            && (j + 3 == line.length() || !Character.isDigit(line.charAt(j + 3)));
    return status ? line.charAt(j) : 0;
  }

  /**
   * {@code word} is lower-case ASCII and the line's word is ASCII letters, so the first letter can
   * be compared by bit.
   */
  private static boolean is(String line, int start, int len, String word) {
    return len == word.length()
        && (line.charAt(start) | 0x20) == word.charAt(0)
        && line.regionMatches(true, start, word, 0, len);
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
