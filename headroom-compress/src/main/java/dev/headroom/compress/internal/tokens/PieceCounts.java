package dev.headroom.compress.internal.tokens;

import com.knuddels.jtokkit.api.Encoding;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Exact {@code o200k_base} counts at several times jtokkit's speed. {@link O200kSplitter} cuts the
 * text into the pieces jtokkit's regex would, and each piece is counted by jtokkit itself ({@link
 * Encoding#countTokensOrdinary}: byte-pair merging never crosses a piece, so the count of a text is
 * the sum of its pieces' counts, and the regex finds a lone piece to be one piece). Most of the
 * time is saved by not running the Unicode regex over every character, the rest by remembering
 * counts.
 *
 * <p><b>Spans.</b> A piece always ends between an ASCII letter or digit and an ASCII character that
 * is neither, nor an apostrophe ({@link #splitsBefore}): a letter or digit only ever sits in a
 * letter piece or a piece of digits, which ends there (a letter piece goes on only over letters,
 * marks and an apostrophe's contraction). So the text falls into spans at those places, and each
 * span's pieces are its own: {@code ","maxPoolSize}, {@code ":130}, {@code -0}, a newline with the
 * next line's indentation and first word. The count of a recent span is remembered whole, so a span
 * met again (keys with their quotes, a log line's fixed words, indentation with its keyword) is one
 * lookup, and its characters are read once, to find its end and hash it, instead of once by the
 * splitter and again by each piece's lookup. A span not remembered is split and its pieces counted
 * as below. Most spans are short and ASCII (every one of a CSV table's, nineteen in twenty of a
 * log's): those are remembered in a table of their own packed as pieces are, below, which needs
 * neither a hash nor a comparison of text.
 *
 * <p><b>Pieces.</b> A single ASCII character is one token. An ASCII piece of up to {@value
 * #MAX_PACKED_CHARS} characters is packed, seven bits a character, into a long that is its own key;
 * longer pieces and pieces with other characters are kept with their text.
 *
 * <p>ASCII spans of 9 to {@value #MAX_PAIR_CHARS} characters (a JSON key with its quotes and comma,
 * a long word with the space before it) are packed into two longs, compared in place of their text
 * ({@link #pairSpan}): counting the compressed JSON object sample took a quarter less time.
 *
 * <p>The memories are fixed tables (the packed ones two-way, {@link #recall}), shared by all
 * threads without locks. An entry with text or two longs is an immutable object with final fields,
 * so a thread sees either a whole entry or an older one; a packed entry is one long holding key and
 * count, read and written whole (opaque access). A lost update only costs a recount. The five hold
 * at most about 7 MB: twice 256 KB of packed entries, {@value #SLOTS} entries of two longs, and two
 * tables of {@value #SLOTS} entries of at most {@value #MAX_SPAN_CHARS} characters each (half that
 * for ASCII text).
 */
final class PieceCounts {

  static final int SLOT_BITS = 14;
  static final int SLOTS = 1 << SLOT_BITS;
  private static final long LAST_NINE = (1L << 63) - 1;

  /** Longer pieces are rare (long identifiers, base64) and would rarely be met again. */
  static final int MAX_CACHED_CHARS = 48;

  /** Longer spans are counted piece by piece: they would rarely be met again either. */
  static final int MAX_SPAN_CHARS = 64;

  /** ASCII pieces up to this length are packed into a long, seven bits a character. */
  static final int MAX_PACKED_CHARS = 8;

  /**
   * ASCII spans up to this length are packed into two longs: the last nine characters, the rest.
   */
  static final int MAX_PAIR_CHARS = 17;

  static final int PACKED_BITS = 15;

  /**
   * A packed entry is the piece's key shifted left by these bits, or-ed with its count (at most 8).
   */
  private static final int COUNT_BITS = 7;

  private static final VarHandle PACKED = MethodHandles.arrayElementVarHandle(long[].class);

  /**
   * Of an ASCII character: {@link #WORD} a letter or digit, {@link #BREAK} a span may start at it.
   */
  private static final byte[] ASCII = new byte[128];

  private static final byte WORD = 1;
  private static final byte BREAK = 2;

  static {
    for (int c = 0; c < 128; c++) {
      boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      ASCII[c] = word ? WORD : c == '\'' ? 0 : BREAK;
    }
  }

  private final Encoding bpe;
  private final Entry[] spans = new Entry[SLOTS];
  private final Pair[] pairSpans = new Pair[SLOTS];
  private final Entry[] pieces = new Entry[SLOTS];
  private final long[] packed = new long[1 << PACKED_BITS];
  private final long[] packedSpans = new long[1 << PACKED_BITS];

  /**
   * @param bpe jtokkit's {@code o200k_base} encoding
   */
  PieceCounts(Encoding bpe) {
    this.bpe = bpe;
  }

  /**
   * Whether the split of any text ends a piece between these two neighbours.
   *
   * @param previous a character
   * @param c the character after it
   * @return true when {@code previous} is an ASCII letter or digit and {@code c} is ASCII, neither,
   *     and not an apostrophe
   */
  static boolean splitsBefore(char previous, char c) {
    return previous < 0x80 && c < 0x80 && ASCII[previous] == WORD && ASCII[c] == BREAK;
  }

  /**
   * @param text any text
   * @return exactly {@code bpe.countTokensOrdinary(text)}
   */
  int count(String text) {
    int n = text.length();
    int tokens = 0;
    int start = 0;
    int hash = 0;
    long key = 1; // the span packed as in packed(), valid while it is short and ASCII
    int all = 0;
    char previous = ' ';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (splitsBefore(previous, c)) {
        tokens += span(text, start, i, hash, key, all);
        start = i;
        hash = 0;
        key = 1;
        all = 0;
      }
      hash = 31 * hash + c;
      key = key << 7 | c;
      all |= c;
      previous = c;
    }
    return start < n ? tokens + span(text, start, n, hash, key, all) : tokens;
  }

  /**
   * @param key the span packed behind a leading 1 bit, seven bits a character; only its last 64
   *     bits when it is longer than {@value #MAX_PACKED_CHARS} characters (the last nine
   *     characters, which {@link #pairSpan} uses), and unused for a span that is not ASCII
   * @param all the span's characters or-ed together (ASCII when below 0x80)
   */
  private int span(String text, int start, int end, int hash, long key, int all) {
    int length = end - start;
    if (length <= MAX_PACKED_CHARS && all < 0x80) {
      // A short ASCII span is its own key in a packed table of spans: one load, no text to compare.
      // A new one is split and its pieces counted, as a long span is (jtokkit's regex on every new
      // span was twice as slow on text not counted before).
      if (length == 1) {
        return 1;
      }
      int tokens = recall(packedSpans, key);
      if (tokens < 0) {
        tokens = pieces(text, start, end);
        remember(packedSpans, key, tokens);
      }
      return tokens;
    }
    if (length <= MAX_PAIR_CHARS && all < 0x80) {
      return pairSpan(text, start, end, key);
    }
    if (length > MAX_SPAN_CHARS) {
      return pieces(text, start, end);
    }
    int slot = (hash ^ hash >>> 14) & (SLOTS - 1);
    Entry e = spans[slot];
    if (e != null
        && e.hash == hash
        && e.text.length() == length
        && e.text.regionMatches(0, text, start, length)) {
      return e.tokens;
    }
    int tokens = pieces(text, start, end);
    spans[slot] = new Entry(text.substring(start, end), hash, tokens);
    return tokens;
  }

  /**
   * An ASCII span of 9 to {@value #MAX_PAIR_CHARS} characters (JSON keys with their quotes, a word
   * with the punctuation before it): its last nine characters are the low 63 bits of its key, the
   * others are packed behind a leading 1 bit, and the two longs are compared in place of its text.
   */
  private int pairSpan(String text, int start, int end, long key) {
    long last = key & LAST_NINE;
    long first = 1;
    for (int i = start; i < end - 9; i++) {
      first = first << 7 | text.charAt(i);
    }
    int slot = pairSlot(first, last);
    Pair p = pairSpans[slot];
    if (p != null && p.last == last && p.first == first) {
      return p.tokens;
    }
    int tokens = pieces(text, start, end);
    pairSpans[slot] = new Pair(first, last, tokens);
    return tokens;
  }

  /** The slot of a span packed in two longs. */
  static int pairSlot(long first, long last) {
    return (int) ((first * 0x9E3779B97F4A7C15L ^ last) * 0xC2B2AE3D27D4EB4FL >>> (64 - SLOT_BITS));
  }

  /** The pieces of {@code [from, to)}, where a piece ends at {@code to}. */
  private int pieces(String text, int from, int to) {
    int tokens = 0;
    for (int i = from; i < to; ) {
      int end = O200kSplitter.end(text, i);
      int length = end - i;
      if (length == 1 && text.charAt(i) < 0x80) {
        tokens++;
      } else if (length <= MAX_PACKED_CHARS) {
        long key = 1;
        int all = 0;
        for (int k = i; k < end; k++) {
          char c = text.charAt(k);
          key = key << 7 | c;
          all |= c;
        }
        tokens += all < 0x80 ? packed(key, text, i, end) : piece(text, i, end);
      } else {
        tokens += piece(text, i, end);
      }
      i = end;
    }
    return tokens;
  }

  /** An ASCII piece of 2 to 8 characters, packed behind a leading 1 bit into {@code key}. */
  private int packed(long key, String text, int start, int end) {
    int tokens = recall(packed, key);
    if (tokens < 0) {
      tokens = bpe.countTokensOrdinary(text.substring(start, end));
      remember(packed, key, tokens);
    }
    return tokens;
  }

  /**
   * A packed table is two-way: a key sits in its slot or in the slot's neighbour, where the last
   * key to be displaced from the slot went. Two keys of one text that share a slot then both stay,
   * instead of each evicting the other on every count of that text.
   *
   * @param table a packed table
   * @param key a packed key
   * @return its count, or -1 when the table does not hold it
   */
  static int recall(long[] table, long key) {
    int slot = packedSlot(key);
    long entry = (long) PACKED.getOpaque(table, slot);
    if (entry >>> COUNT_BITS == key) {
      return (int) (entry & (1 << COUNT_BITS) - 1);
    }
    long other = (long) PACKED.getOpaque(table, slot ^ 1);
    return other >>> COUNT_BITS == key ? (int) (other & (1 << COUNT_BITS) - 1) : -1;
  }

  /**
   * Puts a key and its count in its slot, and what the slot held in the slot's neighbour.
   *
   * @param table a packed table
   * @param key a packed key
   * @param tokens its count, at most 8
   */
  static void remember(long[] table, long key, int tokens) {
    int slot = packedSlot(key);
    long entry = (long) PACKED.getOpaque(table, slot);
    if (entry != 0 && entry >>> COUNT_BITS != key) {
      PACKED.setOpaque(table, slot ^ 1, entry);
    }
    PACKED.setOpaque(table, slot, key << COUNT_BITS | tokens);
  }

  /** The packed table's slot for a key. */
  static int packedSlot(long key) {
    return (int) (key * 0x9E3779B97F4A7C15L >>> (64 - PACKED_BITS));
  }

  /** Any other piece. */
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
    Entry e = pieces[slot];
    if (e != null
        && e.hash == hash
        && e.text.length() == length
        && e.text.regionMatches(0, text, start, length)) {
      return e.tokens;
    }
    String piece = text.substring(start, end);
    int tokens = bpe.countTokensOrdinary(piece);
    pieces[slot] = new Entry(piece, hash, tokens);
    return tokens;
  }

  /** A span or piece and its count; final fields make it safe to publish through a shared table. */
  private record Entry(String text, int hash, int tokens) {}

  /**
   * A span packed in two longs ({@link #pairSpan}) and its count, published as an {@link Entry} is.
   */
  private record Pair(long first, long last, int tokens) {}
}
