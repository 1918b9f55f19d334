package dev.headroom.compress.internal.tokens;

import dev.headroom.compress.TokenCounter;

/**
 * Counting every token of a large original costs more than compressing it, and the gate needs the
 * count only to compare. Inputs longer than {@value #EXACT_CHARS} characters are estimated from
 * {@value #SAMPLES} evenly spaced samples of {@value #SAMPLE_CHARS} characters.
 */
public final class TokenEstimates {

  /** Up to this many characters the count is exact. */
  public static final int EXACT_CHARS = 32_768;
  static final int SAMPLES = 8;
  static final int SAMPLE_CHARS = 1_024;

  private TokenEstimates() {}

  /**
   * @param counter the tokenizer
   * @param text any text
   * @return the exact count for short texts, else a sampled estimate
   */
  public static int estimate(TokenCounter counter, String text) {
    int n = text.length();
    if (n <= EXACT_CHARS) {
      return counter.count(text);
    }
    long tokens = 0;
    long chars = 0;
    int stride = n / SAMPLES;
    for (int s = 0; s < SAMPLES; s++) {
      int from = boundary(text, s * stride);
      int to = boundary(text, Math.min(n, from + SAMPLE_CHARS));
      if (to > from) {
        tokens += counter.count(text.substring(from, to));
        chars += to - from;
      }
    }
    return chars == 0 ? counter.count(text) : (int) Math.round((double) tokens * n / chars);
  }

  /** Moves forward to just after whitespace, so a sample does not start or end inside a word. */
  private static int boundary(String text, int i) {
    int limit = Math.min(text.length(), i + 64);
    for (int j = i; j < limit; j++) {
      if (Character.isWhitespace(text.charAt(j))) {
        return j + 1;
      }
    }
    return Math.min(text.length(), i);
  }
}
