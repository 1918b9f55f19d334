package dev.headroom.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineStage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One call of an extension: what went in, what came out, how long it took.
 *
 * @param stage the stage the extension was called at
 * @param input the event passed in
 * @param output what the extension returned, with {@code null} read as {@code input}; the input
 *     when it threw
 * @param failure what it threw, if it threw
 * @param duration how long the call took
 */
@API(status = STABLE, since = "0.1")
public record ExtensionResult(
    PipelineStage stage,
    PipelineEvent input,
    PipelineEvent output,
    Optional<Throwable> failure,
    Duration duration) {

  /** Checks every component is present. */
  public ExtensionResult {
    Objects.requireNonNull(stage, "stage must not be null");
    Objects.requireNonNull(input, "input must not be null");
    Objects.requireNonNull(output, "output must not be null");
    Objects.requireNonNull(failure, "failure must not be null");
    Objects.requireNonNull(duration, "duration must not be null");
  }

  /**
   * @return {@code true} when the extension returned its input (or {@code null}) without throwing
   */
  public boolean unchanged() {
    return failure.isEmpty() && output == input;
  }
}
