package dev.headroom.compress.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Terminal escape sequences — colours, bold, cursor moves and line erases ({@code ESC [ … m},
 * {@code ESC [ 2K}), hyperlinks and titles ({@code ESC ] … BEL}) — which test runners and build
 * tools write when they think they print to a terminal (CI sets {@code FORCE_COLOR}). They are no
 * content for a model, they cost tokens (about a quarter of a coloured log's), and they hide a
 * log's shape from detection ({@code ESC[31mERROR}: the level word is glued to the colour).
 */
@API(status = INTERNAL, since = "0.1")
public final class Ansi {

  private static final char ESC = '\u001b';
  private static final char BEL = '\u0007';

  private Ansi() {}

  /**
   * @param text any text
   * @return the text without its escape sequences, or the same instance when it has none
   */
  public static String strip(String text) {
    int esc = text.indexOf(ESC);
    if (esc < 0) {
      return text;
    }
    int n = text.length();
    StringBuilder out = new StringBuilder(n);
    int from = 0;
    while (esc >= 0) {
      out.append(text, from, esc);
      from = end(text, esc, n);
      esc = text.indexOf(ESC, from);
    }
    return out.append(text, from, n).toString();
  }

  /** Where the sequence starting at {@code esc} ends (exclusive). */
  private static int end(String text, int esc, int n) {
    if (esc + 1 >= n) {
      return n;
    }
    char kind = text.charAt(esc + 1);
    if (kind == '[') {
      // CSI: parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E.
      int i = esc + 2;
      while (i < n && text.charAt(i) >= 0x30 && text.charAt(i) <= 0x3f) {
        i++;
      }
      while (i < n && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x2f) {
        i++;
      }
      return i < n && text.charAt(i) >= 0x40 && text.charAt(i) <= 0x7e ? i + 1 : i;
    }
    if (kind == ']') {
      // OSC: up to BEL or ESC \ (a hyperlink, a window title); unterminated, up to the line's end.
      for (int i = esc + 2; i < n; i++) {
        char c = text.charAt(i);
        if (c == BEL) {
          return i + 1;
        }
        if (c == ESC && i + 1 < n && text.charAt(i + 1) == '\\') {
          return i + 2;
        }
        if (c == '\n') {
          return i;
        }
      }
      return n;
    }
    if (kind >= 0x20 && kind <= 0x2f && esc + 2 < n) {
      return esc + 3; // a character set: ESC ( B
    }
    return esc + 2; // ESC and one character: ESC 7, ESC =
  }
}
