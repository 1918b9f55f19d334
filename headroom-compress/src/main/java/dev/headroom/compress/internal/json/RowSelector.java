package dev.headroom.compress.internal.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.json.Columns.Column;
import dev.headroom.compress.internal.json.Leaves.Path;
import dev.headroom.compress.internal.spi.JNode;
import dev.headroom.compress.internal.text.Query;
import dev.headroom.compress.internal.text.Relevance;
import dev.headroom.compress.internal.text.TermIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Chooses which rows of a JSON array to keep: the first and last, rows answering the query, rows
 * with error-like values, rows holding a rare value of a mostly-uniform field, and numeric
 * outliers.
 */
@API(status = INTERNAL, since = "0.1")
public final class RowSelector {

  private static final int MAX_QUERY = 10;
  private static final int MAX_ERRORS = 10;
  private static final int MAX_RARE = 10;
  private static final int MAX_OUTLIERS = 5;

  /**
   * @param keep indices to keep, ascending
   * @param important the kept rows that were kept for a reason (not only as first/last)
   * @param summary value distributions of the dropped rows' categorical fields, may be empty
   */
  public record Selection(int[] keep, BitSet important, String summary) {}

  private RowSelector() {}

  /**
   * @param rows the array's items
   * @param query the user's question
   * @return the rows to keep
   */
  public static Selection select(List<JNode> rows, Query query) {
    int n = rows.size();
    Path root = Path.root();
    Columns columns = new Columns(n, 8);
    // Every row's text is a range of one text: made once, searched once per query term.
    StringBuilder sb = new StringBuilder();
    int[] from = new int[n];
    int[] to = new int[n];
    for (int i = 0; i < n; i++) {
      from[i] = sb.length();
      columns.startRow(i);
      // Values only: every row has the same member names, so they cannot tell rows apart. Each
      // value ends with a space, so a row's range ends with one, as TermIndex needs.
      JNode row = rows.get(i);
      if (isScalarRow(row)) {
        // A row that is an array of values (a spreadsheet's, a SQL client's): each position is a
        // column, however many there are.
        List<JNode> cells = ((JNode.JArray) row).items();
        for (int k = 0; k < cells.size(); k++) {
          Leaves.collect(cells.get(k), root.item(true, k), columns, sb, false);
        }
      } else {
        Leaves.collect(row, root, columns, sb, false);
      }
      to[i] = sb.length();
    }
    String text = sb.toString();
    BitSet errorRows = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (ErrorWords.in(text, from[i], to[i])) {
        errorRows.set(i);
      }
    }
    List<Integer> relevant =
        Relevance.top(Relevance.scores(new TermIndex(query, text), from, to), MAX_QUERY);
    return select(n, errorRows, relevant, columns, 1);
  }

  /** The widest array of values read as a row of columns. */
  private static final int MAX_ROW_CELLS = 64;

  /** An array of 2 to {@link #MAX_ROW_CELLS} values, none an object or an array. */
  private static boolean isScalarRow(JNode row) {
    if (!(row instanceof JNode.JArray a)
        || a.items().size() < 2
        || a.items().size() > MAX_ROW_CELLS) {
      return false;
    }
    for (JNode cell : a.items()) {
      if (cell instanceof JNode.JObject || cell instanceof JNode.JArray) {
        return false;
      }
    }
    return true;
  }

  /**
   * The same rules for the rows of a text table, column by column. A row's text for the query and
   * for error words is its line as it stands; every cell is a string value of its column.
   *
   * @param text the table, which holds every row's line
   * @param lines each row's line
   * @param cells each row's cells ({@link Columns#forTable})
   * @param query the user's question
   * @param firstRows how many rows from the top are kept as a sample (at least 1)
   * @return the rows to keep
   */
  public static Selection selectTable(
      String text, List<String> lines, Columns cells, Query query, int firstRows) {
    // Lines are parts of the text, so a term or an error word the text lacks is in none of them.
    int n = lines.size();
    BitSet errorRows = new BitSet(n);
    boolean mayHaveErrors = ErrorWords.in(text);
    for (int i = 0; mayHaveErrors && i < n; i++) {
      if (ErrorWords.in(lines.get(i))) {
        errorRows.set(i);
      }
    }
    return select(
        n, errorRows, Relevance.top(query.within(text), lines, MAX_QUERY), cells, firstRows);
  }

  /**
   * @param n how many rows
   * @param errorRows the rows whose text holds an error word
   * @param relevant the rows that best answer the query, best first
   * @param firstRows how many rows from the top are kept (and so not counted in the summary)
   */
  private static Selection select(
      int n, BitSet errorRows, List<Integer> relevant, Columns columns, int firstRows) {
    BitSet important = new BitSet(n);
    for (int i : relevant) {
      important.set(i);
    }
    List<Column> all = columns.all();
    // An HTTP status column: its 5xx rows are failures and its 4xx rows client failures, kept
    // whatever the question's words, however common (no error word names them).
    BitSet clientErrorRows = new BitSet(n);
    httpStatuses(all, errorRows, clientErrorRows);
    errors(errorRows, important);
    errors(clientErrorRows, important);
    rare(all, n, important);
    outliers(all, n, important);
    BitSet keep = (BitSet) important.clone();
    keep.set(0, Math.min(firstRows, n));
    keep.set(n - 1);
    return new Selection(keep.stream().toArray(), important, summary(all, n, keep));
  }

  private static void errors(BitSet errorRows, BitSet important) {
    int[] hits = errorRows.stream().toArray();
    // Many error-like rows: keep the first and last few, the marker counts the rest.
    for (int k = 0; k < hits.length; k++) {
      if (k < MAX_ERRORS / 2 || k >= hits.length - MAX_ERRORS / 2) {
        important.set(hits[k]);
      }
    }
  }

  /**
   * Finds the columns named like a status or code ({@code status}, {@code status_code}, {@code
   * http_status}, {@code code}…) whose values are nearly all HTTP status codes, and marks their 5xx
   * and 4xx rows.
   */
  private static void httpStatuses(List<Column> columns, BitSet serverErrors, BitSet clientErrors) {
    for (Column column : columns) {
      String name = column.name.toLowerCase(java.util.Locale.ROOT);
      if (!name.contains("status") && !name.endsWith("code")) {
        continue;
      }
      int present = column.size;
      int statuses = 0;
      for (int k = 0; k < present; k++) {
        if (httpStatus(column, k) > 0) {
          statuses++;
        }
      }
      if (present == 0 || statuses * 10 < present * 9) {
        continue;
      }
      for (int k = 0; k < present; k++) {
        int status = httpStatus(column, k);
        if (status >= 500) {
          serverErrors.set(column.rows[k]);
        } else if (status >= 400) {
          clientErrors.set(column.rows[k]);
        }
      }
    }
  }

  /** The cell as an HTTP status (100 to 599, three digits, maybe quoted), or 0. */
  private static int httpStatus(Column column, int k) {
    if (column.length(k) > 5) {
      return 0;
    }
    String text = column.text(k);
    if (text.length() == 5 && text.charAt(0) == '"' && text.charAt(4) == '"') {
      text = text.substring(1, 4);
    }
    if (text.length() != 3) {
      return 0;
    }
    int value = 0;
    for (int i = 0; i < 3; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      value = value * 10 + (c - '0');
    }
    return value >= 100 && value <= 599 ? value : 0;
  }

  /** A value of a field that most rows share one value of, seen in at most 2% of rows. */
  private static void rare(List<Column> columns, int n, BitSet important) {
    if (n < 8) {
      return;
    }
    int distinctMax = Math.max(8, (int) Math.sqrt(n));
    int rareMax = Math.max(1, n / 50);
    double[] rarity = new double[n];
    Map<String, int[]> values = new HashMap<>();
    int[][] counts = new int[0][];
    for (Column column : columns) {
      int present = column.size;
      if (n >= 10 && present <= rareMax) {
        // A field present in at most 2% of rows: its presence is rare.
        for (int k = 0; k < present; k++) {
          if (!"null".equals(column.text(k))) {
            rarity[column.rows[k]] = Math.max(rarity[column.rows[k]], 1.0 / present);
          }
        }
      }
      // Each value's count cell, found once here so the rarity pass needs no second lookup. Past
      // distinctMax values a field cannot be categorical: counting stops (ids, SKUs, timestamps).
      // Values of one path repeat within a row only inside arrays; counting them twice is harmless.
      // One array for all columns: a categorical column is counted to its end, so every cell up to
      // present is written for it, and the cells of a column that stops early are never read.
      values.clear();
      if (counts.length < present) {
        counts = new int[present][];
      }
      for (int k = 0; k < present && values.size() <= distinctMax; k++) {
        int[] count = null;
        if (column.length(k) <= 64) {
          String text = column.text(k);
          count = values.get(text);
          if (count == null) {
            values.put(text, count = new int[] {0});
          }
          count[0]++;
        }
        counts[k] = count;
      }
      int top = 0;
      for (int[] count : values.values()) {
        top = Math.max(top, count[0]);
      }
      if (top * 2 < n || values.size() > distinctMax) {
        continue; // not categorical
      }
      for (int k = 0; k < present; k++) {
        int c = counts[k] == null ? n : counts[k][0];
        if (c <= rareMax) {
          rarity[column.rows[k]] = Math.max(rarity[column.rows[k]], 1.0 / c);
        }
      }
    }
    // Rarest first (a value seen once beats one seen in 2% of rows), earlier rows first on ties.
    for (int row : highest(rarity, MAX_RARE)) {
      important.set(row);
    }
  }

  /** Up to {@code max} indices with a positive score, highest first, lower index first on ties. */
  private static int[] highest(double[] score, int max) {
    int[] candidates = new int[score.length];
    int k = 0;
    for (int i = 0; i < score.length; i++) {
      if (score[i] > 0) {
        candidates[k++] = i;
      }
    }
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = candidates[i];
    }
    Arrays.sort(
        order, (a, b) -> Double.compare(score[b], score[a])); // stable: ties keep index order
    int[] top = new int[Math.min(max, k)];
    for (int i = 0; i < top.length; i++) {
      top[i] = order[i];
    }
    return top;
  }

  /**
   * Only the numeric outliers among a text table's rows: what {@link #selectTable} keeps for its
   * numbers, for a compressor whose other rules are its own.
   *
   * @param cells each row's cells ({@link Columns#forTable})
   * @param n how many rows
   * @return the rows whose numbers are far from their column's (the five most outlying at most), in
   *     order
   */
  public static int[] outlierRows(Columns cells, int n) {
    BitSet important = new BitSet(n);
    outliers(cells.all(), n, important);
    return important.stream().toArray();
  }

  /**
   * Numbers far from their field's median (robust z-score), and lone negatives or zeros among
   * positives.
   */
  private static void outliers(List<Column> columns, int n, BitSet important) {
    if (n < 8) {
      return;
    }
    double[] score = new double[n];
    for (Column column : columns) {
      // The column's numbers and the rows they came from, in row order.
      double[] xs = new double[column.size];
      int[] rowsOf = new int[column.size];
      int m = 0;
      for (int k = 0; k < column.size; k++) {
        if (!Double.isNaN(column.numbers[k])) {
          xs[m] = column.numbers[k];
          rowsOf[m++] = column.rows[k];
        }
      }
      if (m < 8) {
        continue;
      }
      double median = kth(Arrays.copyOf(xs, m), m / 2);
      double[] dev = new double[m];
      int negatives = 0;
      int zeros = 0;
      for (int k = 0; k < m; k++) {
        dev[k] = Math.abs(xs[k] - median);
        negatives += xs[k] < 0 ? 1 : 0;
        zeros += xs[k] == 0 ? 1 : 0;
      }
      double mad = kth(dev, m / 2) * 1.4826;
      boolean loneNegatives = negatives > 0 && negatives * 50L <= m;
      // A count that is 0 in one row of fifty and positive in the rest: nothing in stock, no
      // replica ready, no space left. It sits near the others, so the z-score misses it.
      boolean loneZeros = negatives == 0 && zeros > 0 && zeros * 50L <= m;
      for (int k = 0; k < m; k++) {
        double v = xs[k];
        double z = mad > 0 ? Math.abs(v - median) / mad : 0;
        if (loneNegatives && v < 0) {
          z = Math.max(z, 100);
        }
        if (loneZeros && v == 0) {
          z = Math.max(z, 50);
        }
        if (z >= 8) {
          score[rowsOf[k]] = Math.max(score[rowsOf[k]], z);
        }
      }
    }
    for (int row : highest(score, MAX_OUTLIERS)) {
      important.set(row);
    }
  }

  /**
   * The value a sort would put at index {@code k} (quickselect: linear on average, where sorting
   * each numeric column twice was a tenth of a table's time). Reorders {@code a}.
   */
  static double kth(double[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  /**
   * "status: succeeded 139, failed 1" for up to three top-level categorical fields of the dropped
   * rows.
   */
  private static String summary(List<Column> columns, int n, BitSet keep) {
    int dropped = n - keep.cardinality();
    // Each summarisable column with the place of its first string of at most 32 characters in a
    // dropped row: fields are reported in that order (row, then place in the row).
    List<long[]> order = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      if (!column.topLevel || column.name.isEmpty()) {
        continue;
      }
      for (int k = 0; k < column.size; k++) {
        if (!keep.get(column.rows[k]) && column.strings[k] && column.length(k) <= 32) {
          order.add(new long[] {(long) column.rows[k] << 32 | column.positions[k], c});
          break;
        }
      }
    }
    order.sort((a, b) -> Long.compare(a[0], b[0]));
    List<String> parts = new ArrayList<>();
    for (long[] first : order) {
      if (parts.size() == 3) {
        break;
      }
      Column column = columns.get((int) first[1]);
      Map<String, int[]> values = new LinkedHashMap<>();
      int total = 0;
      for (int k = 0; k < column.size && values.size() <= 5; k++) {
        if (!keep.get(column.rows[k]) && column.strings[k] && column.length(k) <= 32) {
          String text = column.text(k);
          int[] count = values.get(text);
          if (count == null) {
            values.put(
                text, count = new int[] {0}); // a sixth value: never reported, counting stops
          }
          count[0]++;
          total++;
        }
      }
      if (values.size() <= 5 && total * 2 >= dropped) {
        StringBuilder sb = new StringBuilder(column.name).append(": ");
        values.entrySet().stream()
            .sorted((a, b) -> b.getValue()[0] - a.getValue()[0])
            .forEach(v -> sb.append(v.getKey()).append(' ').append(v.getValue()[0]).append(", "));
        parts.add(sb.substring(0, sb.length() - 2));
      }
    }
    return String.join("; ", parts);
  }
}
