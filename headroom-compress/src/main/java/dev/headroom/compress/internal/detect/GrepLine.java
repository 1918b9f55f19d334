package dev.headroom.compress.internal.detect;

/**
 * A grep / ripgrep / git grep hit, {@code [rev:][drive:]path:line:} or {@code …path:line-}, read
 * without a regex: {@link #match} finds exactly what {@code LineSample.GREP.matcher(line).lookingAt()}
 * finds (its group 1 and its end), and {@link #isHit} is {@link LineSample#isGrepLine}. Per line of
 * a search result this was most of the search compressor's time.
 *
 * @param path the path (group 1 of {@code LineSample.GREP})
 * @param end the index just past the {@code :} or {@code -} after the line number
 */
public record GrepLine(String path, int end) {

  /** Colons that can matter: after an optional revision and drive, the path's and the number's. */
  private static final int MAX_COLONS = 3;

  /**
   * The regex {@code ^(?:[^\s:]+:)?(?:[A-Za-z]:)?([^\s:=,"'<>|]+):(\d+)[:-]} with its backtracking
   * worked out: everything before the line number is free of white space, so only the colons before
   * the first white space matter. Its first choice is a revision and a drive (path after the third
   * colon), then a revision (after the first), then neither (the path starts the line); a drive
   * without a revision puts the path where a one-letter revision would, so it adds nothing.
   *
   * @param line a line without its terminator
   * @return the hit, or null when the line is not one
   */
  public static GrepLine match(String line) {
    int n = line.length();
    int[] colon = new int[MAX_COLONS];
    int colons = 0;
    for (int i = 0; i < n && colons < MAX_COLONS; i++) {
      char c = line.charAt(i);
      if (isSpace(c)) {
        break;
      }
      if (c == ':') {
        colon[colons++] = i;
      }
    }
    if (colons == 0) {
      return null;
    }
    if (colons >= 3 && colon[0] > 0 && colon[1] == colon[0] + 2 && isAsciiLetter(line.charAt(colon[0] + 1))) {
      GrepLine hit = at(line, colon[1] + 1, colon[2]);
      if (hit != null) {
        return hit;
      }
    }
    if (colons >= 2 && colon[0] > 0) {
      GrepLine hit = at(line, colon[0] + 1, colon[1]);
      if (hit != null) {
        return hit;
      }
    }
    return at(line, 0, colon[0]);
  }

  /**
   * @param line a line without its terminator
   * @return whether it is a hit whose path has a directory or an extension and is not a date
   */
  public static boolean isHit(String line) {
    GrepLine hit = match(line);
    return hit != null && hit.namesFile();
  }

  /**
   * @return whether the path has a directory or an extension and is not a date, i.e. the hit is
   *     not a timestamp or a {@code key:value} pair that happens to look like one
   */
  public boolean namesFile() {
    return pathLike(path) && !hasDate(path);
  }

  /** The path in {@code [from, colonAt)}, then {@code \d+[:-]} after the colon. */
  private static GrepLine at(String line, int from, int colonAt) {
    if (colonAt <= from) {
      return null;
    }
    for (int i = from; i < colonAt; i++) {
      char c = line.charAt(i);
      if (c == '=' || c == ',' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '|') {
        return null; // white space and colons cannot occur here
      }
    }
    int n = line.length();
    int j = colonAt + 1;
    while (j < n && isDigit(line.charAt(j))) {
      j++;
    }
    if (j == colonAt + 1 || j >= n || line.charAt(j) != ':' && line.charAt(j) != '-') {
      return null;
    }
    return new GrepLine(line.substring(from, colonAt), j + 1);
  }

  /**
   * {@code [/\\]|\.[A-Za-z][A-Za-z0-9]{0,7}$}, where {@code $} also matches before a final line
   * terminator (only U+0085, U+2028 and U+2029 can be in a path).
   */
  static boolean pathLike(String path) {
    if (path.indexOf('/') >= 0 || path.indexOf('\\') >= 0) {
      return true;
    }
    int n = path.length();
    char last = n == 0 ? 0 : path.charAt(n - 1);
    return extensionEndsAt(path, n) || (last == '\u0085' || last == '\u2028' || last == '\u2029') && extensionEndsAt(path, n - 1);
  }

  private static boolean extensionEndsAt(String path, int end) {
    int dot = path.lastIndexOf('.', end - 1);
    int ext = end - dot - 1;
    if (dot < 0 || ext < 1 || ext > 8 || !isAsciiLetter(path.charAt(dot + 1))) {
      return false;
    }
    for (int i = dot + 2; i < end; i++) {
      if (!isAsciiLetter(path.charAt(i)) && !isDigit(path.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code \d{4}-\d{2}-\d{2}} anywhere. */
  static boolean hasDate(String path) {
    for (int i = 0; i + 10 <= path.length(); i++) {
      if (digits(path, i, 4) && path.charAt(i + 4) == '-' && digits(path, i + 5, 2) && path.charAt(i + 7) == '-'
          && digits(path, i + 8, 2)) {
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

  /** {@code \s} without Unicode classes: space, tab, LF, VT, FF, CR. */
  private static boolean isSpace(char c) {
    return c == ' ' || c >= '\t' && c <= '\r';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
