package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one call to {@link Compressor#compress(String, CompressContext)} knows about its caller.
 *
 * @param query the user's latest question; rows and lines that match it are kept ({@code ""} if
 *     none)
 * @param model the model the text is for; it chooses the {@link TokenCounter}
 * @param targetTokens the token budget for one compressed block: lossless forms within it are kept
 *     as they are, larger ones are reduced towards it (a soft target: errors and query matches are
 *     kept even past it)
 * @param timeBudget past this much wall time the original is returned unchanged (checked when the
 *     compressor returns, before tokens are counted; a running compressor is not interrupted)
 * @param scope who owns the originals dropped from this text (see {@link CcrStore})
 * @param protectedTools tools whose outputs this request's live-zone rewrite must leave alone, on
 *     top of those of its {@link LiveZoneOptions} (a single compressor call ignores it)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CompressContext(
    String query,
    String model,
    int targetTokens,
    Duration timeBudget,
    String scope,
    ProtectedTools protectedTools) {

  /** The model assumed when none is given. */
  public static final String DEFAULT_MODEL = "gpt-4o";

  /** The scope of callers that do not say who they are. */
  public static final String ANONYMOUS_SCOPE = "anonymous";

  private static final CompressContext DEFAULTS =
      new CompressContext(
          "", DEFAULT_MODEL, 2_000, Duration.ofSeconds(2), ANONYMOUS_SCOPE, ProtectedTools.none());

  /** Checks the components. */
  public CompressContext {
    Objects.requireNonNull(query, "query must not be null");
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(timeBudget, "timeBudget must not be null");
    Objects.requireNonNull(scope, "scope must not be null");
    Objects.requireNonNull(protectedTools, "protectedTools must not be null");
    if (targetTokens < 1) {
      throw new IllegalArgumentException("targetTokens must be positive: " + targetTokens);
    }
    if (timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("timeBudget must be positive: " + timeBudget);
    }
  }

  /**
   * A context that protects no tool beyond the rewriter's own.
   *
   * @param query the user's question
   * @param model the model
   * @param targetTokens the token budget of one block
   * @param timeBudget the time budget of one block
   * @param scope who owns the originals
   */
  public CompressContext(
      String query, String model, int targetTokens, Duration timeBudget, String scope) {
    this(query, model, targetTokens, timeBudget, scope, ProtectedTools.none());
  }

  /**
   * @return no query, {@value #DEFAULT_MODEL}, 2,000 target tokens, 2 s, the anonymous scope
   */
  public static CompressContext defaults() {
    return DEFAULTS;
  }

  /**
   * @param query the user's question
   * @return the defaults with that query
   */
  public static CompressContext ofQuery(String query) {
    return DEFAULTS.withQuery(query);
  }

  /**
   * @param value the user's question
   * @return a copy with that query
   */
  public CompressContext withQuery(String value) {
    return new CompressContext(value, model, targetTokens, timeBudget, scope, protectedTools);
  }

  /**
   * @param value the model name
   * @return a copy with that model
   */
  public CompressContext withModel(String value) {
    return new CompressContext(query, value, targetTokens, timeBudget, scope, protectedTools);
  }

  /**
   * @param value the token budget
   * @return a copy with that budget
   */
  public CompressContext withTargetTokens(int value) {
    return new CompressContext(query, model, value, timeBudget, scope, protectedTools);
  }

  /**
   * @param value the time budget
   * @return a copy with that time budget
   */
  public CompressContext withTimeBudget(Duration value) {
    return new CompressContext(query, model, targetTokens, value, scope, protectedTools);
  }

  /**
   * @param value the owner scope
   * @return a copy with that scope
   */
  public CompressContext withScope(String value) {
    return new CompressContext(query, model, targetTokens, timeBudget, value, protectedTools);
  }

  /**
   * @param value tools whose outputs this request must leave alone
   * @return a copy with those tools
   */
  public CompressContext withProtectedTools(ProtectedTools value) {
    return new CompressContext(query, model, targetTokens, timeBudget, scope, value);
  }
}
