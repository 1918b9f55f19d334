package dev.headroom.compress.internal.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A grep / ripgrep / git grep hit, {@code [rev:][drive:]path:line:} or {@code …path:line-}, read
 * without a regex: {@link #match} finds exactly what {@code
 * LineSample.GREP.matcher(line).lookingAt()} finds (its group 1 and its end), and {@link #isHit} is
 * {@link LineSample#isGrepLine}. Per line of a search result this was most of the search
 * compressor's time.
 *
 * @param path the path (group 1 of {@code LineSample.GREP})
 * @param end the index just past the {@code :} or {@code -} after the line number
 */
@API(status = INTERNAL, since = "0.1")
public record GrepLine(String path, int end) {

  /** Colons that can matter: after an optional revision and drive, the path's and the number's. */
  private static final int MAX_COLONS = 3;

  /**
   * The regex {@code ^(?:[^\s:]+:)?(?:[A-Za-z]:)?([^\s:=,"'<>|]+):(\d+)[:-]} (a path of more than
   * digits: {@code path:line:column:} is not a revision, a path and a line) with its backtracking
   * worked out: everything before the line number is free of white space, so only the colons before
   * the first white space matter. Its first choice is a revision and a drive (path after the third
   * colon), then a revision (after the first), then neither (the path starts the line); a drive
   * without a revision puts the path where a one-letter revision would, so it adds nothing.
   *
   * @param line a line without its terminator
   * @return the hit, or null when the line is not one
   */
  public static GrepLine match(String line) {
    long found = locate(line);
    if (found < 0) {
      return null;
    }
    int from = (int) (found >>> 32);
    int colonAt = (int) found;
    return new GrepLine(line.substring(from, colonAt), end(line, from, colonAt));
  }

  /**
   * @param line a line without its terminator
   * @return whether it is a hit whose path has a directory or an extension and is not a date
   *     ({@code match(line)} is one and {@link #namesFile()}, without making either)
   */
  public static boolean isHit(String line) {
    long found = locate(line);
    return found >= 0 && namesFile(line, (int) (found >>> 32), (int) found);
  }

  /**
   * @return whether the path has a directory or an extension and is not a date, i.e. the hit is not
   *     a timestamp or a {@code key:value} pair that happens to look like one
   */
  public boolean namesFile() {
    return namesFile(path, 0, path.length());
  }

  private static boolean namesFile(String s, int from, int to) {
    return pathLike(s, from, to) && !hasDate(s, from, to);
  }

  /**
   * The regex's choice of path, as {@code from << 32 | colonAt} ({@code [from, colonAt)} is the
   * path and {@code colonAt} the colon after it), or -1 when the line is no hit.
   */
  private static long locate(String line) {
    if (line.indexOf(':') < 0) {
      return -1; // most lines of a table or of prose: no colon, no hit, no loop below
    }
    int n = line.length();
    int colons = 0;
    int c0 = -1;
    int c1 = -1;
    int c2 = -1;
    for (int i = 0; i < n && colons < MAX_COLONS; i++) {
      char c = line.charAt(i);
      if (LineSample.isAsciiSpace(c)) {
        break;
      }
      if (c == ':') {
        if (colons == 0) {
          c0 = i;
        } else if (colons == 1) {
          c1 = i;
        } else {
          c2 = i;
        }
        colons++;
      }
    }
    if (colons == 0) {
      return -1;
    }
    if (colons >= 3
        && c0 > 0
        && c1 == c0 + 2
        && isAsciiLetter(line.charAt(c0 + 1))
        && end(line, c1 + 1, c2) >= 0) {
      return (long) (c1 + 1) << 32 | c2;
    }
    if (colons >= 2 && c0 > 0 && end(line, c0 + 1, c1) >= 0) {
      return (long) (c0 + 1) << 32 | c1;
    }
    return end(line, 0, c0) >= 0 ? c0 : -1;
  }

  /**
   * The path in {@code [from, colonAt)}, not digits alone, then {@code \d+[:-]} after the colon.
   *
   * @return the index just past that {@code :} or {@code -}, or -1 when the hit is not there
   */
  private static int end(String line, int from, int colonAt) {
    if (colonAt <= from) {
      return -1;
    }
    boolean digitsOnly = true;
    for (int i = from; i < colonAt; i++) {
      char c = line.charAt(i);
      if (c == '=' || c == ',' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '|') {
        return -1; // white space and colons cannot occur here
      }
      digitsOnly &= isDigit(c);
    }
    if (digitsOnly) {
      // "src/a.c:12:5: error": 12 is the line, not a path after a revision "src/a.c".
      return -1;
    }
    int n = line.length();
    int j = colonAt + 1;
    while (j < n && isDigit(line.charAt(j))) {
      j++;
    }
    if (j == colonAt + 1 || j >= n || line.charAt(j) != ':' && line.charAt(j) != '-') {
      return -1;
    }
    return j + 1;
  }

  /**
   * {@code [/\\]|\.[A-Za-z][A-Za-z0-9]{0,7}$}, where {@code $} also matches before a final line
   * terminator (only U+0085, U+2028 and U+2029 can be in a path).
   */
  static boolean pathLike(String path) {
    return pathLike(path, 0, path.length());
  }

  private static boolean pathLike(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '\\') {
        return true;
      }
    }
    char last = to == from ? 0 : s.charAt(to - 1);
    return extensionEndsAt(s, from, to)
        || (last == '\u0085' || last == '\u2028' || last == '\u2029')
            && extensionEndsAt(s, from, to - 1);
  }

  private static boolean extensionEndsAt(String s, int from, int end) {
    int dot = s.lastIndexOf('.', end - 1);
    int ext = end - dot - 1;
    if (dot < from || ext < 1 || ext > 8 || !isAsciiLetter(s.charAt(dot + 1))) {
      return false;
    }
    for (int i = dot + 2; i < end; i++) {
      if (!isAsciiLetter(s.charAt(i)) && !isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code \d{4}-\d{2}-\d{2}} anywhere. */
  static boolean hasDate(String path) {
    return hasDate(path, 0, path.length());
  }

  private static boolean hasDate(String s, int from, int to) {
    for (int i = from; i + 10 <= to; i++) {
      if (digits(s, i, 4)
          && s.charAt(i + 4) == '-'
          && digits(s, i + 5, 2)
          && s.charAt(i + 7) == '-'
          && digits(s, i + 8, 2)) {
        return true;
      }
    }
    return false;
  }

  private static boolean digits(String s, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
