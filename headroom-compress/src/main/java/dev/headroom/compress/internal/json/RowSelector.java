package dev.headroom.compress.internal.json;

import dev.headroom.compress.internal.spi.JNode;
import dev.headroom.compress.internal.json.Leaves.Leaf;
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
    List<List<Leaf>> leaves = new ArrayList<>(n);
    List<String> texts = new ArrayList<>(n);
    BitSet errorRows = new BitSet(n);
    for (int i = 0; i < n; i++) {
      List<Leaf> l = new ArrayList<>();
      StringBuilder sb = new StringBuilder();
      // Values only: every row has the same member names, so they cannot tell rows apart.
      Leaves.collect(rows.get(i), "", l, sb, false);
      leaves.add(l);
      String text = sb.toString();
      texts.add(text);
      if (ErrorWords.in(text)) {
        errorRows.set(i);
      }
    }
    BitSet important = new BitSet(n);
    for (int i : Relevance.top(query, texts, MAX_QUERY)) {
      important.set(i);
    }
    errors(errorRows, important);
    rare(leaves, important);
    outliers(leaves, important);
    BitSet keep = (BitSet) important.clone();
    keep.set(0);
    keep.set(n - 1);
    return new Selection(keep.stream().toArray(), important, summary(leaves, keep));
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
  private static void rare(List<List<Leaf>> leaves, BitSet important) {
    int n = leaves.size();
    if (n < 8) {
      return;
    }
    int distinctMax = Math.max(8, (int) Math.sqrt(n));
    // Paths become column numbers once, so the second pass needs no lookups by path.
    Map<String, Integer> columnOf = new HashMap<>();
    List<Map<String, int[]>> counts = new ArrayList<>();
    int[] presence = new int[16];
    int[][] columns = new int[n][];
    for (int i = 0; i < n; i++) {
      List<Leaf> row = leaves.get(i);
      int[] rowColumns = new int[row.size()];
      for (int j = 0; j < rowColumns.length; j++) {
        Leaf leaf = row.get(j);
        Integer known = columnOf.get(leaf.path());
        int column = known != null ? known : newColumn(columnOf, leaf.path(), counts);
        if (column == presence.length) {
          presence = Arrays.copyOf(presence, column * 2);
        }
        rowColumns[j] = column;
        // Leaves of one path repeat within a row only inside arrays; counting them twice is harmless.
        Map<String, int[]> values = counts.get(column);
        // Past distinctMax values a field cannot be categorical: stop counting (ids, SKUs, timestamps).
        if (values.size() <= distinctMax && leaf.text().length() <= 64) {
          values.computeIfAbsent(leaf.text(), v -> new int[1])[0]++;
        }
        presence[column]++;
      }
      columns[i] = rowColumns;
    }
    int rareMax = Math.max(1, n / 50);
    boolean[] categorical = new boolean[counts.size()];
    for (int c = 0; c < categorical.length; c++) {
      Map<String, int[]> values = counts.get(c);
      int top = 0;
      for (int[] count : values.values()) {
        top = Math.max(top, count[0]);
      }
      categorical[c] = top * 2 >= n && values.size() <= distinctMax;
    }
    double[] rarity = new double[n];
    for (int i = 0; i < n; i++) {
      List<Leaf> row = leaves.get(i);
      for (int j = 0; j < columns[i].length; j++) {
        int column = columns[i][j];
        Leaf leaf = row.get(j);
        int present = presence[column];
        if (n >= 10 && present <= rareMax && !"null".equals(leaf.text())) {
          rarity[i] = Math.max(rarity[i], 1.0 / present);
        }
        if (categorical[column]) {
          int[] count = counts.get(column).get(leaf.text());
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

  private static int newColumn(Map<String, Integer> columnOf, String path, List<Map<String, int[]>> counts) {
    int column = columnOf.size();
    columnOf.put(path, column);
    counts.add(new HashMap<>());
    return column;
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
  private static void outliers(List<List<Leaf>> leaves, BitSet important) {
    int n = leaves.size();
    if (n < 8) {
      return;
    }
    Map<String, List<double[]>> byPath = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      for (Leaf leaf : leaves.get(i)) {
        if (!Double.isNaN(leaf.number())) {
          byPath.computeIfAbsent(leaf.path(), p -> new ArrayList<>()).add(new double[] {leaf.number(), i});
        }
      }
    }
    double[] score = new double[n];
    for (List<double[]> values : byPath.values()) {
      if (values.size() < 8) {
        continue;
      }
      double[] xs = values.stream().mapToDouble(v -> v[0]).sorted().toArray();
      double median = xs[xs.length / 2];
      double[] dev = Arrays.stream(xs).map(x -> Math.abs(x - median)).sorted().toArray();
      double mad = dev[dev.length / 2] * 1.4826;
      long negatives = Arrays.stream(xs).filter(x -> x < 0).count();
      boolean loneNegatives = negatives > 0 && negatives * 50 <= xs.length;
      for (double[] v : values) {
        double z = mad > 0 ? Math.abs(v[0] - median) / mad : 0;
        if (loneNegatives && v[0] < 0) {
          z = Math.max(z, 100);
        }
        if (z >= 8) {
          int row = (int) v[1];
          score[row] = Math.max(score[row], z);
        }
      }
    }
    for (int row : highest(score, MAX_OUTLIERS)) {
      important.set(row);
    }
  }

  /** "status: succeeded 139, failed 1" for up to three top-level categorical fields of the dropped rows. */
  private static String summary(List<List<Leaf>> leaves, BitSet keep) {
    Map<String, Map<String, Integer>> fields = new LinkedHashMap<>();
    int dropped = 0;
    for (int i = keep.nextClearBit(0); i < leaves.size(); i = keep.nextClearBit(i + 1)) {
      dropped++;
      for (Leaf leaf : leaves.get(i)) {
        if (leaf.string() && leaf.text().length() <= 32 && leaf.path().indexOf('.') < 0
            && leaf.path().indexOf('[') < 0) {
          Map<String, Integer> values = fields.computeIfAbsent(leaf.path(), p -> new LinkedHashMap<>());
          if (values.size() <= 5 || values.containsKey(leaf.text())) { // more than 5 is never reported
            values.merge(leaf.text(), 1, Integer::sum);
          }
        }
      }
    }
    List<String> parts = new ArrayList<>();
    for (var e : fields.entrySet()) {
      Map<String, Integer> values = e.getValue();
      int total = values.values().stream().mapToInt(Integer::intValue).sum();
      if (values.size() <= 5 && total * 2 >= dropped && parts.size() < 3 && !e.getKey().isEmpty()) {
        StringBuilder sb = new StringBuilder(e.getKey()).append(": ");
        values.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
            .forEach(v -> sb.append(v.getKey()).append(' ').append(v.getValue()).append(", "));
        parts.add(sb.substring(0, sb.length() - 2));
      }
    }
    return String.join("; ", parts);
  }
}
