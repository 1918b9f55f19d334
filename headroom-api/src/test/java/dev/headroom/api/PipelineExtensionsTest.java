package dev.headroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PipelineExtensionsTest {

  private static final PipelineEvent EVENT =
      PipelineEvent.builder(PipelineStage.INPUT_RECEIVED, "proxy.request")
          .requestId("hr_1")
          .build();

  /** A test extension: an id, an order, stages, and what it does. */
  private record Sample(
      String id, int order, Set<PipelineStage> stages, UnaryOperator<PipelineEvent> action)
      implements PipelineExtension {

    static Sample of(String id, UnaryOperator<PipelineEvent> action) {
      return new Sample(id, 0, EnumSet.allOf(PipelineStage.class), action);
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      return action.apply(event);
    }
  }

  private static UnaryOperator<PipelineEvent> appendTrail(String mark) {
    return event -> event.withMetadata("trail", event.metadata().getOrDefault("trail", "") + mark);
  }

  @Test
  void extensionsRunByOrderThenId() {
    PipelineExtensions extensions =
        PipelineExtensions.of(
            new Sample("zeta", 0, EnumSet.allOf(PipelineStage.class), appendTrail("z")),
            new Sample("alpha", 0, EnumSet.allOf(PipelineStage.class), appendTrail("a")),
            new Sample("late", 10, EnumSet.allOf(PipelineStage.class), appendTrail("L")),
            new Sample("early", -5, EnumSet.allOf(PipelineStage.class), appendTrail("E")));

    PipelineEvent result = extensions.emit(PipelineStage.INPUT_RECEIVED, EVENT);

    assertEquals("EazL", result.metadata().get("trail"));
    assertEquals(
        List.of("early", "alpha", "zeta", "late"),
        extensions.extensions().stream().map(PipelineExtension::id).collect(Collectors.toList()));
  }

  @Test
  void aThrowingExtensionLeavesTheEventUnchangedAndTheNextStillRuns() {
    PipelineExtensions extensions =
        PipelineExtensions.of(
            new Sample("a-first", 0, EnumSet.allOf(PipelineStage.class), appendTrail("1")),
            Sample.of(
                "b-broken",
                event -> {
                  throw new IllegalStateException("boom");
                }),
            new Sample("c-last", 0, EnumSet.allOf(PipelineStage.class), appendTrail("3")));

    PipelineEvent result = extensions.emit(PipelineStage.INPUT_RECEIVED, EVENT);

    assertEquals("13", result.metadata().get("trail"));
    assertEquals(1, extensions.failureCount("b-broken", PipelineStage.INPUT_RECEIVED));
    assertEquals(0, extensions.failureCount("b-broken", PipelineStage.PRE_SEND));
    assertEquals(Map.of("a-first", 0L, "b-broken", 1L, "c-last", 0L), extensions.failureCounts());
  }

  @Test
  void anExtensionThrowingOnEveryStageChangesNothingAnywhere() {
    PipelineExtensions extensions =
        PipelineExtensions.of(
            Sample.of(
                "always-throws",
                event -> {
                  throw new AssertionError("broken on purpose");
                }));

    for (PipelineStage stage : PipelineStage.values()) {
      PipelineEvent input = EVENT.withStage(stage);
      assertSame(input, extensions.emit(stage, input));
    }
    assertEquals(
        Map.of("always-throws", (long) PipelineStage.values().length), extensions.failureCounts());
  }

  @Test
  void aNullReturnMeansUnchanged() {
    PipelineExtensions extensions = PipelineExtensions.of(Sample.of("returns-null", event -> null));

    assertSame(EVENT, extensions.emit(PipelineStage.INPUT_RECEIVED, EVENT));
    assertEquals(0, extensions.failureCount("returns-null", PipelineStage.INPUT_RECEIVED));
  }

  @Test
  void anEventReturnedForAnotherStageIsIgnoredAndCounted() {
    PipelineExtensions extensions =
        PipelineExtensions.of(
            Sample.of("stage-changer", event -> event.withStage(PipelineStage.PRE_SEND)));

    assertSame(EVENT, extensions.emit(PipelineStage.INPUT_RECEIVED, EVENT));
    assertEquals(1, extensions.failureCount("stage-changer", PipelineStage.INPUT_RECEIVED));
  }

  @Test
  void onlySubscribedExtensionsAreCalled() {
    List<PipelineStage> seen = Collections.synchronizedList(new ArrayList<>());
    PipelineExtensions extensions =
        PipelineExtensions.of(
            new Sample(
                "pre-send-only",
                0,
                EnumSet.of(PipelineStage.PRE_SEND),
                event -> {
                  seen.add(event.stage());
                  return event;
                }));

    for (PipelineStage stage : PipelineStage.values()) {
      extensions.emit(stage, EVENT);
    }

    assertEquals(List.of(PipelineStage.PRE_SEND), seen);
    assertTrue(extensions.wants(PipelineStage.PRE_SEND));
    assertFalse(extensions.wants(PipelineStage.INPUT_RECEIVED));
    assertFalse(PipelineExtensions.none().wants(PipelineStage.PRE_SEND));
  }

  @Test
  void emitTagsTheEventWithTheStage() {
    PipelineExtensions extensions =
        PipelineExtensions.of(
            Sample.of("recorder", event -> event.withMetadata("seen", event.stage().value())));

    PipelineEvent result = extensions.emit(PipelineStage.PRE_SEND, EVENT);

    assertEquals(PipelineStage.PRE_SEND, result.stage());
    assertEquals("pre_send", result.metadata().get("seen"));
  }

  @Test
  void duplicateIdsAreRejectedWithTheIdNamed() {
    ExtensionConfigurationException failure =
        assertThrows(
            ExtensionConfigurationException.class,
            () ->
                PipelineExtensions.of(
                    Sample.of("acme-redactor", UnaryOperator.identity()),
                    Sample.of("acme-redactor", UnaryOperator.identity())));

    assertTrue(failure.getMessage().contains("'acme-redactor'"), failure.getMessage());
  }

  @Test
  void excludedIdsAreLeftOutSoDuplicatesCanBeResolved() {
    PipelineExtensions extensions =
        PipelineExtensions.builder()
            .add(Sample.of("kept", UnaryOperator.identity()))
            .add(Sample.of("dropped", UnaryOperator.identity()))
            .exclude("dropped")
            .build();

    assertEquals(
        List.of("kept"),
        extensions.extensions().stream().map(PipelineExtension::id).collect(Collectors.toList()));
  }

  @Test
  void blankIdsAreRejected() {
    ExtensionConfigurationException failure =
        assertThrows(
            ExtensionConfigurationException.class,
            () -> PipelineExtensions.of(Sample.of("  ", UnaryOperator.identity())));

    assertTrue(failure.getMessage().contains("id() must be non-blank"), failure.getMessage());
  }

  @Test
  void noExtensionsIsCheapAndChangesNothing() {
    PipelineExtensions extensions = PipelineExtensions.of();

    assertSame(PipelineExtensions.none(), extensions);
    assertSame(EVENT, extensions.emit(PipelineStage.INPUT_RECEIVED, EVENT));
    for (PipelineStage stage : PipelineStage.values()) {
      assertFalse(extensions.wants(stage));
    }
  }

  @Test
  void emitIsSafeFromManyThreadsAndCountsEveryFailure() throws InterruptedException {
    PipelineExtensions extensions =
        PipelineExtensions.of(
            Sample.of(
                "flaky",
                event -> {
                  throw new IllegalStateException("always");
                }));
    int threads = 4;
    int calls = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            try {
              start.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            for (int i = 0; i < calls; i++) {
              extensions.emit(PipelineStage.PRE_SEND, EVENT);
            }
          });
    }
    start.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

    assertEquals(threads * calls, extensions.failureCount("flaky", PipelineStage.PRE_SEND));
  }
}
