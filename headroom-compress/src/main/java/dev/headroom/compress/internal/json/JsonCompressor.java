package dev.headroom.compress.internal.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.internal.spi.Candidate;
import dev.headroom.compress.internal.spi.ContentCompressor;
import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.spi.JNode;
import dev.headroom.compress.internal.spi.JNode.JArray;
import dev.headroom.compress.internal.spi.JNode.JObject;
import dev.headroom.compress.internal.spi.JNode.JString;
import dev.headroom.compress.internal.text.Relevance;
import dev.headroom.compress.internal.text.TermIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * JSON arrays and objects, in three steps that stop as soon as the result fits the budget:
 *
 * <ol>
 *   <li>lossless: minified, arrays of same-keyed objects as {@code {"_columns":[…],"_rows":[[…]]}};
 *   <li>row selection in every large array ({@link RowSelector}), and in every large object whose
 *       members are rows under their ids ({@code {"svc-001": {…}, "svc-002": {…}}}), the dropped
 *       rows stored and replaced by a {@code <<ccr:…>>} marker with a summary of what they held;
 *   <li>pruning of large object members that neither answer the query nor hold a selected row.
 * </ol>
 *
 * The output is always valid JSON, and every number keeps its source text.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonCompressor implements ContentCompressor {

  /** JSON runs about 3.5 characters per token. */
  static final double CHARS_PER_TOKEN = 3.5;

  static final int MIN_ROWS = 8;
  static final int LOSSLESS_REACH = 3;
  static final int MIN_ARRAY_CHARS = 1_024;
  static final int SMALL_MEMBER = 256;
  static final String OMITTED = "_omitted";

  /** The name a keyed row's id is read under when its rows are chosen. */
  private static final String KEY_FIELD = "_id";

  @Override
  public Optional<Candidate> compress(Input input) {
    Optional<JNode> parsed =
        input.json().isPresent() ? input.json() : JsonTrees.parse(input.text());
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    JNode root = parsed.get();
    String kind = root instanceof JArray ? "json_array" : "json_object";
    long budget = (long) (input.targetTokens() * CHARS_PER_TOKEN);
    // The table form drops repeated member names, which rarely shrinks a document by two thirds:
    // when the minified size is that far over budget, skip writing a lossless form that cannot fit.
    // Only whether it is that far over: the walk stops there (a large array's whole walk was 4% of
    // its compression).
    long reach = LOSSLESS_REACH * budget;
    if (reach >= Integer.MAX_VALUE || !JsonTrees.sizeAtLeast(root, (int) reach + 1)) {
      JNode lossless = Tables.tabulate(root);
      String text = JsonTrees.write(lossless);
      if (text.length() <= budget) {
        String strategy = lossless == root ? ":minified" : ":table";
        return text.length() < input.text().length()
            ? Optional.of(new Candidate(text, kind + strategy))
            : Optional.empty();
      }
    }
    Run run = new Run(input, root);
    JNode crushed = run.crush(root);
    String strategy = ":rows";
    long size = JsonTrees.size(crushed);
    if (size > budget) {
      crushed = run.prune(crushed, new long[] {size - budget});
      strategy = ":rows+pruned";
    }
    String out = JsonTrees.write(Tables.tabulate(crushed));
    return out.length() < input.text().length()
        ? Optional.of(new Candidate(out, kind + strategy))
        : Optional.empty();
  }

  /** State of one compression: what was kept for a reason must survive pruning. */
  private static final class Run {
    private final Input input;
    private final Set<JNode> important = Collections.newSetFromMap(new IdentityHashMap<>());
    private final JNode root;

    Run(Input input, JNode root) {
      this.input = input;
      this.root = root;
    }

    JNode crush(JNode node) {
      if (node instanceof JObject o && isKeyedRows(o)) {
        return crushKeyedRows(o);
      }
      if (node instanceof JObject o) {
        List<JNode> values = new ArrayList<>(o.values().size());
        boolean hot = false;
        boolean changed = false;
        for (JNode v : o.values()) {
          JNode c = crush(v);
          values.add(c);
          hot |= important.contains(c);
          changed |= c != v;
        }
        // Unchanged subtrees are kept as they are (no copy, and their size is known).
        JObject out = changed ? new JObject(o.keys(), values) : o;
        if (hot) {
          important.add(out);
        }
        return out;
      }
      if (!(node instanceof JArray a)) {
        return node;
      }
      int n = a.items().size();
      if (n < MIN_ROWS || !JsonTrees.sizeAtLeast(a, MIN_ARRAY_CHARS)) {
        List<JNode> items = new ArrayList<>(n);
        boolean hot = false;
        boolean changed = false;
        for (JNode item : a.items()) {
          JNode c = crush(item);
          items.add(c);
          hot |= important.contains(c);
          changed |= c != item;
        }
        JArray out = changed ? new JArray(items) : a;
        if (hot) {
          important.add(out);
        }
        return out;
      }
      RowSelector.Selection sel = RowSelector.select(a.items(), input.query());
      List<JNode> kept = new ArrayList<>(sel.keep().length + 1);
      for (int i : sel.keep()) {
        JNode c = crush(a.items().get(i));
        kept.add(c);
        if (sel.important().get(i)) {
          important.add(c);
        }
      }
      if (sel.keep().length < n) {
        kept.add(omitted(a, n, "rows", sel));
      }
      JArray out = new JArray(kept);
      if (!sel.important().isEmpty()) {
        important.add(out);
      }
      return out;
    }

    /**
     * The marker that stands for the rows a selection dropped: the whole array or object stored
     * (the root as the caller sent it: exact, and no re-serialisation), and what was dropped said.
     *
     * @param rows the array or keyed object the rows were chosen from
     * @param n how many rows it has
     * @param noun what its rows are called in the marker
     */
    private JString omitted(JNode rows, int n, String noun, RowSelector.Selection sel) {
      String what =
          (n - sel.keep().length)
              + " of "
              + n
              + " "
              + noun
              + " omitted"
              + (sel.summary().isEmpty() ? "" : "; " + sel.summary());
      String original = rows == root ? input.text() : JsonTrees.write(rows);
      return new JString(input.sink().drop(original, what.replace(">>", "> >")));
    }

    /**
     * An object whose members are rows under their ids: {@code {"svc-001": {"healthy": true, …},
     * …}}, at least {@link #MIN_ROWS} members, each an object, four in five of them with the first
     * one's member names, and large enough to be worth it ({@link #MIN_ARRAY_CHARS}).
     */
    private static boolean isKeyedRows(JObject o) {
      int n = o.values().size();
      if (n < MIN_ROWS || !(o.values().get(0) instanceof JObject first)) {
        return false;
      }
      int same = 0;
      for (JNode value : o.values()) {
        if (!(value instanceof JObject row)) {
          return false;
        }
        same += row.keys().equals(first.keys()) ? 1 : 0;
      }
      return same * 5 >= n * 4 && JsonTrees.sizeAtLeast(o, MIN_ARRAY_CHARS);
    }

    /**
     * Chooses the members of a keyed row set as an array's rows are chosen ({@link RowSelector}),
     * each row read with its id (so the question may name it); the others are stored and replaced
     * by an {@link #OMITTED} member whose marker summarises them.
     */
    private JNode crushKeyedRows(JObject o) {
      int n = o.keys().size();
      List<JNode> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        JObject row = (JObject) o.values().get(i);
        List<String> keys = new ArrayList<>(row.keys().size() + 1);
        List<JNode> values = new ArrayList<>(row.keys().size() + 1);
        keys.add(KEY_FIELD);
        values.add(new JString(o.keys().get(i)));
        keys.addAll(row.keys());
        values.addAll(row.values());
        rows.add(new JObject(keys, values));
      }
      RowSelector.Selection sel = RowSelector.select(rows, input.query());
      List<String> keys = new ArrayList<>(sel.keep().length + 1);
      List<JNode> kept = new ArrayList<>(sel.keep().length + 1);
      for (int i : sel.keep()) {
        JNode c = crush(o.values().get(i));
        keys.add(o.keys().get(i));
        kept.add(c);
        if (sel.important().get(i)) {
          important.add(c);
        }
      }
      if (sel.keep().length < n) {
        keys.add(keys.contains(OMITTED) ? OMITTED + "_" + keys.size() : OMITTED);
        kept.add(omitted(o, n, "members", sel));
      }
      JObject out = new JObject(keys, kept);
      if (!sel.important().isEmpty()) {
        important.add(out);
      }
      return out;
    }

    /**
     * Drops members of large objects, least relevant and largest first, until the tree fits the
     * budget: first members that match nothing, then it descends into partly matching members, then
     * into the best-matching ones. Members holding a kept row or an answer to the query stay.
     */
    JNode prune(JNode node, long[] excess) {
      StringBuilder text = new StringBuilder();
      Leaves.text(node, text);
      String flat = text.toString();
      return prune(node, excess, new TermIndex(input.query(), flat), 0);
    }

    /**
     * @param index the query's terms in the searchable text ({@link Leaves#text}) of the tree first
     *     given to {@link #prune(JNode, long[])}, of which {@code node} is an unchanged subtree
     * @param at where {@code node}'s text starts in it
     */
    private JNode prune(JNode node, long[] excess, TermIndex index, int at) {
      if (excess[0] <= 0 || !JsonTrees.sizeAtLeast(node, MIN_ARRAY_CHARS)) {
        return node;
      }
      if (node instanceof JArray a) {
        List<JNode> items = new ArrayList<>(a.items());
        int itemAt = at;
        for (int i = 0; i < items.size() && excess[0] > 0; i++) {
          JNode item = items.get(i);
          items.set(i, prune(item, excess, index, itemAt));
          itemAt += Leaves.textLength(item);
        }
        return new JArray(items);
      }
      JObject o = (JObject) node;
      int n = o.keys().size();
      // Member i's text, its name, '=' and its value's text, is [from[i], to[i]) of the index's
      // text.
      int[] from = new int[n];
      int[] to = new int[n];
      int[] sizes = new int[n];
      int memberAt = at;
      for (int i = 0; i < n; i++) {
        long lengths = Leaves.textLengthAndSize(o.values().get(i));
        from[i] = memberAt;
        memberAt += o.keys().get(i).length() + 1 + (int) (lengths >>> 32);
        to[i] = memberAt;
        sizes[i] = (int) lengths;
      }
      double[] scores = Relevance.scores(index, from, to);
      double max = 0;
      for (double s : scores) {
        max = Math.max(max, s);
      }
      List<JNode> values = new ArrayList<>(o.values());
      boolean[] dropped = new boolean[n];
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (sizes[i] > SMALL_MEMBER) {
          order.add(i);
        }
      }
      // Least relevant first, then largest first.
      order.sort(
          (x, y) ->
              scores[x] != scores[y] ? Double.compare(scores[x], scores[y]) : sizes[y] - sizes[x]);
      final double best = max;
      int left = order.size(); // members of order not dropped
      for (int i : order) { // 1: members that match nothing and hold nothing kept
        if (excess[0] > 0
            && scores[i] == 0
            && !important.contains(values.get(i))
            && keepsOneSample(left, best)) {
          dropped[i] = true;
          left--;
          excess[0] -= sizes[i];
        }
      }
      for (int i : order) { // 2: descend, partial matches first
        if (excess[0] > 0 && !dropped[i]) {
          values.set(
              i, prune(values.get(i), excess, index, from[i] + o.keys().get(i).length() + 1));
        }
      }
      for (int i : order) { // 3: still too big: drop partial matches that hold nothing kept
        if (excess[0] > 0
            && !dropped[i]
            && scores[i] < 0.8 * best
            && !important.contains(o.values().get(i))
            && keepsOneSample(left, best)) {
          dropped[i] = true;
          left--;
          excess[0] -= JsonTrees.size(values.get(i));
        }
      }
      List<String> keys = new ArrayList<>();
      List<JNode> kept = new ArrayList<>();
      List<String> droppedKeys = new ArrayList<>();
      List<JNode> droppedValues = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (dropped[i]) {
          droppedKeys.add(o.keys().get(i));
          droppedValues.add(o.values().get(i));
        } else {
          keys.add(o.keys().get(i));
          kept.add(values.get(i));
        }
      }
      if (droppedKeys.isEmpty()) {
        return new JObject(keys, kept);
      }
      String names =
          String.join(", ", droppedKeys.subList(0, Math.min(5, droppedKeys.size())))
              + (droppedKeys.size() > 5 ? ", …" : "");
      String what = droppedKeys.size() + " members omitted: " + names;
      keys.add(keys.contains(OMITTED) ? OMITTED + "_" + keys.size() : OMITTED);
      kept.add(
          new JString(
              input
                  .sink()
                  .drop(
                      JsonTrees.write(new JObject(droppedKeys, droppedValues)),
                      what.replace(">>", "> >"))));
      excess[0] += 40 + what.length();
      return new JObject(keys, kept);
    }

    /**
     * With no query match at all in an object, one large member is kept as a sample of the rest:
     * the member being considered (not dropped yet) may go only if another one is left.
     *
     * @param left how many large members are not dropped, the one considered included
     */
    private static boolean keepsOneSample(int left, double best) {
      return best > 0 || left > 1;
    }
  }
}
