package dev.headroom.compress.internal.json;

import java.util.Arrays;
import java.util.List;

/**
 * Finds error-like words in a row's values in one pass over its characters (a case-insensitive
 * regex alternation here was a quarter of the table compressor's time). Whole ASCII words only,
 * except the prefixes {@code crash…} and {@code oom…} ({@code CrashLoopBackOff}, {@code
 * OOMKilled}), words ending in {@code …backoff} ({@code ImagePullBackOff}) and {@code
 * ErrImagePull}; and the failures that carry no error word at all: a non-zero exit, {@code Exited
 * (137)}, {@code exit code 2}, {@code exit status 1}.
 */
final class ErrorWords {

  private static final String[] WORDS = {
    "error",
    "errors",
    "fail",
    "failed",
    "failure",
    "fatal",
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
    "dead",
    "evicted",
    "killed",
    "aborted",
    "errored",
    "failing",
    "unreachable",
    "unavailable",
    "errimagepull"
  };

  /** Candidates by length, so a word is compared only with words as long as itself. */
  private static final String[][] BY_LENGTH = new String[13][];

  /** The first letters of the words (and of "timed out") of each length, as bits from {@code a}. */
  private static final int[] FIRST_LETTERS = new int[13];

  static {
    for (int len = 0; len < BY_LENGTH.length; len++) {
      final int l = len;
      BY_LENGTH[len] = Arrays.stream(WORDS).filter(w -> w.length() == l).toArray(String[]::new);
      for (String w : BY_LENGTH[len]) {
        FIRST_LETTERS[len] |= 1 << w.charAt(0) - 'a';
      }
    }
    FIRST_LETTERS[5] |= 1 << 't' - 'a';
  }

  private ErrorWords() {}

  /**
   * @return the whole words looked for, lower case (besides the prefixes, suffix and exits)
   */
  static List<String> words() {
    return List.of(WORDS);
  }

  /**
   * @param text any text
   * @return whether it holds an error-like word
   */
  static boolean in(String text) {
    return in(text, 0, text.length());
  }

  /**
   * {@code in(text.substring(from, to))}, without the copy: nothing outside the range is read.
   *
   * @param text any text
   * @param from where the range starts
   * @param to where it ends
   * @return whether the range holds an error-like word
   */
  static boolean in(String text, int from, int to) {
    int n = to;
    int i = from;
    while (i < n) {
      if (!isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      do {
        i++;
      } while (i < n && isLetter(text.charAt(i)));
      int len = i - start;
      // Every word and prefix is compared only with runs that start with its letter.
      char first = (char) (text.charAt(start) | 0x20);
      if (first == 'c' && len >= 5 && text.regionMatches(true, start, "crash", 0, 5)
          || first == 'o' && len >= 3 && text.regionMatches(true, start, "oom", 0, 3)
          || len > 7 && text.regionMatches(true, i - 7, "backoff", 0, 7)) {
        return true;
      }
      if ((first == 'e' && (len == 6 || len == 4))
          && whole(text, from, to, start, i)
          && nonZeroExit(text, to, start, i)) {
        return true;
      }
      if (len >= 4
          && len <= 12
          && (FIRST_LETTERS[len] & 1 << first - 'a') != 0
          && whole(text, from, to, start, i)) {
        for (String w : BY_LENGTH[len]) {
          if (w.charAt(0) == first && text.regionMatches(true, start, w, 0, len)) {
            return true;
          }
        }
        if (len == 5
            && first == 't'
            && start + 9 <= to
            && text.regionMatches(true, start, "timed out", 0, 9)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code Exited (N)} or {@code exit code N} / {@code exit status N} with N not zero, the word at
   * {@code [start, end)} being {@code exited} or {@code exit}, all of it before {@code to}.
   */
  private static boolean nonZeroExit(String text, int to, int start, int end) {
    int i = end;
    if (end - start == 6 && text.regionMatches(true, start, "exited", 0, 6)) {
      if (i + 1 < to && text.charAt(i) == ' ' && text.charAt(i + 1) == '(') {
        return nonZeroNumber(text, to, i + 2);
      }
      return false;
    }
    if (end - start == 4 && text.regionMatches(true, start, "exit", 0, 4)) {
      for (String word : new String[] {" code ", " code: ", " status ", " status: "}) {
        if (i + word.length() <= to && text.regionMatches(true, i, word, 0, word.length())) {
          return nonZeroNumber(text, to, i + word.length());
        }
      }
    }
    return false;
  }

  /** Whether digits start at {@code at} (before {@code to}) and are not all zeros. */
  private static boolean nonZeroNumber(String text, int to, int at) {
    int i = at;
    boolean nonZero = false;
    while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      nonZero |= text.charAt(i) != '0';
      i++;
    }
    return i > at && nonZero;
  }

  /**
   * Whether the run {@code [start, end)} is a whole word: no letter or digit of any script touches
   * it within {@code [from, to)}.
   */
  private static boolean whole(String text, int from, int to, int start, int end) {
    return (start == from || !Character.isLetterOrDigit(text.charAt(start - 1)))
        && (end == to || !Character.isLetterOrDigit(text.charAt(end)));
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
