package dev.headroom.compress.internal.lines;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.json.Columns;
import dev.headroom.compress.internal.json.RowSelector;
import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.text.Lines;
import dev.headroom.compress.internal.text.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Tables: CSV/TSV, psql, and whitespace-aligned command output. The header (and psql rule lines and
 * footer) always stay; rows are chosen by the same rules as JSON rows ({@link RowSelector}: first
 * and last, query matches, error-like values, rare values of mostly-uniform columns, numeric
 * outliers), plus a small sample; kept rows are byte-identical. The query and the error words are
 * looked for in each row's line as it stands; the statistics read the cells column by column.
 */
@API(status = INTERNAL, since = "0.1")
public final class TableCompressor implements ContentCompressor {

  /** What a rule line ({@code ^[\\s+|:=-]*$}) is made of: ASCII white space and these marks. */
  private static final String RULE_CHARS = " \t\n\u000B\f\r+|:=-";

  private static final Pattern SPLIT_ALIGNED = Pattern.compile("\\s{2,}|\\t");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final int SAMPLE = 3;

  @Override
  public Optional<Candidate> compress(Input input) {
    Lines lines = Lines.split(input.text());
    int n = lines.size();
    if (n < 12) {
      return Optional.empty();
    }
    int body = bodyStart(lines);
    char delimiter = delimiter(lines.content(body));
    Selection sel = new Selection(lines);
    int[] dataRows = new int[n];
    List<String> rowLines = new ArrayList<>(n);
    int header = -1;
    for (int i = 0; i < body; i++) {
      sel.keep(i); // a summary above the table, as top prints: kept as it is
    }
    for (int i = body; i < n; i++) {
      String line = lines.content(i);
      if (line.isBlank() || isRule(line)) {
        sel.keep(i); // psql borders and separators: structure, and cheap
      } else if (header < 0) {
        header = i;
        sel.keep(i);
      } else if (line.startsWith("(") && line.endsWith(")")) {
        sel.keep(i); // psql footer "(1500 rows)"
      } else {
        dataRows[rowLines.size()] = i;
        rowLines.add(line);
      }
    }
    int rowCount = rowLines.size();
    if (header < 0 || rowCount < 10) {
      return Optional.empty();
    }
    // Each row's cells go straight into their columns: no list per row.
    String head = lines.content(header);
    int words = delimiter == ' ' ? wordColumns(head, rowLines) : 0;
    Columns table =
        Columns.forTable(
            words > 0 ? List.of(WHITESPACE.split(head.strip())) : cells(head, delimiter), rowCount);
    CellSink sink = table::cell;
    for (int k = 0; k < rowCount; k++) {
      table.startRow(k);
      if (words > 0) {
        forEachWord(rowLines.get(k), words, sink);
      } else {
        forEachCell(rowLines.get(k), delimiter, sink);
      }
    }
    // The first rows are kept as a sample by the selector, so the summary counts only what is
    // dropped.
    RowSelector.Selection chosen =
        RowSelector.selectTable(input.text(), rowLines, table, input.query(), SAMPLE);
    for (int k : chosen.keep()) {
      sel.keep(dataRows[k]);
    }
    if (sel.keptCount() >= n) {
      return Optional.empty();
    }
    return Optional.of(
        new Candidate(sel.render(input.text(), input.sink(), "rows", chosen.summary()), "table"));
  }

  /** How far down a blank line may end a summary printed above the table. */
  static final int PREAMBLE_LINES = 12;

  /**
   * Where the table starts: after the last blank line among the first {@link #PREAMBLE_LINES} when
   * at least ten lines follow it ({@code top}'s load, tasks and memory lines above its process
   * table), else at the first line.
   */
  static int bodyStart(Lines lines) {
    int n = lines.size();
    int start = 0;
    for (int i = 0; i < Math.min(n, PREAMBLE_LINES); i++) {
      if (lines.content(i).isBlank() && n - (i + 1) >= 10) {
        start = i + 1;
      }
    }
    return start;
  }

