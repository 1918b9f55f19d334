package dev.headroom.compress.internal.json;


/**
 * Finds error-like words in a row's values in one pass over its characters (a case-insensitive regex
 * alternation here was a quarter of the table compressor's time). Whole ASCII words only, except
 * the prefixes {@code crash…} and {@code oom…} ({@code CrashLoopBackOff}, {@code OOMKilled}).
 */
final class ErrorWords {

  private static final String[] WORDS = {
    "error", "errors", "fail", "failed", "failure", "fatal", "critical", "declined", "denied",
    "rejected", "exception", "panic", "timeout", "unhealthy", "refused", "invalid", "insufficient"
  };
  /** Candidates by length, so a word is compared only with words as long as itself. */
  private static final String[][] BY_LENGTH = new String[13][];

  static {
    for (int len = 0; len < BY_LENGTH.length; len++) {
      final int l = len;
      BY_LENGTH[len] = java.util.Arrays.stream(WORDS).filter(w -> w.length() == l).toArray(String[]::new);
    }
  }

  private ErrorWords() {}

  static boolean in(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isLetter(c)) {
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
      if (whole && len >= 4 && len <= 12) {
        for (String w : BY_LENGTH[len]) {
          if (text.regionMatches(true, start, w, 0, len)) {
            return true;
          }
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
