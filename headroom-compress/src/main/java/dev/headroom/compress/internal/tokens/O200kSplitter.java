package dev.headroom.compress.internal.tokens;

/**
 * The pre-tokenisation split of {@code o200k_base} without {@link java.util.regex}: where
 * tiktoken's (and jtokkit's) pattern
 *
 * <pre>{@code
 * [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
 * }</pre>
 *
 * <p>compiled with {@code UNICODE_CHARACTER_CLASS} would end the piece that starts at a given
 * index, {@link #end} returns that end. The alternatives are tried in the regex's order with its
 * backtracking worked out by hand (the comments at each step say how); the character classes are
 * the ones {@code java.util.regex} uses, from {@link Character#getType(int)} ({@code \s} is
 * White_Space: Zs, Zl, Zp, U+0009–U+000D and U+0085), and the case-insensitive contraction suffix
 * folds the way its Unicode-case matching does ({@code 'S}, {@code 'ſ}). Tests compare it with the
 * regex itself on random and realistic text, and every code point's class with the regex's.
 */
final class O200kSplitter {

  // Classes of a code point, as bits.
  /** Lu, Lt: only in the first (upper) letter class. */
  private static final int UPPER = 1;

  /** Ll: only in the second (lower) letter class. */
  private static final int LOWER = 2;

  /** Lm, Lo: in both letter classes. */
  private static final int OTHER_LETTER = 4;

  /** Mn, Mc, Me: in both letter classes, and also not \p{L}, so a prefix or punctuation too. */
  private static final int MARK = 8;

  /** Nd, Nl, No. */
  private static final int NUMBER = 16;

  /** White_Space other than CR and LF. */
  private static final int SPACE = 32;

  /** CR or LF. */
  private static final int NEWLINE = 64;

  /** Anything else: [^\s\p{L}\p{N}] minus marks. */
  private static final int PUNCT = 128;

  private static final int IN_UPPER_CLASS = UPPER | OTHER_LETTER | MARK;
  private static final int IN_LOWER_CLASS = LOWER | OTHER_LETTER | MARK;
  private static final int LETTERISH = UPPER | LOWER | OTHER_LETTER | MARK;

  /** {@code [^\r\n\p{L}\p{N}]}: may open a letter piece. */
  private static final int PREFIX = MARK | SPACE | PUNCT;

  /** {@code [^\s\p{L}\p{N}]}. */
  private static final int NON_SPACE_SYMBOL = MARK | PUNCT;

  private static final int WHITE = SPACE | NEWLINE;

