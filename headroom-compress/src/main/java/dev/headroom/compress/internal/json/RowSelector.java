package dev.headroom.compress.internal.json;

import dev.headroom.compress.internal.spi.JNode;
import dev.headroom.compress.internal.json.Leaves.Leaf;
import dev.headroom.compress.internal.json.Leaves.Path;
import dev.headroom.compress.internal.text.Query;
import dev.headroom.compress.internal.text.Relevance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses which rows of a JSON array to keep: the first and last, rows answering the query, rows
 * with error-like values, rows holding a rare value of a mostly-uniform field, and numeric outliers.
 */
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

  public static Selection select(List<JNode> rows, Query query) {
    int n = rows.size();
    Path root = Path.root();
    List<List<Leaf>> leaves = new ArrayList<>(n);
    List<String> texts = new ArrayList<>(n);
    BitSet errorRows = new BitSet(n);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // Rows are usually alike: the previous row's leaf count is a good first capacity.
      List<Leaf> l = new ArrayList<>(i == 0 ? 16 : leaves.get(i - 1).size() + 2);
      sb.setLength(0);
      // Values only: every row has the same member names, so they cannot tell rows apart.
      Leaves.collect(rows.get(i), root, l, sb, false);
      leaves.add(l);
      String text = sb.toString();
      texts.add(text);
      if (ErrorWords.in(text)) {
        errorRows.set(i);
      }
    }
    int columns = root.count();
    BitSet important = new BitSet(n);
    for (int i : Relevance.top(query, texts, MAX_QUERY)) {
      important.set(i);
    }
    errors(errorRows, important);
    rare(leaves, columns, important);
    outliers(leaves, columns, important);
    BitSet keep = (BitSet) important.clone();
    keep.set(0);
    keep.set(n - 1);
    return new Selection(keep.stream().toArray(), important, summary(leaves, columns, keep));
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

  /** A value of a field that most rows share one value of, seen in at most 2% of rows. */
  private static void rare(List<List<Leaf>> leaves, int columns, BitSet important) {
    int n = leaves.size();
    if (n < 8) {
      return;
    }
    int distinctMax = Math.max(8, (int) Math.sqrt(n));
    @SuppressWarnings("unchecked")
    Map<String, int[]>[] counts = new Map[columns];
    int[] presence = new int[columns];
    // Each leaf's count cell, found once here so the rarity pass needs no second lookup.
    int[][][] cells = new int[n][][];
    for (int i = 0; i < n; i++) {
      List<Leaf> row = leaves.get(i);
      int[][] rowCells = cells[i] = new int[row.size()][];
      for (int j = 0; j < rowCells.length; j++) {
        Leaf leaf = row.get(j);
        int column = leaf.path().id();
        // Leaves of one path repeat within a row only inside arrays; counting them twice is harmless.
        Map<String, int[]> values = counts[column];
        if (values == null) {
          values = counts[column] = new HashMap<>();
        }
        // Past distinctMax values a field cannot be categorical: stop counting (ids, SKUs, timestamps).
        if (values.size() <= distinctMax && leaf.text().length() <= 64) {
          int[] count = values.get(leaf.text());
          if (count == null) {
            values.put(leaf.text(), count = new int[] {0});
          }
          count[0]++;
          rowCells[j] = count;
        }
        presence[column]++;
      }
    }
    int rareMax = Math.max(1, n / 50);
    boolean[] categorical = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      Map<String, int[]> values = counts[c];
      if (values == null) {
        continue;
      }
      int top = 0;
      for (int[] count : values.values()) {
        top = Math.max(top, count[0]);
      }
      categorical[c] = top * 2 >= n && values.size() <= distinctMax;
    }
    double[] rarity = new double[n];
    for (int i = 0; i < n; i++) {
      List<Leaf> row = leaves.get(i);
      for (int j = 0; j < row.size(); j++) {
        Leaf leaf = row.get(j);
        int column = leaf.path().id();
        int present = presence[column];
        if (n >= 10 && present <= rareMax && !"null".equals(leaf.text())) {
          rarity[i] = Math.max(rarity[i], 1.0 / present);
        }
        if (categorical[column]) {
          int[] count = cells[i][j];
          int c = count == null ? n : count[0];
          if (c <= rareMax) {
            rarity[i] = Math.max(rarity[i], 1.0 / c);
          }
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
    Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a])); // stable: ties keep index order
    int[] top = new int[Math.min(max, k)];
    for (int i = 0; i < top.length; i++) {
      top[i] = order[i];
    }
    return top;
  }

  /** Numbers far from their field's median (robust z-score), and lone negatives among positives. */
  private static void outliers(List<List<Leaf>> leaves, int columns, BitSet important) {
    int n = leaves.size();
    if (n < 8) {
      return;
    }
    // Each column's numbers and the rows they came from, in row order; counted first, then filled.
    int[] size = new int[columns];
    for (List<Leaf> row : leaves) {
      for (Leaf leaf : row) {
        if (!Double.isNaN(leaf.number())) {
          size[leaf.path().id()]++;
        }
      }
    }
    double[][] values = new double[columns][];
    int[][] rowsOf = new int[columns][];
    for (int c = 0; c < columns; c++) {
      if (size[c] >= 8) {
        values[c] = new double[size[c]];
        rowsOf[c] = new int[size[c]];
      }
      size[c] = 0;
    }
    for (int i = 0; i < n; i++) {
      for (Leaf leaf : leaves.get(i)) {
        int c = leaf.path().id();
        if (values[c] != null && !Double.isNaN(leaf.number())) {
          values[c][size[c]] = leaf.number();
          rowsOf[c][size[c]++] = i;
        }
      }
    }
    double[] score = new double[n];
    for (int c = 0; c < columns; c++) {
      int m = size[c];
      if (m < 8) {
        continue;
      }
      double[] xs = values[c];
      double median = kth(Arrays.copyOf(xs, m), m / 2);
      double[] dev = new double[m];
      int negatives = 0;
      for (int k = 0; k < m; k++) {
        dev[k] = Math.abs(xs[k] - median);
        negatives += xs[k] < 0 ? 1 : 0;
      }
      double mad = kth(dev, m / 2) * 1.4826;
      boolean loneNegatives = negatives > 0 && negatives * 50L <= m;
      for (int k = 0; k < m; k++) {
        double v = values[c][k];
        double z = mad > 0 ? Math.abs(v - median) / mad : 0;
        if (loneNegatives && v < 0) {
          z = Math.max(z, 100);
        }
        if (z >= 8) {
          int row = rowsOf[c][k];
          score[row] = Math.max(score[row], z);
        }
      }
    }
    for (int row : highest(score, MAX_OUTLIERS)) {
      important.set(row);
    }
  }

  /**
   * The value a sort would put at index {@code k} (quickselect: linear on average, where sorting each
   * numeric column twice was a tenth of a table's time). Reorders {@code a}.
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

  /** "status: succeeded 139, failed 1" for up to three top-level categorical fields of the dropped rows. */
  private static String summary(List<List<Leaf>> leaves, int columns, BitSet keep) {
    @SuppressWarnings("unchecked")
    Map<String, int[]>[] fields = new Map[columns];
    List<Path> order = new ArrayList<>(); // fields in order of first appearance
    int dropped = 0;
    for (int i = keep.nextClearBit(0); i < leaves.size(); i = keep.nextClearBit(i + 1)) {
      dropped++;
      for (Leaf leaf : leaves.get(i)) {
        Path path = leaf.path();
        if (leaf.string() && path.topLevel() && leaf.text().length() <= 32) {
          Map<String, int[]> values = fields[path.id()];
          if (values == null) {
            values = fields[path.id()] = new LinkedHashMap<>();
            order.add(path);
          } else if (values.size() > 5) {
            continue; // six distinct values already: never reported, so no more counting (ids, SKUs)
          }
          int[] count = values.get(leaf.text());
          if (count != null) {
            count[0]++;
          } else if (values.size() <= 5) { // more than 5 is never reported
            values.put(leaf.text(), new int[] {1});
          }
        }
      }
    }
    List<String> parts = new ArrayList<>();
    for (Path path : order) {
      Map<String, int[]> values = fields[path.id()];
      int total = 0;
      for (int[] count : values.values()) {
        total += count[0];
      }
      if (values.size() <= 5 && total * 2 >= dropped && parts.size() < 3 && !path.text().isEmpty()) {
        StringBuilder sb = new StringBuilder(path.text()).append(": ");
        values.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0])
            .forEach(v -> sb.append(v.getKey()).append(' ').append(v.getValue()[0]).append(", "));
        parts.add(sb.substring(0, sb.length() - 2));
      }
    }
    return String.join("; ", parts);
  }
}
