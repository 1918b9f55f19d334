package dev.headroom.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineStage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class HeadroomTestKitTest {

  @Test
  void findsAnExtensionByIdAsTheProxyWould() {
    ExtensionResults results = HeadroomTestKit.extension("request-tagger").execute();

    results.assertChanged();
    assertEquals("search", results.single().output().headers().get("x-cost-center"));
    assertEquals(PipelineStage.INPUT_RECEIVED, results.single().stage());
  }

  @Test
  void anUnknownIdFailsNamingWhatWasFound() {
    AssertionFailedError failure =
        assertThrows(AssertionFailedError.class, () -> HeadroomTestKit.extension("nope"));

    assertTrue(failure.getMessage().contains("no extension with id 'nope'"), failure.getMessage());
    assertTrue(failure.getMessage().contains("request-tagger"), failure.getMessage());
  }

  @Test
  void aDuplicateIdFailsNamingBothClasses() {
    AssertionFailedError failure =
        assertThrows(AssertionFailedError.class, () -> HeadroomTestKit.extension("duplicate-id"));

    assertTrue(
        failure.getMessage().contains("two extensions have the id 'duplicate-id'"),
        failure.getMessage());
    assertTrue(
        failure.getMessage().contains("DuplicateIdOne")
            && failure.getMessage().contains("DuplicateIdTwo"),
        failure.getMessage());
  }

  @Test
  void unsubscribedStagesAndUnchangedEventsAreReportedAsUnchanged() {
    HeadroomTestKit.extension(new SampleExtensions.RequestTagger())
        .stage(PipelineStage.PRE_SEND)
        .event(SampleEvents.anthropic(), SampleEvents.responses())
        .execute()
        .assertUnchanged();
  }

  @Test
  void assertUnchangedFailsWhenTheEventChanged() {
    ExtensionResults results =
        HeadroomTestKit.extension(new SampleExtensions.RequestTagger())
            .stage(PipelineStage.INPUT_RECEIVED)
            .execute();

    AssertionFailedError failure =
        assertThrows(AssertionFailedError.class, results::assertUnchanged);
    assertTrue(
        failure.getMessage().contains("changed the event at stage input_received"),
        failure.getMessage());
  }

  @Test
  void failuresAreRecordedNotThrown() {
    ExtensionResults results =
        HeadroomTestKit.extension(new SampleExtensions.Throwing())
            .stage(PipelineStage.PRE_SEND)
            .execute();

    results.assertFailed(IllegalStateException.class);
    assertThrows(AssertionFailedError.class, results::assertNoFailures);
    assertEquals(results.single().input(), results.single().output());
  }

  @Test
  void payloadAssertionsCompareWhatTheExtensionReturned() {
    PipelineEvent event =
        PipelineEvent.builder(PipelineStage.INPUT_RECEIVED, "test")
            .payload(Map.of("model", "gpt-4o"))
            .build();

    ExtensionResults results =
        HeadroomTestKit.extension(new SampleExtensions.RequestTagger()).event(event).execute();

    results.assertPayload(Map.of("model", "gpt-4o"));
    results.assertPayload(payload -> assertEquals("gpt-4o", payload.get("model")));
    assertThrows(AssertionFailedError.class, () -> results.assertPayload(Map.of("model", "other")));
  }

  @Test
  void samplesAreDeterministicAndShapedLikeProviderTraffic() {
    assertEquals(SampleEvents.chat(), SampleEvents.chat());
    assertEquals(4, SampleEvents.chat().messages().size());
    assertEquals(3, SampleEvents.responses().messages().size());
    assertTrue(SampleEvents.huge().payload().toString().length() > 1_000_000);
    assertEquals(7, SampleEvents.all().size());
  }
}
