package dev.headroom.compress.internal.livezone;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a byte in a request body eight bytes at a time: each step reads a {@code long} and tests
 * all of its bytes at once (the "has a zero byte" trick on the word XORed with the byte wanted).
 * The string scans of a 100 KB body spent more time in their byte-by-byte loops than anywhere else
 * in the proxy's own work.
 */
final class ByteScan {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long SPACES = 0x2020202020202020L;

  private ByteScan() {}

  /**
   * @return the first offset in {@code [from, to)} holding {@code wanted}, or -1
   */
  static int indexOf(byte[] bytes, int from, int to, byte wanted) {
    long pattern = ONES * (wanted & 0xFF);
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long found = zeroBytes((long) LONGS.get(bytes, i) ^ pattern);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /**
   * @return whether every byte in {@code [from, to)} is printable ASCII or DEL ({@code 0x20} to
   *     {@code 0x7F}): no control character, nothing of a multi-byte UTF-8 sequence
   */
  static boolean printableAscii(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      // A byte below 0x20 borrows into its high bit when 0x20 is taken from it (bytes at or above
      // 0x80 are refused first, so no other byte's high bit is set).
      if ((word & HIGHS) != 0 || ((word - SPACES) & ~word & HIGHS) != 0) {
        return false;
      }
    }
    for (; i < to; i++) {
      if (bytes[i] < 0x20) { // bytes are signed: 0x80 and above are negative
        return false;
      }
    }
    return true;
  }

  /** {@link #stringEnd}'s flag: an escape in the string is not one JSON allows. */
  static final long ILL_FORMED_ESCAPE = 1L << 32;

  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

  /**
   * For eight bytes' backslashes (bit i for byte i) and whether their first byte is escaped (bit
   * 8): the bytes escaped (bits 0-7) and whether the next byte is (bit 8). Each backslash not
   * itself escaped escapes the byte after it.
   */
  private static final short[] ESCAPED = new short[512];

  static {
    for (int index = 0; index < ESCAPED.length; index++) {
      boolean escaped = index >= 256;
      int result = 0;
      for (int bit = 0; bit < 8; bit++) {
        if (escaped) {
          result |= 1 << bit;
          escaped = false;
        } else {
          escaped = (index >>> bit & 1) != 0;
        }
      }
      ESCAPED[index] = (short) (result | (escaped ? 256 : 0));
    }
  }

  /**
   * Finds where a JSON string ends: its closing quote, the first quote in {@code [from, to)} no
   * backslash escapes. Eight bytes at a time even where escapes are dense (a JSON document inside a
   * string escapes every quote it holds): each word's backslashes and quotes become eight-bit
   * masks, the escaped bytes are looked up, and only an escape other than {@code \"} or {@code \\}
   * is looked at on its own.
   *
   * @param bytes a body
   * @param from just past the string's opening quote
   * @param to where the body ends
   * @return the closing quote's offset, with {@link #ILL_FORMED_ESCAPE} set when an escape before
   *     it is not one JSON allows (see {@link #wellFormedEscape}); -1 when the string does not end
   *     before {@code to}
   */
  static long stringEnd(byte[] bytes, int from, int to) {
    long illFormed = 0;
    boolean carry = false; // whether the byte at i is escaped
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      long quotes = exactZeroBytes(word ^ QUOTES);
      long backslashes = exactZeroBytes(word ^ BACKSLASHES);
      if (backslashes == 0 && !carry) {
        if (quotes != 0) {
          return i + (Long.numberOfTrailingZeros(quotes) >>> 3) | illFormed;
        }
        continue;
      }
      int b = mask(backslashes);
      int q = mask(quotes);
      int looked = ESCAPED[b | (carry ? 256 : 0)];
      int escaped = looked & 0xFF;
      int closing = q & ~escaped;
      int end = closing == 0 ? 8 : Integer.numberOfTrailingZeros(closing);
      int other = escaped & ~(q | b) & ((1 << end) - 1);
      while (other != 0) {
        int at = i + Integer.numberOfTrailingZeros(other);
        if (!wellFormedEscape(bytes, at - 1, to)) {
          illFormed = ILL_FORMED_ESCAPE;
        }
        other &= other - 1;
      }
      if (closing != 0) {
        return i + end | illFormed;
      }
      carry = (looked & 256) != 0;
    }
    for (; i < to; i++) {
      byte c = bytes[i];
      if (carry) {
        if (c != '"' && c != '\\' && !wellFormedEscape(bytes, i - 1, to)) {
          illFormed = ILL_FORMED_ESCAPE;
        }
        carry = false;
      } else if (c == '\\') {
        carry = true;
      } else if (c == '"') {
        return i | illFormed;
      }
    }
    return -1;
  }

  /**
   * An escape JSON allows at {@code backslash}: one of {@code " \\ / b f n r t} after it, or {@code
   * u} and four hex digits, all before {@code to}.
   */
  static boolean wellFormedEscape(byte[] bytes, int backslash, int to) {
    if (backslash + 1 >= to) {
      return false;
    }
    return switch (bytes[backslash + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> true;
      case 'u' ->
          backslash + 5 < to
              && hex(bytes[backslash + 2])
              && hex(bytes[backslash + 3])
              && hex(bytes[backslash + 4])
              && hex(bytes[backslash + 5]);
      default -> false;
    };
  }

  private static boolean hex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }

  /** Bit i set when byte i of the word has its high bit set (and no other bit is set). */
  private static int mask(long highBits) {
    return (int) (((highBits >>> 7) * 0x0102040810204080L) >>> 56);
  }

  /** The high bit of each byte of {@code word} that is zero, and of no other. */
  private static long exactZeroBytes(long word) {
    return ~(((word & LOWS) + LOWS) | word | LOWS);
  }

  /**
   * The high bit of each byte of {@code word} that is zero. A byte above a zero byte may be flagged
   * too (the subtraction's borrow), never one below it: the lowest flag is always exact, which is
   * all the scans read.
   */
  private static long zeroBytes(long word) {
    return (word - ONES) & ~word & HIGHS;
  }
}
