package dev.headroom.compress.internal.livezone;

import java.nio.charset.StandardCharsets;

/**
 * Decodes one JSON string token straight from the request bytes. Jackson's {@code getText()} builds
 * a large value in growing char segments, joins them and then compacts them into the String: about
 * six bytes allocated per byte of a 100 KB tool output. Here it is one byte array and the String.
 * Only for tokens the scan's parser has already read and validated.
 */
final class JsonStrings {

  private JsonStrings() {}

  /**
   * @param body the bytes
   * @param start the offset of the token's opening quote
   * @param end the offset just past its closing quote
   * @return the decoded value, or {@code null} when it holds an escaped lone surrogate (which a
   *     Java String keeps as is and UTF-8 cannot: the caller asks Jackson then)
   */
  static String decode(byte[] body, int start, int end) {
    int from = start + 1;
    int to = end - 1;
    int backslash = ByteScan.indexOf(body, from, to, (byte) '\\');
    if (backslash < 0) {
      return new String(body, from, to - from, StandardCharsets.UTF_8);
    }
    byte[] out = new byte[to - from];
    int n = backslash - from;
    System.arraycopy(body, from, out, 0, n);
    int i = backslash;
    while (i < to) {
      if (body[i] != '\\') {
        // Up to the next backslash eight bytes at a time. Whole words are written: out is as long
        // as the token and what is written never outruns what is read (an escape is never shorter
        // than what it stands for), and the bytes past the backslash are written over.
        if (i + Long.BYTES <= to) {
          int plain = ByteScan.copyUpToBackslash(body, i, out, n);
          n += plain;
          i += plain;
        } else {
          out[n++] = body[i++];
        }
        continue;
      }
      byte escaped = body[++i];
      switch (escaped) {
        case 'n' -> out[n++] = '\n';
        case 't' -> out[n++] = '\t';
        case 'r' -> out[n++] = '\r';
        case 'b' -> out[n++] = '\b';
        case 'f' -> out[n++] = '\f';
        case 'u' -> {
          int unit = hex(body, i + 1);
          i += 4;
          int codePoint = unit;
          if (Character.isHighSurrogate((char) unit)
              && i + 6 < to
              && body[i + 1] == '\\'
              && body[i + 2] == 'u') {
            int low = hex(body, i + 3);
            if (Character.isLowSurrogate((char) low)) {
              codePoint = Character.toCodePoint((char) unit, (char) low);
              i += 6;
            }
          }
          if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
            return null;
          }
          n = utf8(codePoint, out, n);
        }
        default -> out[n++] = escaped; // \" \\ \/
      }
      i++;
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static int hex(byte[] body, int at) {
    return Integer.parseInt(new String(body, at, 4, StandardCharsets.ISO_8859_1), 16);
  }

  /** Writes a code point (not a surrogate) as UTF-8, never longer than its escape. */
  private static int utf8(int cp, byte[] out, int n) {
    if (cp < 0x80) {
      out[n++] = (byte) cp;
    } else if (cp < 0x800) {
      out[n++] = (byte) (0xC0 | cp >> 6);
      out[n++] = (byte) (0x80 | cp & 0x3F);
    } else if (cp < 0x10000) {
      out[n++] = (byte) (0xE0 | cp >> 12);
      out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
      out[n++] = (byte) (0x80 | cp & 0x3F);
    } else {
      out[n++] = (byte) (0xF0 | cp >> 18);
      out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
      out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
      out[n++] = (byte) (0x80 | cp & 0x3F);
    }
    return n;
  }
}