  /** {@code ^[\\s+|:=-]*$} (ASCII white space, as {@code \\s} is without the Unicode flag). */
  static boolean isRule(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (RULE_CHARS.indexOf(line.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  static char delimiter(String header) {
    for (char c : new char[] {'|', '\t', ',', ';'}) {
      if (header.indexOf(c) >= 0) {
        return c;
      }
    }
    return ' ';
  }

  /**
   * How many columns a table read word by word has, or 0 to read it by its runs of two or more
   * spaces. {@code ps aux}, {@code lsof} and {@code netstat} put single spaces between header words
   * and pad each row's numbers to their own widths, so their runs of spaces cut the rows at
   * different places from row to row; every row does have at least one word per header word, the
   * last column taking the rest (a command line). {@code docker ps} has single spaces inside its
   * header's names ({@code CONTAINER ID}) and its cells ({@code Up 2 hours}), but its rows cut by
   * runs of spaces agree with its header, so it stays as it is.
   */
  static int wordColumns(String header, List<String> rows) {
    int aligned = SPLIT_ALIGNED.split(header.strip()).length;
    int words = WHITESPACE.split(header.strip()).length;
    if (words <= aligned || words < 3) {
      return 0;
    }
    int checked = Math.min(rows.size(), 200);
    int agree = 0;
    int fit = 0;
    int exact = 0;
    for (int k = 0; k < checked; k++) {
      String row = rows.get(k).strip();
      agree += SPLIT_ALIGNED.split(row).length == aligned ? 1 : 0;
      fit += WHITESPACE.split(row, words).length == words ? 1 : 0;
      exact += WHITESPACE.split(row).length == words ? 1 : 0;
    }
    // One word per header word in nine rows of ten: the words are the cells, even where runs of
    // spaces agree with the header in most rows (top's rows do, but for the one whose %CPU is too
    // wide for its column: the row the question is about).
    if (exact * 10 >= checked * 9) {
      return words;
    }
    return agree * 2 < checked && fit * 10 >= checked * 9 ? words : 0;
  }

  /** The row's first {@code columns - 1} words and then the rest of it, each a cell. */
  static void forEachWord(String line, int columns, CellSink sink) {
    String[] cells = WHITESPACE.split(line.strip(), columns);
    for (int c = 0; c < cells.length; c++) {
      sink.cell(c, cells[c], 0, cells[c].length());
    }
  }

  /** Splits a row into trimmed cells, honouring double quotes for CSV. */
  static List<String> cells(String line, char delimiter) {
    List<String> out = new ArrayList<>(10);
    forEachCell(line, delimiter, (c, text, from, to) -> out.add(text.substring(from, to)));
    return out;
  }

  /** Where {@link #forEachCell} puts each cell. */
  @FunctionalInterface
  interface CellSink {
    /**
     * @param c the cell's place in the row, from 0
     * @param text a text holding the cell: the row's line, or a part of it
     * @param from where the cell starts in it
     * @param to where the cell ends
     */
    void cell(int c, String text, int from, int to);
  }

  /**
   * Hands {@code line.substring(from, to).strip()} to the sink as a range of the line. Char by char
   * is the same as strip's code points: every white-space code point is in the BMP, and no
   * surrogate is white space.
   *
   * @param dropIfEmpty whether an empty cell is left out
   * @return whether the cell went to the sink
   */
  private static boolean strippedCell(
      CellSink sink, int c, String line, int from, int to, boolean dropIfEmpty) {
    while (from < to && Character.isWhitespace(line.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
      to--;
    }
    if (from == to && dropIfEmpty) {
      return false;
    }
    sink.cell(c, line, from, to);
    return true;
  }

  /**
   * The row's cells, in order: for a delimiter, the stripped texts between delimiters outside
   * double quotes (quotes kept), without the empty one before a psql border's leading {@code |};
   * for {@code ' '}, the runs between two or more spaces or a tab (single spaces when that finds
   * only one).
   */
  static void forEachCell(String line, char delimiter, CellSink sink) {
    if (delimiter == ' ') {
      String[] cells = SPLIT_ALIGNED.split(line.strip());
      // ls -l pads with single spaces: fall back to any whitespace.
      String[] parts = cells.length > 1 ? cells : WHITESPACE.split(line.strip());
      for (int c = 0; c < parts.length; c++) {
        sink.cell(c, parts[c], 0, parts[c].length());
      }
      return;
    }
    int start = 0;
    int c = 0;
    int n = line.length();
    if (line.indexOf('"') < 0) {
      // No quote to honour (most rows): each cell ends at the next delimiter, found by indexOf.
      for (int end = line.indexOf(delimiter); ; end = line.indexOf(delimiter, start)) {
        // psql border 2: no cell before its leading "|"
        if (strippedCell(sink, c, line, start, end < 0 ? n : end, start == 0 && delimiter == '|')) {
          c++;
        }
        if (end < 0) {
          return;
        }
        start = end + 1;
      }
    }
    boolean quoted = false;
    for (int i = 0; i <= n; i++) { // i == n ends the last cell, quoted or not
      char ch = i < n ? line.charAt(i) : delimiter;
      if (ch == '"' && i < n) {
        quoted = !quoted;
      } else if (ch == delimiter && (!quoted || i == n)) {
        if (strippedCell(sink, c, line, start, i, start == 0 && delimiter == '|')) {
          c++;
        }
        start = i + 1;
      }
    }
  }
}
