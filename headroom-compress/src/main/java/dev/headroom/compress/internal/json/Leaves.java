package dev.headroom.compress.internal.json;

import dev.headroom.compress.internal.spi.JNode;
import dev.headroom.compress.internal.spi.JNode.JArray;
import dev.headroom.compress.internal.spi.JNode.JLiteral;
import dev.headroom.compress.internal.spi.JNode.JNumber;
import dev.headroom.compress.internal.spi.JNode.JObject;
import dev.headroom.compress.internal.spi.JNode.JString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens a subtree into its scalars, grouped by paths normalised across rows ({@code a.b[].c}),
 * and into one searchable text of its keys and values.
 */
final class Leaves {

  /**
   * A normalised path, made once per flattening and numbered in order of first appearance, so the
   * row statistics index arrays by {@link #id} instead of hashing path strings leaf by leaf.
   */
  static final class Path {
    private final List<Path> all;
    private final String text;
    private final int id;
    private final boolean topLevel;
    private Map<String, Path> members;
    private Path items;
    private Path[] tuple;
    private List<String> lastKeys;
    private Path[] lastMembers;

    private Path(List<Path> all, String text) {
      this.all = all;
      this.text = text;
      this.id = all.size();
      this.topLevel = text.indexOf('.') < 0 && text.indexOf('[') < 0;
      all.add(this);
    }

    /**
     * @return a new root ({@code ""}) whose descendants are numbered from 0 in one shared list
     */
    static Path root() {
      return new Path(new ArrayList<>(), "");
    }

    /**
     * @return how many paths this root's family holds so far
     */
    int count() {
      return all.size();
    }

    /**
     * @return the path, e.g. {@code items[].price}
     */
    String text() {
      return text;
    }

    /**
     * @return its number, 0 for the root
     */
    int id() {
      return id;
    }

    /**
     * @return whether the path names a member of the row itself (no dot, no bracket)
     */
    boolean topLevel() {
      return topLevel;
    }

    /**
     * The member paths for an object's names, in order. Sibling objects with the same names share
     * one key list ({@link JsonTrees}), so after the first row this is one identity check, not a
     * lookup per member.
     */
    Path[] members(List<String> keys) {
      if (keys != lastKeys) {
        Path[] children = new Path[keys.size()];
        for (int i = 0; i < children.length; i++) {
          children[i] = member(keys.get(i));
        }
        lastKeys = keys;
        lastMembers = children;
      }
      return lastMembers;
    }

    Path member(String key) {
      if (members == null) {
        members = new HashMap<>();
      }
      Path child = members.get(key);
      if (child == null) {
        child = new Path(all, text.isEmpty() ? key : text + "." + key);
        members.put(key, child);
      }
      return child;
    }

    Path item(boolean isTuple, int index) {
      if (!isTuple) {
        if (items == null) {
          items = new Path(all, text + "[]");
        }
        return items;
      }
      if (tuple == null) {
        tuple = new Path[Math.max(4, index + 1)];
      } else if (index >= tuple.length) {
        tuple = java.util.Arrays.copyOf(tuple, Math.max(index + 1, tuple.length * 2));
      }
      if (tuple[index] == null) {
        tuple[index] = new Path(all, text + "[" + index + "]");
      }
      return tuple[index];
    }
  }

  private Leaves() {}

  /**
   * Appends the searchable text of a subtree: member names ({@code name=}) and values.
   *
   * @param node the subtree
   * @param text where it goes
   */
  static void text(JNode node, StringBuilder text) {
    collect(node, null, null, text, true);
  }

