package dev.headroom.compress.internal.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Every scalar of a set of rows, grouped by column (a normalised JSON path, or a table column) and
 * in row order within each column: the form the row statistics read. A table's cells go in column
 * by column without any per-cell object; a JSON row's leaves are appended as they are flattened.
 */
@API(status = INTERNAL, since = "0.1")
public final class Columns {

  /** One column's values, in row order (a JSON path may repeat within a row, inside arrays). */
  static final class Column {
    final String name;

    /** Whether it names a member of the row itself, so its values may be summarised. */
    final boolean topLevel;

    int size;

    /** The row of each value. */
    int[] rows;

    /** Each value's place among its row's scalars, which orders the summary's fields. */
    int[] positions;

    /**
     * Each value's text. A table's cell is {@code texts[k].substring(from[k], to[k])}, a range of
     * its row's line until it is first asked for ({@link #text}): most never are, as a column is no
     * longer counted once it has too many values to be categorical. A JSON value is its text, and
     * {@code from} and {@code to} are null.
     */
    private String[] texts;

    private int[] from;
    private int[] to;

    /** The kinds of the units its table cells carried ({@link Quantities}), one bit each. */
    int unitKinds;

    /** Whether each value was a string (only strings are summarised). */
    boolean[] strings;

    /**
     * Each value as a number, NaN when it is not one ({@link Leaves#parseNumber}; a table's cell
     * may carry a unit, {@link Quantities}; a date or date-time is its seconds, {@link
     * Timestamps}).
     */
    double[] numbers;

    /**
     * @param ranges whether values are added as ranges ({@link #addRange}), not texts ({@link
     *     #add})
     */
    Column(String name, boolean topLevel, int capacity, boolean ranges) {
      this.name = name;
      this.topLevel = topLevel;
      rows = new int[capacity];
      positions = new int[capacity];
      texts = new String[capacity];
      if (ranges) {
        from = new int[capacity];
        to = new int[capacity];
      }
      strings = new boolean[capacity];
      numbers = new double[capacity];
    }

    void add(int row, int position, String text, boolean string, double number) {
      if (size == rows.length) {
        grow();
      }
      rows[size] = row;
      positions[size] = position;
      texts[size] = text;
      strings[size] = string;
      numbers[size] = number;
      size++;
    }

    /** Adds the string value {@code line.substring(start, end)} of a column made for ranges. */
    void addRange(int row, int position, String line, int start, int end, double number) {
      if (size == rows.length) {
        grow();
      }
      from[size] = start;
      to[size] = end;
      add(row, position, line, true, number);
    }

    private void grow() {
      int capacity = Math.max(8, size * 2);
      rows = Arrays.copyOf(rows, capacity);
      positions = Arrays.copyOf(positions, capacity);
      texts = Arrays.copyOf(texts, capacity);
      if (from != null) {
        from = Arrays.copyOf(from, capacity);
        to = Arrays.copyOf(to, capacity);
      }
      strings = Arrays.copyOf(strings, capacity);
      numbers = Arrays.copyOf(numbers, capacity);
    }

    /**
     * @return value {@code k}'s text (a range's made once, then kept)
     */
    String text(int k) {
      String text = texts[k];
      if (from != null && (from[k] != 0 || to[k] != text.length())) {
        text = texts[k] = text.substring(from[k], to[k]);
        to[k] -= from[k];
        from[k] = 0;
      }
      return text;
    }

    /**
     * @return the length of value {@code k}'s text, without making it
     */
    int length(int k) {
      return from == null ? texts[k].length() : to[k] - from[k];
    }
  }

  private final List<Column> columns = new ArrayList<>();
  private final int rowCount;
  private final int expectedPerColumn;
  private int row = -1;
  private List<String> names = List.of();
  private int position;

  /**
   * @param rowCount how many rows there are (the capacity of a table's columns)
   * @param expectedPerColumn the first capacity of a JSON path's column
   */
  Columns(int rowCount, int expectedPerColumn) {
    this.rowCount = rowCount;
    this.expectedPerColumn = expectedPerColumn;
  }

  /**
   * An empty table: each row's cells are then added with {@link #startRow} and {@link #cell}, cell
   * {@code c} to column {@code c}, named after the header cell (or {@code colN} past the header's
   * width); every cell is a string.
   *
   * @param names the header's cells
   * @param rowCount how many rows there will be
   * @return the columns, to be filled
   */
  public static Columns forTable(List<String> names, int rowCount) {
    Columns out = new Columns(rowCount, rowCount);
    out.names = names;
    return out;
  }

  /**
   * Adds the current row's cell {@code c} of a table ({@link #forTable}), {@code
   * line.substring(from, to)}, without making that string unless the statistics ask for it.
   *
   * @param c the cell's place in its row
   * @param line a text that holds the cell (its row's line)
   * @param from where the cell starts in it
   * @param to where it ends
   */
  public void cell(int c, String line, int from, int to) {
    while (c >= columns.size()) {
      int k = columns.size();
      columns.add(new Column(k < names.size() ? names.get(k) : "col" + k, true, rowCount, true));
    }
    Column column = columns.get(c);
    double number = Leaves.parseNumber(line, from, to);
    column.addRange(
        row,
        c,
        line,
        from,
        to,
        Double.isNaN(number) ? quantityOrTime(column, line, from, to) : number);
  }

  /**
   * A text that is no plain number read as a number with a unit ({@link Quantities}, its kind noted
   * in the column) or a date-time ({@link Timestamps}), else NaN.
   */
  private static double quantityOrTime(Column column, String s, int from, int to) {
    Quantities.Quantity quantity = Quantities.read(s, from, to);
    if (quantity != null) {
      column.unitKinds |= quantity.kind();
      return quantity.value();
    }
    return Timestamps.seconds(s, from, to);
  }

  /**
   * @return the columns in order of first appearance (JSON paths that are never a scalar left out)
   */
  List<Column> all() {
    if (columns.contains(null)) {
      columns.removeIf(Objects::isNull); // only once every row is in
    }
    for (Column column : columns) {
      if (Integer.bitCount(column.unitKinds) > 1) {
        // Units of two kinds in one column ("41m" beside "57s"): none of them is read.
        for (int k = 0; k < column.size; k++) {
          if (!Double.isNaN(column.numbers[k])
              && Double.isNaN(Leaves.parseNumber(column.text(k), 0, column.length(k)))) {
            column.numbers[k] = Double.NaN;
          }
        }
      }
      column.unitKinds = 0;
    }
    return columns;
  }

  /**
   * Starts the next row (rows are appended in order).
   *
   * @param r the row
   */
  public void startRow(int r) {
    row = r;
    position = 0;
  }

  /**
   * Appends one of the current row's scalars to column {@code id} (before {@link #all()} is read),
   * creating the columns up to it.
   *
   * @param path the scalar's normalised path: its {@link Leaves.Path#id()} numbers the column (in
   *     order of first appearance), its name and whether it is a member of the row itself are the
   *     new column's
   */
  void add(Leaves.Path path, String text, boolean string, double number) {
    int id = path.id();
    while (id >= columns.size()) {
      columns.add(null);
    }
    Column column = columns.get(id);
    if (column == null) {
      column = new Column(path.text(), path.topLevel(), expectedPerColumn, false);
      columns.set(id, column);
    }
    column.add(
        row,
        position++,
        text,
        string,
        string && Double.isNaN(number) ? quantityOrTime(column, text, 0, text.length()) : number);
  }
}
