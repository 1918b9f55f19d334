package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineStage;
import dev.headroom.testkit.HeadroomTestKit;
import dev.headroom.testkit.SampleEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyRedactorTest {

  @Test
  void redactsKeysInTheLatestUserMessage() {
    HeadroomTestKit.extension("${extensionId}")
        .stage(PipelineStage.INPUT_RECEIVED)
        .event(SampleEvents.chat())
        .execute()
        .assertChanged()
        .assertPayload(payload -> assertFalse(payload.toString().contains("sk-test-EXAMPLE0000000000000000 "),
            "the key must not reach the provider"));
  }

  @Test
  void redactsTextPartsOfContentArrays() {
    PipelineEvent event = PipelineEvent.builder(PipelineStage.INPUT_RECEIVED, "proxy.request")
        .payload(Map.of("messages", List.of(Map.of("role", "user", "content", List.of(
            Map.of("type", "text", "text", "deploy with AKIAABCDEFGHIJKLMNOP please"))))))
        .build();

    HeadroomTestKit.extension(new ApiKeyRedactor()).event(event).execute()
        .assertPayload(payload -> assertEquals(
            List.of(Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", "deploy with [redacted] please")))),
            payload.get("messages")));
  }

  @Test
  void leavesRequestsWithoutKeysAlone() {
    HeadroomTestKit.extension(new ApiKeyRedactor())
        .event(SampleEvents.anthropic(), SampleEvents.responses())
        .execute()
        .assertUnchanged();
  }
}
