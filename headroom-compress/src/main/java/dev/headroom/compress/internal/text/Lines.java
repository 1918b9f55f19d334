package dev.headroom.compress.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A text split on {@code \n} with every other byte kept: a CR stays at the end of its line, so
 * {@link #join} of all lines gives the input back exactly and a kept line is byte-identical.
 *
 * @param lines the lines without their {@code \n}
 * @param finalNewline whether the text ended with {@code \n}
 * @param crlf whether most lines end with CR (then added marker lines end with CR too)
 */
@API(status = INTERNAL, since = "0.1")
public record Lines(List<String> lines, boolean finalNewline, boolean crlf) {

  /**
   * @param text any text
   * @return its lines
   */
  public static Lines split(String text) {
    List<String> out = new ArrayList<>();
    int pos = 0;
    int cr = 0;
    int n = text.length();
    while (pos < n) {
      int nl = text.indexOf('\n', pos);
      if (nl < 0) {
        out.add(text.substring(pos));
        break;
      }
      if (nl > pos && text.charAt(nl - 1) == '\r') {
        cr++;
      }
      out.add(text.substring(pos, nl));
      pos = nl + 1;
    }
    boolean finalNewline = n > 0 && text.charAt(n - 1) == '\n';
    return new Lines(out, finalNewline, cr * 2 > out.size());
  }

  /**
   * @return the number of lines
   */
  public int size() {
    return lines.size();
  }

  /**
   * @param i index
   * @return line {@code i}, CR included if it had one
   */
  public String get(int i) {
    return lines.get(i);
  }

  /**
   * @param i index
   * @return line {@code i} without a trailing CR
   */
  public String content(int i) {
    String s = lines.get(i);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * @param text a marker or summary line
   * @return it with this text's line ending convention applied
   */
  public String synthetic(String text) {
    return crlf ? text + "\r" : text;
  }

  /**
   * @param kept output lines, each an input line or a {@link #synthetic} one
   * @return them joined with {@code \n}, with the input's final newline
   */
  public String join(List<String> kept) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < kept.size(); i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(kept.get(i));
    }
    if (finalNewline && !kept.isEmpty()) {
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * @param from first index, inclusive
   * @param to last index, exclusive
   * @return those lines joined as they were in the input
   */
  public String slice(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(lines.get(i));
      if (i + 1 < lines.size() || finalNewline) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
