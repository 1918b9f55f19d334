package dev.headroom.compress.internal.tokens;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.TokenCounter;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The token-validation gate: a candidate passes only when it has fewer tokens than its original.
 *
 * <p>The candidate is counted exactly; the original is then read only until its {@link
 * TokenBounds#lower() lower bound} passes that count, and counted exactly only when it never does
 * (a candidate about as large as its original, or one of 90% of its length or more, where the bound
 * is not even tried). A candidate is never accepted on an estimate, so the verdict is always the
 * one exact counts would give; only the original's number reported with it may be an estimate (see
 * {@link Verdict}).
 *
 * <p>Counting the candidate first was faster than proving it smaller by its byte count alone in
 * every case measured, small candidates included: the original is then read only up to the
 * candidate's token count instead of its byte count (log, diff, search and JSON samples of 4 KB and
 * 100 KB: 25-60% less time in the gate; docs/dev/benchmarks-history.md, "Speed work 3").
 */
@API(status = INTERNAL, since = "0.1")
public final class TokenGate {

  private TokenGate() {}

  /**
   * Token counts to report with an accepted candidate; {@code compressed < original} always holds.
   *
   * @param original the original's exact count, or when it was not counted the larger of its lower
   *     bound and its estimate
   * @param compressed the candidate's exact count
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
    int candidateTokens = counter.count(candidate);
    if (Double.isNaN(scale) || candidate.length() * 10L >= original.length() * 9L) {
      // No bounds for this counter; or a result of 90% of the original's length or more (minified
      // JSON, trimmed white space), whose count the original's bound stays just short of: count
      // both.
      return compare(counter.count(original), candidateTokens);
    }
    // The original is read only until its lower bound proves it larger than the candidate.
    TokenBounds o = TokenBounds.of(original, (int) Math.floor(candidateTokens / scale));
    int originalAtLeast = scaled(o.lower(), scale);
    if (candidateTokens < originalAtLeast) {
      return Optional.of(
          new Verdict(
              Math.max(originalAtLeast, scaled(o.estimate(), scale)), candidateTokens, false));
    }
    return compare(counter.count(original), candidateTokens);
  }

  private static Optional<Verdict> compare(int original, int candidate) {
    return candidate < original
        ? Optional.of(new Verdict(original, candidate, true))
        : Optional.empty();
  }

  /** A bound on the base encoding carried over to a scaled counter (which rounds its count up). */
  private static int scaled(int tokens, double scale) {
    return scale == 1.0 ? tokens : (int) Math.ceil(tokens * scale);
  }
}
