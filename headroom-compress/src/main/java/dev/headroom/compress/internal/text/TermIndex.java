package dev.headroom.compress.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Where each of a query's terms occurs in one text, so that whether a term is in any range of that
 * text is a binary search, not a search of a copy of the range. Made for units that are nested
 * ranges of one text (a JSON object's members, then their members): each unit would otherwise be
 * copied and lower-cased once per level it is ranked at.
 *
 * <p>A weak term is looked for in the whole text lower-cased once. A range of that lower-cased text
 * is the range lower-cased whenever lower-casing keeps every character's place (no character
 * becomes two, as U+0130 does; when one does, ranges are lower-cased one by one instead) and the
 * range is bounded by characters that are neither cased nor case-ignorable, so that the final-sigma
 * rule sees the same context: the callers' ranges start at the text's start or after a space or
 * {@code =}, and end with one.
 */
@API(status = INTERNAL, since = "0.1")
public final class TermIndex {

  private final String text;
  private final List<Query.Term> terms;

  /** Per term, its start positions in the text (weak: in the lower-cased text), ascending. */
  private final int[][] starts;

  /** Whether lower-casing the text moved characters: weak terms are then checked range by range. */
  private final boolean lowerShifts;

  /**
   * @param query the query
   * @param text the text every range will be of
   */
  public TermIndex(Query query, String text) {
    this.text = text;
    this.terms = query.terms();
    this.starts = new int[terms.size()][];
    String lower = null;
    boolean shifts = false;
    for (int t = 0; t < terms.size(); t++) {
      Query.Term term = terms.get(t);
      if (term.strong()) {
        starts[t] = occurrences(text, term.text());
      } else if (!term.mayBeIn(text)) {
        starts[t] = new int[0]; // then it is in no range either
      } else {
        if (lower == null) {
          lower = text.toLowerCase(Locale.ROOT);
          shifts = lower.length() != text.length();
        }
        starts[t] = shifts ? new int[0] : occurrences(lower, term.lower());
      }
    }
    this.lowerShifts = shifts;
  }

  private static int[] occurrences(String in, String what) {
    int[] out = new int[4];
    int n = 0;
    for (int p = in.indexOf(what); p >= 0; p = in.indexOf(what, p + 1)) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = p;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * @return the query's terms, in the order of {@link #in}
   */
  List<Query.Term> terms() {
    return terms;
  }

  /**
   * {@code terms().get(t).in(text.substring(from, to))}.
   *
   * @param t the term's index
   * @param from the range's start
   * @param to the range's end
   * @return whether the term occurs within the range
   */
  boolean in(int t, int from, int to) {
    Query.Term term = terms.get(t);
    if (!term.strong() && lowerShifts) {
      return term.in(text.substring(from, to));
    }
    int[] at = starts[t];
    int k = Arrays.binarySearch(at, from);
    if (k < 0) {
      k = -k - 1; // the first occurrence after from
    }
    int length = term.strong() ? term.text().length() : term.lower().length();
    return k < at.length && at[k] + length <= to;
  }
}
