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
   * @return whether {@code [from, to)} is text a JSON string may hold unescaped: printable ASCII or
   *     DEL ({@code 0x20} to {@code 0x7F}) and well-formed UTF-8 sequences of the code points above
   *     (Unicode's table 3-7: no overlong form, no surrogate, nothing past U+10FFFF, no sequence
   *     cut short); no control character
   */
  static boolean plainText(byte[] bytes, int from, int to) {
    int i = from;
    while (true) {
      for (; i + Long.BYTES <= to; i += Long.BYTES) {
        long word = (long) LONGS.get(bytes, i);
        // A byte below 0x20 borrows into its high bit when 0x20 is taken from it; a byte at or
        // above 0x80 has it set already (the borrow test is exact only without those): either way
        // the word is looked at byte by byte.
        if (((word | (word - SPACES) & ~word) & HIGHS) != 0) {
          break;
        }
      }
      if (i >= to) {
        return true;
      }
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        if (b < 0x20) {
          return false;
        }
        i++;
      } else {
        int length = utf8Sequence(bytes, i, to, b);
        if (length == 0) {
          return false;
        }
        i += length;
      }
    }
  }

  /**
   * @param lead the byte at {@code at}, 0x80 or above
   * @return the length of the well-formed UTF-8 sequence starting at {@code at}, or 0
   */
  private static int utf8Sequence(byte[] bytes, int at, int to, int lead) {
    int length;
    int low = 0x80; // the second byte's range; the others are always 0x80 to 0xBF
    int high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) {
        low = 0xA0; // shorter forms are overlong
      } else if (lead == 0xED) {
        high = 0x9F; // above are the surrogates
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) {
        low = 0x90;
      } else if (lead == 0xF4) {
        high = 0x8F; // above is past U+10FFFF
      }
    } else {
      return 0;
    }
    if (at + length > to) {
      return 0;
    }
    int second = bytes[at + 1] & 0xFF;
    if (second < low || second > high) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      if ((bytes[at + k] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return length;
  }

  /**
   * Copies the eight bytes at {@code at} to {@code out} at {@code n}, whatever they are.
   *
   * @return how many of them come before the first backslash among them (eight: none is one)
   */
  static int copyUpToBackslash(byte[] bytes, int at, byte[] out, int n) {
    long word = (long) LONGS.get(bytes, at);
    LONGS.set(out, n, word);
    long found = zeroBytes(word ^ BACKSLASHES);
    return found == 0 ? Long.BYTES : Long.numberOfTrailingZeros(found) >>> 3;
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
