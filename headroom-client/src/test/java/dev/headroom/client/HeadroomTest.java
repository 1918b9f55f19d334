package dev.headroom.client;

import static dev.headroom.api.PipelineStage.INPUT_COMPRESSED;
import static dev.headroom.api.PipelineStage.INPUT_RECEIVED;
import static dev.headroom.api.PipelineStage.INPUT_REMEMBERED;
import static dev.headroom.api.PipelineStage.INPUT_ROUTED;
import static dev.headroom.api.PipelineStage.PRE_SEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadroomTest {

  private static List<Map<String, Object>> conversation(String toolOutput) {
    return List.of(
        Map.of("role", "user", "content", "Which order failed and why?"),
        Map.of("role", "tool", "tool_call_id", "call_1", "content", toolOutput));
  }

  @Test
  void theNewestToolOutputComesBackSmallerWithItsError() {
    List<Map<String, Object>> messages = conversation(Bodies.orders("ord_"));

    CompressedMessages result = Headroom.compress(messages, "gpt-4o", "");

    String content = (String) result.messages().get(1).get("content");
    assertEquals(messages.get(0), result.messages().get(0));
    assertTrue(content.length() < ((String) messages.get(1).get("content")).length());
    assertTrue(content.contains("card_declined: insufficient funds"));
    assertTrue(result.tokensSaved() > 0, result.toString());
  }

  @Test
  void theRequestStagesAreEmittedWithTheCompressOperation() {
    Recorder recorder = new Recorder("recorder");

    Headroom.compress(conversation(Bodies.orders("ord_")), "gpt-4o", "", recorder);

    assertEquals(
        List.of(INPUT_RECEIVED, INPUT_ROUTED, INPUT_COMPRESSED, INPUT_REMEMBERED, PRE_SEND),
        recorder.seen());
    assertTrue(recorder.events.stream().allMatch(e -> e.operation().equals("compress")));
    assertTrue((Integer) recorder.at(INPUT_COMPRESSED).metadata().get("tokens_before") > 0);
  }

  @Test
  void anExplicitQueryKeepsTheRowsItNames() {
    CompressedMessages result =
        Headroom.compress(conversation(Bodies.orders("qry_")), "gpt-4o", "qry_100042");

    assertTrue(((String) result.messages().get(1).get("content")).contains("qry_100042"));
  }

  @Test
  void aToolOutputSeenBeforeComesBackAsTheSameTextWhateverTheQuery() {
    List<Map<String, Object>> messages = conversation(Bodies.orders("rep_"));
    String first =
        (String) Headroom.compress(messages, "gpt-4o", "").messages().get(1).get("content");

    String again =
        (String)
            Headroom.compress(messages, "gpt-4o", "rep_100042").messages().get(1).get("content");

    assertTrue(first.length() < Bodies.orders("rep_").length());
    assertEquals(first, again);
  }

  @Test
  void aSmallConversationComesBackAsItWas() {
    List<Map<String, Object>> messages = conversation("[1,2,3]");

    CompressedMessages result = Headroom.compress(messages, "gpt-4o", "");

    assertEquals(messages, result.messages());
    assertEquals(0, result.tokensSaved());
  }
}
