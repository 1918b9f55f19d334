package dev.headroom.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import dev.headroom.testkit.internal.Registrations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * What every extension must honour, as JUnit 5 tests. Extend it and implement {@link
 * #createExtension()}:
 *
 * <pre>{@code
 * class AcmeRedactorContractTest extends PipelineExtensionContract {
 *   protected PipelineExtension createExtension() { return new AcmeRedactor(); }
 * }
 * }</pre>
 *
 * Each failure says what to fix. The time budget is {@link #timeBudget()}: a median of 1 ms per
 * event by default, widened with the system property {@code headroom.testkit.budget-micros}.
 */
@API(status = STABLE, since = "0.1")
public abstract class PipelineExtensionContract {

  private static final int THREADS = 4;
  private static final int CALLS_PER_THREAD = 50;

  /** For subclasses. */
  protected PipelineExtensionContract() {}

  /**
   * Creates the extension under test; called once per check, so state never leaks between checks.
   *
   * @return a new instance, as ServiceLoader would create it
   */
  protected abstract PipelineExtension createExtension();

  /**
   * The median time an extension may take per event.
   *
   * @return 1 ms unless {@code headroom.testkit.budget-micros} says otherwise
   */
  protected Duration timeBudget() {
    return Duration.ofNanos(1000L * Long.getLong("headroom.testkit.budget-micros", 1000L));
  }

  /**
   * The events every check runs on.
   *
   * @return {@link SampleEvents#all()} by default; add your own shapes to these
   */
  protected List<PipelineEvent> sampleEvents() {
    return SampleEvents.all();
  }

  /** The kit's own tests turn this off for sample extensions compiled into its test classes. */
  boolean checksRegistration() {
    return true;
  }

  @Test
  void idIsNonBlankAndStable() {
    PipelineExtension extension = createExtension();
    String id = extension.id();
    if (id == null || id.isBlank()) {
      throw new AssertionFailedError(
          "id() returned "
              + (id == null ? "null" : "a blank string")
              + "; return a stable, unique, non-blank id such as \"acme-redactor\"");
    }
    if (!id.equals(extension.id()) || !id.equals(createExtension().id())) {
      throw new AssertionFailedError(
          "id() of "
              + extension.getClass().getName()
              + " is not stable ('"
              + id
              + "' then '"
              + createExtension().id()
              + "'); return a constant");
    }
  }

  @Test
  void isRegisteredInModuleInfoAndMetaInfServices() {
    if (!checksRegistration()) {
      return;
    }
    List<String> problems = Registrations.problems(createExtension().getClass());
    if (!problems.isEmpty()) {
      throw new AssertionFailedError(
          "the proxy will not find this extension: " + String.join("; ", problems));
    }
  }

  @Test
  void neverThrowsOnAnyStageOrEvent() {
    PipelineExtension extension = createExtension();
    for (PipelineStage stage : PipelineStage.values()) {
      for (PipelineEvent event : sampleEvents()) {
        ExtensionResult result = HeadroomTestKit.call(extension, event.withStage(stage));
        result
            .failure()
            .ifPresent(
                failure -> {
                  throw new AssertionFailedError(
                      describe(failure, stage, event)
                          + "; an extension must pass events it cannot handle through unchanged,"
                          + " because the proxy drops whatever it did at that stage",
                      failure);
                });
      }
    }
  }

  @Test
  void neverMutatesItsInput() {
    PipelineExtension extension = createExtension();
    for (PipelineStage stage : HeadroomTestKit.subscribed(extension)) {
      for (PipelineEvent event : sampleEvents()) {
        PipelineEvent input = event.withStage(stage);
        PipelineEvent pristine =
            new PipelineEvent(
                input.stage(),
                input.operation(),
                input.requestId(),
                input.provider(),
                input.model(),
                copy(input.payload()),
                input.headers(),
                copy(input.response()),
                copy(input.metadata()));
        ExtensionResult result = HeadroomTestKit.call(extension, input);
        if (result.failure().filter(UnsupportedOperationException.class::isInstance).isPresent()) {
          throw new AssertionFailedError(
              "the extension tried to modify the event it was given at stage "
                  + stage.value()
                  + "; events are immutable: return a copy made with withPayload, withMessages, withHeader or withMetadata",
              result.failure().get());
        }
        if (!input.equals(pristine)) {
          throw new AssertionFailedError(
              "the extension changed its input event at stage "
                  + stage.value()
                  + "; return a copy instead");
        }
      }
    }
  }

  @Test
  void unsubscribedStagesPassThroughUnchanged() {
    PipelineExtension extension = createExtension();
    Set<PipelineStage> subscribed = HeadroomTestKit.subscribed(extension);
    for (PipelineStage stage : PipelineStage.values()) {
      if (subscribed.contains(stage)) {
        continue;
      }
      for (PipelineEvent event : sampleEvents()) {
        ExtensionResult result = HeadroomTestKit.call(extension, event.withStage(stage));
        if (!result.unchanged()) {
          throw new AssertionFailedError(
              "the extension does not subscribe to "
                  + stage.value()
                  + " but changed (or threw on) an event there;"
                  + " return the event unchanged for stages you do not handle (default -> event)");
        }
      }
    }
  }

  @Test
  void returnsEventsForTheStageItWasCalledAt() {
    PipelineExtension extension = createExtension();
    for (PipelineStage stage : HeadroomTestKit.subscribed(extension)) {
      for (PipelineEvent event : sampleEvents()) {
        ExtensionResult result = HeadroomTestKit.call(extension, event.withStage(stage));
        if (result.failure().isEmpty() && result.output().stage() != stage) {
          throw new AssertionFailedError(
              "called at "
                  + stage.value()
                  + ", the extension returned an event for "
                  + result.output().stage().value()
                  + "; the proxy ignores such events: keep the stage (use the with… copy methods of the event you were given)");
        }
      }
    }
  }

  @Test
  void isSafeUnderConcurrentCalls() throws Exception {
    PipelineExtension extension = createExtension();
    Set<PipelineStage> stages = HeadroomTestKit.subscribed(extension);
    if (stages.isEmpty()) {
      return;
    }
    PipelineStage stage = stages.iterator().next();
    PipelineEvent base = SampleEvents.chat().withStage(stage);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> outcomes = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    PipelineEvent input =
                        new PipelineEvent(
                            stage,
                            base.operation(),
                            "hr_t" + thread + "_" + i,
                            base.provider(),
                            base.model(),
                            base.payload(),
                            base.headers(),
                            base.response(),
                            base.metadata());
                    ExtensionResult result = HeadroomTestKit.call(extension, input);
                    if (result.failure().isPresent()) {
                      return "threw "
                          + result.failure().get()
                          + " when called from "
                          + THREADS
                          + " threads at once";
                    }
                    if (!result.output().requestId().equals(input.requestId())) {
                      return "returned the event of request "
                          + result.output().requestId()
                          + " for request "
                          + input.requestId()
                          + " when called from "
                          + THREADS
                          + " threads at once";
                    }
                  }
                  return "";
                }));
      }
      start.countDown();
      for (Future<String> outcome : outcomes) {
        String problem = outcome.get(60, TimeUnit.SECONDS);
        if (!problem.isEmpty()) {
          throw new AssertionFailedError(
              "the extension is not thread-safe: it "
                  + problem
                  + "; one instance serves every request concurrently, so keep per-request state in local variables, not fields");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void returnsWithinTheTimeBudget() {
    PipelineExtension extension = createExtension();
    Set<PipelineStage> stages = HeadroomTestKit.subscribed(extension);
    if (stages.isEmpty()) {
      return;
    }
    PipelineStage stage =
        stages.contains(PipelineStage.INPUT_RECEIVED)
            ? PipelineStage.INPUT_RECEIVED
            : stages.iterator().next();
    HeadroomTestKit.Builder run =
        HeadroomTestKit.extension(extension).stage(stage).event(SampleEvents.chat());
    run.repeat(50).execute();
    run.repeat(201).execute().assertMedianWithin(timeBudget());
  }

  @Test
  void worksWithoutSeeingBypassedRequests() {
    PipelineEvent normal = SampleEvents.chat();
    PipelineEvent bypassed =
        PipelineEvent.builder(PipelineStage.POST_SEND, "proxy.request")
            .requestId("hr_bypassed")
            .provider("openai")
            .build();

    List<PipelineEvent> expected = runLifecycle(createExtension(), normal);

    PipelineExtension extension = createExtension();
    for (PipelineStage stage :
        EnumSet.of(PipelineStage.POST_SEND, PipelineStage.RESPONSE_RECEIVED)) {
      if (HeadroomTestKit.subscribed(extension).contains(stage)) {
        HeadroomTestKit.call(extension, bypassed.withStage(stage))
            .failure()
            .ifPresent(
                failure -> {
                  throw new AssertionFailedError(
                      "the extension threw at "
                          + stage.value()
                          + " for a bypassed request, whose payload stages it never saw;"
                          + " do not rely on seeing every request's earlier stages",
                      failure);
                });
      }
    }
    List<PipelineEvent> actual = runLifecycle(extension, normal);
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).payload().equals(actual.get(i).payload())
          || !expected.get(i).headers().equals(actual.get(i).headers())) {
        throw new AssertionFailedError(
            "after a bypassed request the extension changed the next request differently at "
                + expected.get(i).stage().value()
                + "; a bypassed request's payload stages never reach an extension,"
                + " so do not carry state from one request to the next");
      }
    }
  }

  private static List<PipelineEvent> runLifecycle(
      PipelineExtension extension, PipelineEvent event) {
    List<PipelineEvent> outputs = new ArrayList<>();
    for (PipelineStage stage : PipelineStage.values()) {
      if (stage.compareTo(PipelineStage.INPUT_RECEIVED) >= 0
          && HeadroomTestKit.subscribed(extension).contains(stage)) {
        outputs.add(HeadroomTestKit.call(extension, event.withStage(stage)).output());
      }
    }
    return outputs;
  }

  private static String describe(Throwable failure, PipelineStage stage, PipelineEvent event) {
    String shape =
        event.payload().isEmpty()
            ? "an empty payload"
            : "a "
                + (event.provider().isEmpty() ? "" : event.provider() + " ")
                + "payload of "
                + event.messages().size()
                + " messages";
    return "the extension threw " + failure + " at stage " + stage.value() + " on " + shape;
  }

  private static Map<String, Object> copy(Map<String, Object> frozen) {
    return new LinkedHashMap<>(frozen);
  }
}
