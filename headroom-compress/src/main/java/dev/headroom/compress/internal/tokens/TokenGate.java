package dev.headroom.compress.internal.tokens;

import dev.headroom.compress.TokenCounter;
import java.util.Optional;

/**
 * The token-validation gate: a candidate passes only when it has fewer tokens than its original.
 *
 * <p>Counting is the slowest part of a compression (jtokkit's o200k_base runs at a few MB/s), so the
 * gate tries proofs before counts, cheapest first: the candidate's byte count below the original's
 * {@link TokenBounds#lower() lower bound}; then the candidate's exact count below that bound; only
 * then the exact count of the original. A candidate is never accepted on an estimate, so the
 * verdict is always the one exact counts would give; only the numbers reported with it may be
 * estimates (see {@link Verdict}).
 */
public final class TokenGate {

  private TokenGate() {}

  /**
   * Token counts to report with an accepted candidate; {@code compressed < original} always holds.
   *
   * @param original the original's exact count, or when it was not counted the larger of its lower
   *     bound and its estimate
   * @param compressed the candidate's exact count, or when it was not counted the smaller of its
   *     upper bound and its estimate
   * @param exact whether both numbers are exact counts
   */
  public record Verdict(int original, int compressed, boolean exact) {}

  /**
   * @param counter the model's tokenizer
   * @param original the text as received
   * @param candidate what a compressor made of it
   * @return the counts when the candidate has fewer tokens, empty when it has as many or more
   */
  public static Optional<Verdict> judge(TokenCounter counter, String original, String candidate) {
    double scale = TokenCounters.boundScale(counter);
    if (Double.isNaN(scale)) {
      return compare(counter.count(original), counter.count(candidate));
    }
    TokenBounds c = TokenBounds.of(candidate);
    int candidateAtMost = scaled(c.upper(), scale);
    // The original is read only until its lower bound proves it larger than the candidate can be.
    TokenBounds o = TokenBounds.of(original, (int) Math.floor(candidateAtMost / scale));
    int originalAtLeast = scaled(o.lower(), scale);
    int originalReported = Math.max(originalAtLeast, scaled(o.estimate(), scale));
    if (candidateAtMost < originalAtLeast) {
      return Optional.of(new Verdict(originalReported, Math.min(candidateAtMost, scaled(c.estimate(), scale)), false));
    }
    int candidateTokens = counter.count(candidate);
    if (candidateTokens < originalAtLeast) {
      return Optional.of(new Verdict(originalReported, candidateTokens, false));
    }
    return compare(counter.count(original), candidateTokens);
  }

  private static Optional<Verdict> compare(int original, int candidate) {
    return candidate < original ? Optional.of(new Verdict(original, candidate, true)) : Optional.empty();
  }

  /** A bound on the base encoding carried over to a scaled counter (which rounds its count up). */
  private static int scaled(int tokens, double scale) {
    return scale == 1.0 ? tokens : (int) Math.ceil(tokens * scale);
  }
}
