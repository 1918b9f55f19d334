package dev.headroom.compress.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Ranks units of text (lines, rows) against a {@link Query}: each term is weighted by how rare it
 * is among the units, so a term found in most of them (a column name, "maxPoolSize") counts for
 * little and a rare one (an order id, an e-mail) decides.
 */
@API(status = INTERNAL, since = "0.1")
public final class Relevance {

  private Relevance() {}

  /**
   * @param query the query
   * @param units the texts to rank
   * @param max the most indices to return
   * @return indices of the best-matching units, best first; only units scoring at least half the
   *     best
   */
  public static List<Integer> top(Query query, List<String> units, int max) {
    return top(scores(query, units), max);
  }

  /**
   * @param scores one score per unit ({@link #scores})
   * @param max the most units returned
   * @return the units scoring at least half the best score, best first (ties by position); none
   *     when nothing scored
   */
  public static List<Integer> top(double[] scores, int max) {
    double best = 0;
    for (double s : scores) {
      best = Math.max(best, s);
    }
    List<Integer> out = new ArrayList<>();
    if (best <= 0) {
      return out;
    }
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= best * 0.5) {
        out.add(i);
      }
    }
    out.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> i));
    return out.size() > max ? new ArrayList<>(out.subList(0, max)) : out;
  }

  /**
   * @param query the query
   * @param units the texts to rank
   * @return one score per unit, 0 for no match
   */
  public static double[] scores(Query query, List<String> units) {
    int n = units.size();
    double[] scores = new double[n];
    if (query.isEmpty() || n == 0) {
      return scores;
    }
    List<Query.Term> terms = query.terms();
    boolean[][] hit = new boolean[terms.size()][n];
    for (int u = 0; u < n; u++) {
      for (int t = 0; t < terms.size(); t++) {
        hit[t][u] = terms.get(t).in(units.get(u));
      }
    }
    return weigh(terms, hit, n);
  }

  /**
   * {@link #scores(Query, List)} of the units {@code text.substring(from[u], to[u])}, the ranges
   * bounded as {@link TermIndex} requires.
   *
   * @param index the query's terms in the text
   * @param from each unit's start in the text
   * @param to each unit's end
   * @return one score per unit, 0 for no match
   */
  public static double[] scores(TermIndex index, int[] from, int[] to) {
    int n = from.length;
    List<Query.Term> terms = index.terms();
    if (terms.isEmpty() || n == 0) {
      return new double[n];
    }
    boolean[][] hit = new boolean[terms.size()][n];
    for (int t = 0; t < terms.size(); t++) {
      for (int u = 0; u < n; u++) {
        hit[t][u] = index.in(t, from[u], to[u]);
      }
    }
    return weigh(terms, hit, n);
  }

  /**
   * Each term found in a unit adds its weight: more for a strong term, more the fewer units hold
   * it.
   */
  private static double[] weigh(List<Query.Term> terms, boolean[][] hit, int n) {
    double[] scores = new double[n];
    for (int t = 0; t < terms.size(); t++) {
      int df = 0;
      for (boolean h : hit[t]) {
        df += h ? 1 : 0;
      }
      if (df == 0 || (n >= 4 && df > n / 2)) {
        continue; // matches (almost) everything: says nothing about which unit answers
      }
      double weight = (terms.get(t).strong() ? 3.0 : 1.0) * Math.log(1.0 + (double) n / df);
      for (int u = 0; u < n; u++) {
        if (hit[t][u]) {
          scores[u] += weight;
        }
      }
    }
    return scores;
  }
}
