package dev.headroom.compress.internal.tokens;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Bounds on a byte-level BPE token count (o200k_base, cl100k_base) and a rough estimate, from one
 * pass over the characters and no tokenizer, so the gate can often decide without counting.
 *
 * <p><b>Upper bound:</b> every token covers at least one byte, so a text has at most as many tokens
 * as UTF-8 bytes.
 *
 * <p><b>Lower bound:</b> both encodings split the text with a pre-tokenisation regex before
 * merging, and no token crosses a split. In both regexes a piece that holds a letter ({@code
 * \p{L}}) holds no digit, and its letters are contiguous apart from marks and an apostrophe
 * contraction ({@code 's}, {@code 't}…); a digit ({@code \p{N}}) only ever sits in a piece of one
 * to three digits. So every maximal run of letters, marks and apostrophes that holds a letter is at
 * least one token of its own, and every maximal run of {@code k} digits is at least {@code ceil(k /
 * 3)} tokens. A run of ASCII punctuation between letters, digits and whitespace is a piece of its
 * own too, with the exceptions listed at {@link #countsAsPiece}. Whitespace and anything else are
 * left out, which only makes the bound lower.
 *
 * <p><b>Estimate:</b> the lower bound plus one token per run of punctuation, per run of whitespace
 * other than a single space, and per {@value #LETTERS_PER_TOKEN} letters past the first of a word.
 * It is only ever reported, never used to accept a result.
 *
 * @param lower tokens the text has at least
 * @param upper tokens the text has at most (its UTF-8 length)
 * @param estimate a rough count, between the two
 */
@API(status = INTERNAL, since = "0.1")
public record TokenBounds(int lower, int upper, int estimate) {

  static final int LETTERS_PER_TOKEN = 6;

  private static final int OTHER = 0;
  private static final int LETTER = 1;
  private static final int JOINER = 2;
  private static final int DIGIT = 3;
  private static final int SPACE = 4;
  private static final byte[] ASCII = new byte[128];

  /**
   * {@link #ASCII}, but only ' ', \t, \n and \r as {@link #SPACE}, and the apostrophe as {@link
   * #OTHER}.
   */
  private static final byte[] PLAIN = new byte[128];

  static {
    for (int c = 'a'; c <= 'z'; c++) {
      ASCII[c] = LETTER;
      ASCII[c - 'a' + 'A'] = LETTER;
    }
    for (int c = '0'; c <= '9'; c++) {
      ASCII[c] = DIGIT;
    }
    ASCII['\''] = JOINER;
    for (char c : new char[] {' ', '\t', '\n', '\r', '\f', 0x0B}) {
      ASCII[c] = SPACE;
    }
    for (int c = 0; c < 128; c++) {
      PLAIN[c] = ASCII[c] == LETTER || ASCII[c] == DIGIT ? ASCII[c] : OTHER;
    }
    for (char c : new char[] {' ', '\t', '\n', '\r'}) {
      PLAIN[c] = SPACE;
    }
  }

  /**
   * @param text any text
   * @return its bounds and estimate
   */
  public static TokenBounds of(String text) {
    return of(text, Integer.MAX_VALUE);
  }

  /**
   * Bounds of a text, read only as far as needed to prove a lower bound above {@code stopAbove}.
   * The scan may stop after any character: only runs already closed by a character of another kind
   * count towards the lower bound, each exactly as in the whole text (a run of letters or digits is
   * maximal once another kind follows, and a punctuation run is judged with the character after
   * it), so the lower bound of what was read is one of the whole text — minified JSON with no white
   * space stops as early as prose. When it stops early, the upper bound is that of what was read
   * plus three bytes per character left, and the estimate is the one of what was read scaled to the
   * whole length; otherwise the result is {@link #of(String)}'s.
   *
   * @param text any text
   * @param stopAbove the lower bound at which reading may stop
   * @return its bounds and estimate
   */
  public static TokenBounds of(String text, int stopAbove) {
    int n = text.length();
    int bytes = n;
    int lower = 0;
    int extra = 0; // estimate minus lower bound
    int run = 0; // length of the current run of one kind
    int runKind = -1;
    boolean groupHasLetter = false;
    int punct = 0; // punctuation runs sure to be pieces of their own
    int punctRun = 0;
    boolean punctPure = false;
    boolean punctAfterNewline = false;
    char previous = 0;
    for (int i = 0; i < n; ) {
      char ch = text.charAt(i);
      int raw;
      if (ch < 128) {
        raw = ASCII[ch];
        i++;
      } else {
        int cp = text.codePointAt(i);
        int units = Character.charCount(cp);
        i += units;
        bytes +=
            ch < 0x800 ? 1 : 2; // 2 bytes below U+0800, else 3 (a surrogate pair: 2 units, 4 bytes)
        raw = kind(cp);
      }
      // Marks and apostrophes join the letters around them into one group.
      int kind = raw == JOINER ? LETTER : raw;
      if (kind != runKind) {
        lower += lowerOf(runKind, run, groupHasLetter);
        extra += extraOf(runKind, run, groupHasLetter);
        runKind = kind;
        run = 0;
        groupHasLetter = false;
      }
      run++;
      groupHasLetter |= raw == LETTER;
      if (raw == LETTER || raw == DIGIT || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
        if (countsAsPiece(punctRun, punctPure, punctAfterNewline, raw == LETTER)) {
          punct++;
        }
        punctRun = 0;
      } else {
        if (punctRun == 0) {
          punctPure = true;
          punctAfterNewline = previous == '\n' || previous == '\r';
        }
        punctRun++;
        punctPure &= ch < 128 && ch != '\'' && ch != 0x0B && ch != '\f';
      }
      previous = ch;
      // lower and punct hold closed runs only, each counted as in the whole text: a bound already.
      if (lower + punct > stopAbove && i < n) {
        return partial(lower + punct, lower + extra, bytes, n, i);
      }
      if (punctRun == 0) {
        // The character was a letter, a digit or ' ', \t, \n, \r. Until anything else comes, no
        // punctuation run is open: an ASCII letter, digit or one of those four only lengthens the
        // current run or closes it and opens one of its own kind.
        int from = i;
        while (i < n) {
          char c = text.charAt(i);
          int k = c < 128 ? PLAIN[c] : OTHER;
          if (k == OTHER) {
            break;
          }
          i++;
          if (k == runKind) {
            run++;
            continue;
          }
          lower += lowerOf(runKind, run, groupHasLetter);
          extra += extraOf(runKind, run, groupHasLetter);
          runKind = k;
          run = 1;
          groupHasLetter = k == LETTER;
          if (lower + punct > stopAbove && i < n) {
            return partial(lower + punct, lower + extra, bytes, n, i);
          }
        }
        if (i > from) {
          previous = text.charAt(i - 1);
        }
      }
    }
    lower += lowerOf(runKind, run, groupHasLetter);
    extra += extraOf(runKind, run, groupHasLetter);
    if (countsAsPiece(punctRun, punctPure, punctAfterNewline, false)) {
      punct++;
    }
    return new TokenBounds(
        lower + punct, bytes, Math.min(bytes, Math.max(lower + extra, lower + punct)));
  }

  /**
   * Bounds of a whole text from its first {@code read} characters: the lower bound of the closed
   * runs, an upper bound allowing four bytes for each character not read, the estimate scaled by
   * length.
   */
  private static TokenBounds partial(int lower, int estimateRead, int bytesSoFar, int n, int read) {
    long upper = bytesSoFar + 3L * (n - read);
    long estimate = (long) Math.max(estimateRead, lower) * n / read;
    return new TokenBounds(
        lower,
        (int) Math.min(Integer.MAX_VALUE, upper),
        (int) Math.max(lower, Math.min(upper, estimate)));
  }

  /**
   * Whether a finished run of everything but letters, digits, space, tab, CR and LF is a piece of
   * its own: only when it is all ASCII punctuation (no apostrophe, which contractions take; no
   * mark, which letter pieces take), does not directly follow CR or LF (o200k's punctuation piece
   * may run on over {@code [\r\n/]*} into it), and is not a single character before a letter (which
   * the letter's piece may take as its prefix).
   */
  private static boolean countsAsPiece(
      int length, boolean pure, boolean afterNewline, boolean beforeLetter) {
    return length > 0 && pure && !afterNewline && (length >= 2 || !beforeLetter);
  }

  /** Tokens a finished run of one kind is sure to hold. */
  private static int lowerOf(int kind, int run, boolean hasLetter) {
    return kind == LETTER ? (hasLetter ? 1 : 0) : kind == DIGIT ? (run + 2) / 3 : 0;
  }

  /** Tokens a finished run is guessed to hold beyond {@link #lowerOf}. */
  private static int extraOf(int kind, int run, boolean hasLetter) {
    return switch (kind) {
      case LETTER -> hasLetter ? (run - 1) / LETTERS_PER_TOKEN : 1;
      case OTHER -> (run + 2) / 3;
      case SPACE -> run > 1 ? 1 : 0;
      default -> 0;
    };
  }

  private static int kind(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER -> {
        return LETTER;
      }
      case Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK -> {
        return JOINER;
      }
      case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
        return DIGIT;
      }
      default -> {
        return Character.isWhitespace(cp) ? SPACE : OTHER;
      }
    }
  }
}
