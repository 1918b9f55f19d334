package dev.headroom.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.headroom.api.PipelineExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The kit tested with itself: the contract passes a well-behaved extension and fails each broken
 * sample with a message that says what to fix.
 */
class ContractCatchesBrokenExtensionsTest {

  /** The behaving sample; registration is checked by the archetype's generated project instead. */
  static class BehavingContract extends PipelineExtensionContract {
    @Override
    protected PipelineExtension createExtension() {
      return new SampleExtensions.RequestTagger();
    }

    @Override
    boolean checksRegistration() {
      return false;
    }
  }

  static class ThrowingContract extends PipelineExtensionContract {
    @Override
    protected PipelineExtension createExtension() {
      return new SampleExtensions.Throwing();
    }
  }

  static class MutatingContract extends PipelineExtensionContract {
    @Override
    protected PipelineExtension createExtension() {
      return new SampleExtensions.MutatesInput();
    }
  }

  static class SlowContract extends PipelineExtensionContract {
    @Override
    protected PipelineExtension createExtension() {
      return new SampleExtensions.Slow();
    }
  }

  static class NotRegisteredContract extends PipelineExtensionContract {
    @Override
    protected PipelineExtension createExtension() {
      return new SampleExtensions.NotRegistered();
    }
  }

  static class NotThreadSafeContract extends PipelineExtensionContract {
    @Override
    protected PipelineExtension createExtension() {
      return new SampleExtensions.NotThreadSafe();
    }
  }

  private static Events run(Class<? extends PipelineExtensionContract> contract, String method) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(contract, method))
        .execute()
        .testEvents();
  }

  private static String failureOf(
      Class<? extends PipelineExtensionContract> contract, String method) {
    Events events = run(contract, method);
    List<Event> failed = events.failed().list();
    assertEquals(
        1,
        failed.size(),
        () -> contract.getSimpleName() + "." + method + " should fail but: " + events.list());
    return failed
        .get(0)
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .map(Throwable::getMessage)
        .orElse("");
  }

  @Test
  void aBehavingExtensionPassesEveryCheck() {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(DiscoverySelectors.selectClass(BehavingContract.class))
            .execute()
            .testEvents();

    assertEquals(
        List.of(),
        events.failed().list().stream().map(Event::toString).collect(Collectors.toList()));
    assertEquals(9, events.succeeded().count());
  }

  @Test
  void aThrowingExtensionIsToldToPassEventsThrough() {
    String message = failureOf(ThrowingContract.class, "neverThrowsOnAnyStageOrEvent");

    assertTrue(
        message.contains("threw java.lang.IllegalStateException: not configured at stage setup"),
        message);
    assertTrue(message.contains("must pass events it cannot handle through unchanged"), message);
  }

  @Test
  void anExtensionMutatingItsInputIsToldToReturnACopy() {
    String message = failureOf(MutatingContract.class, "neverMutatesItsInput");

    assertTrue(message.contains("tried to modify the event it was given"), message);
    assertTrue(message.contains("return a copy made with withPayload"), message);
  }

  @Test
  void aSlowExtensionIsToldItsMedianAndTheBudget() {
    String message = failureOf(SlowContract.class, "returnsWithinTheTimeBudget");

    assertTrue(
        message.matches("(?s).*took \\d+ µs per event \\(median\\), over the budget of 1000 µs.*"),
        message);
  }

  @Test
  void anUnregisteredExtensionIsToldBothRegistrationsItLacks() {
    String message =
        failureOf(NotRegisteredContract.class, "isRegisteredInModuleInfoAndMetaInfServices");

    assertTrue(
        message.contains(
            "provides dev.headroom.api.PipelineExtension with dev.headroom.testkit.SampleExtensions$NotRegistered"),
        message);
    assertTrue(
        message.contains("META-INF/services/dev.headroom.api.PipelineExtension does not list"),
        message);
  }

  @Test
  void aThreadUnsafeExtensionIsToldToKeepStateInLocals() {
    String message = failureOf(NotThreadSafeContract.class, "isSafeUnderConcurrentCalls");

    assertTrue(message.contains("is not thread-safe: it returned the event of request"), message);
    assertTrue(message.contains("keep per-request state in local variables"), message);
  }
}
