package dev.headroom.compress.internal.html;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;

/**
 * {@link Element#text()} written straight into the output, for the usual block: one whose
 * descendants are all plain inline elements ({@code b}, {@code code}, {@code a}, {@code span}…)
 * around text.
 *
 * <p>For such a block jsoup's text is its text nodes, white space normalised, then trimmed: it
 * writes no separator around an inline element, and drops a text node's leading white space after a
 * space already written, which is what normalising their concatenation does. Asking jsoup for it
 * cost a traversal, a string and a copy per block, and a normalisation one code point at a time: a
 * sixth of the whole call on a 4 KB page of short paragraphs. Any other block (a line break, a
 * nested block, a table cell's text boundary, preserved white space, CDATA) is left to {@link
 * Element#text()}.
 */
final class BlockText {

  private BlockText() {}

  /**
   * Appends {@code block.text()} when the block is plain.
   *
   * @param block an element
   * @param out where to append
   * @return whether it was plain and its text appended; when not, {@code out} is as it was
   */
  static boolean appendPlain(Element block, StringBuilder out) {
    for (Element e = block; e != null; e = e.parent()) {
      // All the way up, where jsoup looks six elements up from each text node: a miss only costs
      // time.
      if (e.tag().preserveWhitespace()) {
        return false;
      }
    }
    int start = out.length();
    if (!appendChildren(block, out, start)) {
      out.setLength(start);
      return false;
    }
    // String.trim, as jsoup's text() ends with.
    int from = start;
    int end = out.length();
    while (from < end && out.charAt(from) <= ' ') {
      from++;
    }
    while (end > from && out.charAt(end - 1) <= ' ') {
      end--;
    }
    out.setLength(end);
    out.delete(start, from);
    return true;
  }

  /** The children's text, or false at the first child jsoup would write anything else around. */
  private static boolean appendChildren(Element parent, StringBuilder out, int start) {
    for (int i = 0, n = parent.childNodeSize(); i < n; i++) {
      Node child = parent.childNode(i);
      if (child instanceof TextNode text) {
        if (text instanceof CDataNode) {
          return false;
        }
        appendNormalised(out, start, text.getWholeText());
      } else if (child instanceof Element e
          && !(isPlainInline(e.tag()) && appendChildren(e, out, start))) {
        return false;
      }
    }
    return true;
  }

  /** An element jsoup's text writes nothing around: inline, no text boundary, no line break. */
  private static boolean isPlainInline(Tag tag) {
    return tag.isInline()
        && !tag.is(Tag.TextBoundary)
        && !tag.preserveWhitespace()
        && !tag.normalName().equals("br");
  }

  /**
   * jsoup's white space normalisation of one text node: each run of white space becomes one space,
   * none at the start when the block's text so far ends in one; zero-width space and soft hyphen
   * go.
   */
  private static void appendNormalised(StringBuilder out, int start, String s) {
    boolean stripLeading = out.length() > start && out.charAt(out.length() - 1) == ' ';
    boolean lastWasWhite = false;
    boolean reachedNonWhite = false;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (isWhite(c)) {
        if (!(stripLeading && !reachedNonWhite) && !lastWasWhite) {
          out.append(' ');
          lastWasWhite = true;
        }
        i++;
      } else if (isInvisible(c)) {
        i++;
      } else {
        // A run of ordinary characters, and of single spaces between them (each written as it is).
        int from = i++;
        while (i < n) {
          char d = s.charAt(i);
          if (isOrdinary(d)) {
            i++;
          } else if (d == ' ' && i + 1 < n && isOrdinary(s.charAt(i + 1))) {
            i += 2;
          } else {
            break;
          }
        }
        out.append(s, from, i);
        lastWasWhite = false;
        reachedNonWhite = true;
      }
    }
  }

  private static boolean isOrdinary(char c) {
    return c > ' ' ? c < 0xA0 || c != 0xA0 && !isInvisible(c) : !isWhite(c);
  }

  /** jsoup's {@code StringUtil.isActuallyWhitespace}. */
  private static boolean isWhite(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0xA0;
  }

  /** jsoup's {@code StringUtil.isInvisibleChar}: zero-width space and soft hyphen. */
  private static boolean isInvisible(char c) {
    return c == 0x200B || c == 0xAD;
  }
}