  private static final byte[] ASCII = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII[c] = (byte) classify(c);
    }
  }

  private O200kSplitter() {}

  /**
   * @param s the text
   * @param start where a piece starts ({@code 0}, or the end of the previous piece), below {@code
   *     s.length()}
   * @return where that piece ends
   */
  static int end(String s, int start) {
    int n = s.length();
    int cp = s.charAt(start);
    int cls;
    int next;
    if (cp < 128) {
      cls = ASCII[cp];
      next = start + 1;
    } else {
      cp = s.codePointAt(start);
      cls = classify(cp);
      next = start + Character.charCount(cp);
    }
    // Alternative 1, then 2: [^\r\n\p{L}\p{N}]? then letters. The optional prefix is tried first,
    // then no prefix (which can only help when the first character is a mark).
    if ((cls & PREFIX) != 0) {
      int e = lowerLetters(s, next);
      if (e >= 0) {
        return suffix(s, e);
      }
    }
    if ((cls & LETTERISH) != 0) {
      int e = lowerLetters(s, start);
      if (e >= 0) {
        return suffix(s, e);
      }
    }
    if ((cls & PREFIX) != 0) {
      int e = upperLetters(s, next);
      if (e >= 0) {
        return suffix(s, e);
      }
    }
    if ((cls & LETTERISH) != 0) {
      int e = upperLetters(s, start);
      if (e >= 0) {
        return suffix(s, e);
      }
    }
    // Alternative 3: \p{N}{1,3}.
    if (cls == NUMBER) {
      int e = next;
      for (int k = 1; k < 3 && e < n; k++) {
        int c = s.codePointAt(e);
        if (classOf(c) != NUMBER) {
          break;
        }
        e += Character.charCount(c);
      }
      return e;
    }
    // Alternative 4: " ?[^\s\p{L}\p{N}]+[\r\n/]*" (with the space first; a lone space cannot start
    // the symbol run itself).
    if (cp == ' ' && next < n && (classAt(s, next) & NON_SPACE_SYMBOL) != 0) {
      return newlinesAndSlashes(s, symbols(s, next));
    }
    if ((cls & NON_SPACE_SYMBOL) != 0) {
      return newlinesAndSlashes(s, symbols(s, start));
    }
    // Only white space is left. Its maximal run is [start, runEnd), and lastNewline is the index
    // just
    // past the last CR or LF in it.
    int runEnd = start;
    int lastNewline = -1;
    while (runEnd < n) {
      int c = s.codePointAt(runEnd);
      int k = classOf(c);
      if ((k & WHITE) == 0) {
        break;
      }
      runEnd += Character.charCount(c);
      if (k == NEWLINE) {
        lastNewline = runEnd;
      }
    }
    // Alternative 5: \s*[\r\n]+ backtracks \s* to the last line break of the run.
    if (lastNewline >= 0) {
      return lastNewline;
    }
    // Alternative 6: \s+(?!\S) takes the whole run at the end of the text, else gives back its last
    // character when that leaves at least one.
    if (runEnd == n) {
      return n;
    }
    if (runEnd - 1 > start) {
      return runEnd - 1; // every white-space character is a single char
    }
    // Alternative 7: \s+, a single white-space character before a non-space.
    return runEnd;
  }

  /**
   * The body of alternative 1 from {@code j}: {@code [upper]*[lower]+} with the regex's
   * backtracking. The greedy upper run {@code [j, u)} is followed by a lower-class character (then
   * the lower run goes on from there), or gives back characters until one of its own is in the
   * lower class (Lm, Lo or a mark), which then ends the piece.
   *
   * @return the end, or -1 when the alternative does not match at {@code j}
   */
  private static int lowerLetters(String s, int j) {
    int n = s.length();
    int u = j;
    int lastBoth = -1; // end of the last upper-run character that is also in the lower class
    while (u < n) {
      int c = s.codePointAt(u);
      int k = classOf(c);
      if ((k & IN_UPPER_CLASS) == 0) {
        break;
      }
      u += Character.charCount(c);
      if ((k & IN_LOWER_CLASS) != 0) {
        lastBoth = u;
      }
    }
    if (u < n && (classAt(s, u) & IN_LOWER_CLASS) != 0) {
      return lowerRun(s, u);
    }
    return lastBoth;
  }

  /**
   * The body of alternative 2 from {@code j}: {@code [upper]+[lower]*}.
   *
   * @return the end, or -1 when the alternative does not match at {@code j}
   */
  private static int upperLetters(String s, int j) {
    int n = s.length();
    int u = j;
    while (u < n) {
      int c = s.codePointAt(u);
      if ((classOf(c) & IN_UPPER_CLASS) == 0) {
        break;
      }
      u += Character.charCount(c);
    }
    return u == j ? -1 : lowerRun(s, u);
  }

  private static int lowerRun(String s, int i) {
    int n = s.length();
    while (i < n) {
      char ch = s.charAt(i);
      if (ch < 128) {
        if (ASCII[ch] != LOWER) {
          return i;
        }
        i++;
      } else {
        int c = s.codePointAt(i);
        if ((classify(c) & IN_LOWER_CLASS) == 0) {
          return i;
        }
        i += Character.charCount(c);
      }
    }
    return i;
  }

  /** {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)?} at {@code e}. */
  private static int suffix(String s, int e) {
    int n = s.length();
    if (e + 1 >= n || s.charAt(e) != '\'') {
      return e;
    }
    char a = fold(s.charAt(e + 1));
    if (a == 's' || a == 't' || a == 'm' || a == 'd') {
      return e + 2;
    }
    if (e + 2 < n) {
      char b = fold(s.charAt(e + 2));
      if ((a == 'r' || a == 'v') && b == 'e' || a == 'l' && b == 'l') {
        return e + 3;
      }
    }
    return e;
  }

  /** Unicode case folding as the regex's case-insensitive match does it ({@code ſ} → {@code s}). */
  private static char fold(char c) {
    return c < 128
        ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c)
        : Character.toLowerCase(Character.toUpperCase(c));
  }

  /** The maximal run of {@code [^\s\p{L}\p{N}]} from {@code i}, which holds one such character. */
  private static int symbols(String s, int i) {
    int n = s.length();
    while (i < n) {
      int c = s.codePointAt(i);
      if ((classOf(c) & NON_SPACE_SYMBOL) == 0) {
        return i;
      }
      i += Character.charCount(c);
    }
    return i;
  }

  private static int newlinesAndSlashes(String s, int i) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c != '\r' && c != '\n' && c != '/') {
        return i;
      }
      i++;
    }
    return i;
  }

  private static int classAt(String s, int i) {
    char ch = s.charAt(i);
    return ch < 128 ? ASCII[ch] : classify(s.codePointAt(i));
  }

  private static int classOf(int cp) {
    return cp < 128 ? ASCII[cp] : classify(cp);
  }

  /**
   * @param cp a code point
   * @return its class bit
   */
  static int classify(int cp) {
    if (cp == '\r' || cp == '\n') {
      return NEWLINE;
    }
    int type = Character.getType(cp);
    switch (type) {
      case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> {
        return UPPER;
      }
      case Character.LOWERCASE_LETTER -> {
        return LOWER;
      }
      case Character.MODIFIER_LETTER, Character.OTHER_LETTER -> {
        return OTHER_LETTER;
      }
      case Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK -> {
        return MARK;
      }
      case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
        return NUMBER;
      }
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
        return SPACE;
      }
      default -> {
        return cp >= 0x09 && cp <= 0x0D || cp == 0x85 ? SPACE : PUNCT;
      }
    }
  }
}
