package dev.headroom.compress.internal.tokens;

import com.knuddels.jtokkit.api.Encoding;

/**
 * Exact {@code o200k_base} counts at several times jtokkit's speed: {@link O200kSplitter} cuts the text
 * into the pieces jtokkit's regex would, and each piece is counted by jtokkit itself
 * ({@link Encoding#countTokensOrdinary}: byte-pair merging never crosses a piece, so the count of a
 * text is the sum of its pieces' counts, and the regex finds a lone piece to be one piece). Most of
 * the time is saved by not running the Unicode regex over every character, the rest by remembering
 * the counts of recent short pieces (keys, words, punctuation runs recur all through tool output).
 *
 * <p>The memory is a fixed table of {@value #SLOTS} slots, one entry per slot, shared by all threads
 * without locks: an entry is an immutable object with final fields, so a thread sees either a whole
 * entry or an older one, and a lost update only costs a recount. Pieces of two or three ASCII
 * characters (punctuation pairs, short numbers, {@code ": "}) are the most frequent of all and get
 * a direct table instead, indexed by their characters (2 MB of counts, 0 for not yet counted; a
 * byte is written whole, so the same reasoning holds).
 */
final class PieceCounts {

  static final int SLOTS = 1 << 14;
  /** Longer pieces are rare (long identifiers, base64) and would rarely be met again. */
  static final int MAX_CACHED_CHARS = 48;

  private static final int PAIRS = 1 << 14;

  private final Encoding bpe;
  private final Entry[] table = new Entry[SLOTS];
  /** Counts of two-character (at {@code c0 << 7 | c1}) and three-character ASCII pieces (after those). */
  private final byte[] shortPieces = new byte[PAIRS + (1 << 21)];

  /**
   * @param bpe jtokkit's {@code o200k_base} encoding
   */
  PieceCounts(Encoding bpe) {
    this.bpe = bpe;
  }

  /**
   * @param text any text
   * @return exactly {@code bpe.countTokensOrdinary(text)}
   */
  int count(String text) {
    int n = text.length();
    int tokens = 0;
    for (int i = 0; i < n; ) {
      int end = O200kSplitter.end(text, i);
      int length = end - i;
      if (length == 1 && text.charAt(i) < 0x80) {
        tokens++;
      } else if (length >= 2 && length <= 3 && (text.charAt(i) | text.charAt(i + 1) | text.charAt(end - 1)) < 0x80) {
        tokens += shortPiece(text, i, end);
      } else {
        tokens += piece(text, i, end);
      }
      i = end;
    }
    return tokens;
  }

  private int shortPiece(String text, int start, int end) {
    int index = text.charAt(start) << 7 | text.charAt(start + 1);
    if (end - start == 3) {
      index = PAIRS + (index << 7 | text.charAt(start + 2));
    }
    int tokens = shortPieces[index];
    if (tokens == 0) {
      tokens = bpe.countTokensOrdinary(text.substring(start, end));
      shortPieces[index] = (byte) tokens;
    }
    return tokens;
  }

  /** A single ASCII character is one byte, and every byte is a token; anything else is looked up. */
  private int piece(String text, int start, int end) {
    int length = end - start;
    if (length > MAX_CACHED_CHARS) {
      return bpe.countTokensOrdinary(text.substring(start, end));
    }
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    int slot = (hash ^ hash >>> 14) & (SLOTS - 1);
    Entry e = table[slot];
    if (e != null && e.hash == hash && e.piece.length() == length && e.piece.regionMatches(0, text, start, length)) {
      return e.tokens;
    }
    String piece = text.substring(start, end);
    int tokens = bpe.countTokensOrdinary(piece);
    table[slot] = new Entry(piece, hash, tokens);
    return tokens;
  }

  /** A piece and its count; final fields make it safe to publish through the shared table. */
  private record Entry(String piece, int hash, int tokens) {}
}