  /**
   * @param node the subtree
   * @param path its normalised path; unused (may be null) when {@code out} is null
   * @param out where the scalars go, each in the column of its path, or null when only the text is
   *     wanted
   * @param text where keys (if {@code withKeys}) and values are appended
   * @param withKeys whether member names are part of the text
   */
  static void collect(JNode node, Path path, Columns out, StringBuilder text, boolean withKeys) {
    if (node instanceof JObject o) {
      Path[] members = out == null ? null : path.members(o.keys());
      for (int i = 0; i < o.keys().size(); i++) {
        if (withKeys) {
          text.append(o.keys().get(i)).append('=');
        }
        collect(o.values().get(i), out == null ? path : members[i], out, text, withKeys);
      }
    } else if (node instanceof JArray a) {
      // Short arrays of scalars are tuples ([timestamp, "value"]): position is part of the field.
      List<JNode> items = a.items();
      boolean tuple = items.size() <= 4;
      for (int i = 0; tuple && i < items.size(); i++) {
        tuple = !(items.get(i) instanceof JObject || items.get(i) instanceof JArray);
      }
      for (int i = 0; i < items.size(); i++) {
        collect(items.get(i), out == null ? path : path.item(tuple, i), out, text, withKeys);
      }
    } else if (node instanceof JString s) {
      text.append(s.value()).append(' ');
      if (out != null) {
        out.add(path, s.value(), true, parseNumber(s.value()));
      }
    } else if (node instanceof JNumber n) {
      text.append(n.text()).append(' ');
      if (out != null) {
        out.add(path, n.text(), false, parseNumber(n.text()));
      }
    } else {
      String t = ((JLiteral) node).text();
      text.append(t).append(' ');
      if (out != null) {
        out.add(path, t, false, Double.NaN);
      }
    }
  }

  /**
   * @param node a subtree
   * @return the length of its {@link #text}
   */
  static int textLength(JNode node) {
    return (int) (textLengthAndSize(node) >>> 32);
  }

  /**
   * The lengths of a subtree's {@link #text} and of its {@link JsonTrees#size} in one walk.
   *
   * @param node a subtree
   * @return the text's length in the high 32 bits, the size in the low 32 bits
   */
  static long textLengthAndSize(JNode node) {
    int text;
    int size;
    if (node instanceof JObject o) {
      text = 0;
      size = 2;
      for (int i = 0; i < o.keys().size(); i++) {
        long member = textLengthAndSize(o.values().get(i));
        int key = o.keys().get(i).length();
        text += key + 1 + (int) (member >>> 32);
        size += key + 4 + (int) member;
      }
    } else if (node instanceof JArray a) {
      text = 0;
      size = 2;
      for (JNode item : a.items()) {
        long lengths = textLengthAndSize(item);
        text += (int) (lengths >>> 32);
        size += (int) lengths + 1;
      }
    } else if (node instanceof JString s) {
      text = s.value().length() + 1;
      size = s.value().length() + 2;
    } else {
      int length =
          node instanceof JNumber n ? n.text().length() : ((JLiteral) node).text().length();
      text = length + 1;
      size = length;
    }
    return (long) text << 32 | (size & 0xFFFFFFFFL);
  }

  /**
   * Numbers and numeric strings ({@code "0.183"}, as Prometheus writes values) parse; others are
   * NaN.
   */
  static double parseNumber(String s) {
    return parseNumber(s, 0, s.length());
  }

  /**
   * {@link #parseNumber(String)} of {@code s.substring(from, to)}, without making it.
   *
   * @param s a text
   * @param from where the number starts
   * @param to where it ends
   * @return the number, NaN when it is not one
   */
  static double parseNumber(String s, int from, int to) {
    int n = to - from;
    if (n == 0 || n > 24) {
      return Double.NaN;
    }
    char c = s.charAt(from);
    if (!(Character.isDigit(c) || c == '-' || c == '.')) {
      return Double.NaN;
    }
    // The common forms first: a value from simpleDecimal is made of ASCII digits, '.' and '-' only,
    // so it passes the check below too.
    double fast = simpleDecimal(s, from, to);
    if (!Double.isNaN(fast)) {
      return fast;
    }
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (!(Character.isDigit(ch)
          || ch == '.'
          || ch == '-'
          || ch == '+'
          || ch == 'e'
          || ch == 'E')) {
        return Double.NaN;
      }
    }
    try {
      return Double.parseDouble(s.substring(from, to));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /**
   * {@code -?digits(.digits)?} with at most 15 digits in all, without {@link Double#parseDouble}:
   * the digits fit a double exactly and so does the power of ten, so one division is correctly
   * rounded, the same value parseDouble gives. NaN for any other form.
   */
  static double simpleDecimal(String s, int from, int to) {
    boolean negative = s.charAt(from) == '-';
    int i = negative ? from + 1 : from;
    long digits = 0;
    int count = 0;
    int fraction = -1; // digits after the point, -1 before it
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
        fraction += fraction >= 0 ? 1 : 0;
      } else if (c == '.' && fraction < 0 && count > 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    if (count == 0 || count > 15 || fraction == 0) {
      return Double.NaN;
    }
    double value = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
    return negative ? -value : value;
  }
}
