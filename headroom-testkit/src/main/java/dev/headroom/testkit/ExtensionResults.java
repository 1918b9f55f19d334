package dev.headroom.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * The results of {@link HeadroomTestKit.Builder#execute()}, with assertions that fail with JUnit's
 * {@link AssertionFailedError} and say what to fix.
 */
@API(status = STABLE, since = "0.1")
public final class ExtensionResults {

  private final String extensionId;
  private final List<ExtensionResult> results;

  ExtensionResults(String extensionId, List<ExtensionResult> results) {
    this.extensionId = extensionId;
    this.results = List.copyOf(results);
  }

  /**
   * @return every call, in the order made
   */
  public List<ExtensionResult> all() {
    return results;
  }

  /**
   * @return the only call made; fails when there was not exactly one
   */
  public ExtensionResult single() {
    if (results.size() != 1) {
      throw new AssertionFailedError(
          "expected exactly one call of '"
              + extensionId
              + "' but there were "
              + results.size()
              + "; select one stage and one event");
    }
    return results.get(0);
  }

  /**
   * Asserts no call threw.
   *
   * @return these results
   */
  public ExtensionResults assertNoFailures() {
    for (ExtensionResult result : results) {
      result
          .failure()
          .ifPresent(
              failure -> {
                throw new AssertionFailedError(
                    "extension '"
                        + extensionId
                        + "' threw "
                        + failure
                        + " at stage "
                        + result.stage().value()
                        + "; an extension must pass events it cannot handle through unchanged",
                    failure);
              });
    }
    return this;
  }

  /**
   * Asserts every call returned its input (or {@code null}) and nothing threw.
   *
   * @return these results
   */
  public ExtensionResults assertUnchanged() {
    assertNoFailures();
    for (ExtensionResult result : results) {
      if (result.output() != result.input()) {
        throw new AssertionFailedError(
            "extension '"
                + extensionId
                + "' changed the event at stage "
                + result.stage().value()
                + "; to change nothing, return the event it was given (or null)",
            result.input(),
            result.output());
      }
    }
    return this;
  }

  /**
   * Asserts every call returned a changed event and nothing threw.
   *
   * @return these results
   */
  public ExtensionResults assertChanged() {
    assertNoFailures();
    for (ExtensionResult result : results) {
      if (result.output().equals(result.input())) {
        throw new AssertionFailedError(
            "extension '"
                + extensionId
                + "' did not change the event at stage "
                + result.stage().value());
      }
    }
    return this;
  }

  /**
   * Asserts the payload every call returned equals the expected one.
   *
   * @param expected the expected payload, as plain Java JSON values
   * @return these results
   */
  public ExtensionResults assertPayload(Map<String, ?> expected) {
    assertNoFailures();
    for (ExtensionResult result : results) {
      if (!result.output().payload().equals(expected)) {
        throw new AssertionFailedError(
            "payload returned by '"
                + extensionId
                + "' at stage "
                + result.stage().value()
                + " differs",
            expected,
            result.output().payload());
      }
    }
    return this;
  }

  /**
   * Runs assertions of the caller's on the payload every call returned.
   *
   * @param check for example {@code payload -> assertEquals("gpt-4o", payload.get("model"))}
   * @return these results
   */
  public ExtensionResults assertPayload(Consumer<Map<String, Object>> check) {
    assertNoFailures();
    results.forEach(result -> check.accept(result.output().payload()));
    return this;
  }

  /**
   * Asserts at least one call threw an exception of a type.
   *
   * @param type the expected type
   * @return these results
   */
  public ExtensionResults assertFailed(Class<? extends Throwable> type) {
    boolean failed =
        results.stream().anyMatch(result -> result.failure().filter(type::isInstance).isPresent());
    if (!failed) {
      throw new AssertionFailedError(
          "expected '" + extensionId + "' to throw " + type.getName() + " but it did not");
    }
    return this;
  }

  /**
   * @return the median duration of the calls
   */
  public Duration median() {
    List<Duration> sorted =
        results.stream().map(ExtensionResult::duration).sorted().collect(Collectors.toList());
    return sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() / 2);
  }

  /**
   * Asserts the median call took no longer than a budget.
   *
   * @param budget the budget
   * @return these results
   */
  public ExtensionResults assertMedianWithin(Duration budget) {
    Duration median = median();
    if (median.compareTo(budget) > 0) {
      throw new AssertionFailedError(
          "extension '"
              + extensionId
              + "' took "
              + micros(median)
              + " µs per event (median), over the budget of "
              + micros(budget)
              + " µs; it runs on every request: move slow work out of onEvent (precompile patterns, cache, do I/O elsewhere)");
    }
    return this;
  }

  private static long micros(Duration duration) {
    return duration.toNanos() / 1000;
  }
}
