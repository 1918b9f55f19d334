package dev.headroom.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one extension on chosen events at chosen stages and returns what happened, for assertions:
 *
 * <pre>{@code
 * HeadroomTestKit.extension("acme-redactor")
 *     .stage(PipelineStage.INPUT_RECEIVED)
 *     .event(SampleEvents.chat())
 *     .execute()
 *     .assertChanged();
 * }</pre>
 *
 * Unlike the proxy, the kit does not swallow an extension's exception: it records it, so a test can
 * see it.
 */
@API(status = STABLE, since = "0.1")
public final class HeadroomTestKit {

  private HeadroomTestKit() {}

  /**
   * Selects the extension with this id among those {@link ServiceLoader} finds, as the proxy would.
   *
   * @param id the extension id
   * @return a builder for the run
   * @throws AssertionFailedError when no provider, or more than one, has that id
   */
  public static Builder extension(String id) {
    Objects.requireNonNull(id, "id must not be null");
    List<PipelineExtension> found = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (PipelineExtension extension : ServiceLoader.load(PipelineExtension.class)) {
      seen.add(extension.id());
      if (id.equals(extension.id())) {
        found.add(extension);
      }
    }
    if (found.isEmpty()) {
      throw new AssertionFailedError(
          "no extension with id '"
              + id
              + "' was found by ServiceLoader (found "
              + seen
              + "); register it with "
              + "'provides dev.headroom.api.PipelineExtension with …' in module-info.java and in META-INF/services/dev.headroom.api.PipelineExtension");
    }
    if (found.size() > 1) {
      throw new AssertionFailedError(
          "two extensions have the id '"
              + id
              + "': "
              + found.stream()
                  .map(extension -> extension.getClass().getName())
                  .collect(Collectors.joining(" and "))
              + "; every extension needs a unique id");
    }
    return new Builder(found.get(0));
  }

  /**
   * Uses an instance the test made.
   *
   * @param extension the extension
   * @return a builder for the run
   */
  public static Builder extension(PipelineExtension extension) {
    return new Builder(Objects.requireNonNull(extension, "extension must not be null"));
  }

  /** Chooses stages and events, then executes. */
  @API(status = STABLE, since = "0.1")
  public static final class Builder {
    private final PipelineExtension extension;
    private final Set<PipelineStage> stages = EnumSet.noneOf(PipelineStage.class);
    private final List<PipelineEvent> events = new ArrayList<>();
    private int repetitions = 1;

    private Builder(PipelineExtension extension) {
      this.extension = extension;
    }

    /**
     * Adds stages to run at; without any, the kit runs at every stage the extension subscribes to.
     *
     * @param selected the stages
     * @return this builder
     */
    public Builder stage(PipelineStage... selected) {
      stages.addAll(List.of(selected));
      return this;
    }

    /**
     * Adds events; without any, the kit uses {@link SampleEvents#chat()}.
     *
     * @param selected the events; each is re-tagged with the stage it runs at
     * @return this builder
     */
    public Builder event(PipelineEvent... selected) {
      events.addAll(List.of(selected));
      return this;
    }

    /**
     * Runs every (stage, event) pair this many times, for timing.
     *
     * @param times at least 1
     * @return this builder
     */
    public Builder repeat(int times) {
      if (times < 1) {
        throw new IllegalArgumentException("times must be at least 1, got " + times);
      }
      this.repetitions = times;
      return this;
    }

    /**
     * @return the extension this run calls
     */
    public PipelineExtension extension() {
      return extension;
    }

    /**
     * Calls the extension for each selected stage and event.
     *
     * @return the results, in call order
     */
    public ExtensionResults execute() {
      Set<PipelineStage> runStages =
          stages.isEmpty() ? EnumSet.copyOf(subscribed(extension)) : stages;
      List<PipelineEvent> runEvents = events.isEmpty() ? List.of(SampleEvents.chat()) : events;
      List<ExtensionResult> results = new ArrayList<>();
      for (int i = 0; i < repetitions; i++) {
        for (PipelineStage stage : runStages) {
          for (PipelineEvent event : runEvents) {
            results.add(call(extension, event.withStage(stage)));
          }
        }
      }
      return new ExtensionResults(extension.id(), results);
    }
  }

  static Set<PipelineStage> subscribed(PipelineExtension extension) {
    Set<PipelineStage> stages = extension.stages();
    return stages == null || stages.isEmpty() ? EnumSet.noneOf(PipelineStage.class) : stages;
  }

  /** One call, timed, with the failure recorded rather than thrown. */
  static ExtensionResult call(PipelineExtension extension, PipelineEvent input) {
    long start = System.nanoTime();
    try {
      PipelineEvent output = extension.onEvent(input);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      return new ExtensionResult(
          input.stage(), input, output == null ? input : output, Optional.empty(), took);
    } catch (Exception | LinkageError | AssertionError | StackOverflowError failure) {
      return new ExtensionResult(
          input.stage(),
          input,
          input,
          Optional.of(failure),
          Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
