package dev.headroom.proxy.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamStateTest {

  private static StreamSummary tap(String dialect, String stream) {
    StreamTap tap = StreamTap.of(dialect);
    tap.accept(stream.getBytes(StandardCharsets.UTF_8));
    return tap.summary();
  }

  @Test
  void anthropicStreamYieldsIdModelStopAndMaxMergedUsage() {
    StreamSummary summary = tap("anthropic", Streams.ANTHROPIC);
    assertEquals("msg_01", summary.id());
    assertEquals("claude-sonnet-4-5", summary.model());
    assertEquals("message_stop", summary.status());
    assertTrue(summary.terminated());
    assertEquals(
        Map.of("input_tokens", 25L, "cache_read_input_tokens", 7L, "output_tokens", 15L),
        summary.usage());
  }

  @Test
  void chatStreamYieldsUsageFromTheUsageChunkAndDoneAtTheEnd() {
    StreamSummary summary = tap("openai_chat", Streams.CHAT);
    assertEquals("chatcmpl-1", summary.id());
    assertEquals("done", summary.status());
    assertEquals(9L, summary.usage().get("prompt_tokens"));
    assertEquals(4L, summary.usage().get("cached_tokens"));
  }

  @Test
  void responsesStreamYieldsTerminalStatusAndUsage() {
    StreamSummary summary = tap("openai_responses", Streams.RESPONSES);
    assertEquals("resp_1", summary.id());
    assertEquals("gpt-5", summary.model());
    assertEquals("completed", summary.status());
    assertEquals(
        Map.of("input_tokens", 30L, "output_tokens", 5L, "total_tokens", 35L, "cached_tokens", 12L),
        summary.usage());
  }

  @Test
  void summariesDoNotDependOnChunkBoundaries() {
    for (String[] pair :
        new String[][] {
          {"anthropic", Streams.ANTHROPIC},
          {"openai_chat", Streams.CHAT},
          {"openai_responses", Streams.RESPONSES}
        }) {
      byte[] stream = pair[1].getBytes(StandardCharsets.UTF_8);
      StreamSummary whole = tap(pair[0], pair[1]);
      for (int split = 0; split <= stream.length; split++) {
        StreamTap tap = StreamTap.of(pair[0]);
        tap.accept(Arrays.copyOfRange(stream, 0, split));
        tap.accept(Arrays.copyOfRange(stream, split, stream.length));
        assertEquals(whole, tap.summary(), pair[0] + " split at " + split);
      }
    }
  }

  @Test
  void aStreamCutBeforeItsTerminatorIsNotTerminated() {
    String cut = Streams.ANTHROPIC.substring(0, Streams.ANTHROPIC.indexOf("event: message_stop"));
    StreamSummary summary = tap("anthropic", cut);
    assertFalse(summary.terminated());
    assertEquals("open", summary.status());
  }

  @Test
  void garbageDataIsCountedNotThrown() {
    StreamSummary summary = tap("openai_chat", "data: {not json\n\ndata: 42\n\ndata: [DONE]\n\n");
    assertEquals("done", summary.status());
    assertEquals(3, summary.events());
  }

  @Test
  void responsesFailedAndIncompleteAreTerminalStatuses() {
    for (String status : new String[] {"failed", "incomplete"}) {
      StreamSummary summary =
          tap(
              "openai_responses",
              "event: response.created\ndata: {\"type\":\"response.created\","
                  + "\"response\":{\"id\":\"r\",\"model\":\"m\"}}\n\nevent: response."
                  + status
                  + "\ndata: {\"type\":\"response."
                  + status
                  + "\",\"response\":{\"id\":\"r\",\"status\":\""
                  + status
                  + "\",\"usage\":{\"input_tokens\":3}}}\n\n");
      assertEquals(status, summary.status());
      assertTrue(summary.terminated());
      assertEquals(3L, summary.usage().get("input_tokens"));
    }
  }

  @Test
  void anAnthropicErrorEventEndsTheStreamAsAnError() {
    StreamSummary summary =
        tap(
            "anthropic",
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\"}}\n\n"
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
    assertEquals("error", summary.status());
    assertTrue(summary.terminated());
  }

  @Test
  void eventsWithoutAnEventLineAreTypedByTheirDataForAnthropic() {
    StreamSummary summary = tap("anthropic", "data: {\"type\":\"message_stop\"}\n\n");
    assertEquals("message_stop", summary.status());
  }

  @Test
  void interleavedChatChoicesKeepTheLastFinishReasonAndUsageMaxMerges() {
    StreamSummary summary =
        tap(
            "openai_chat",
            "data: {\"id\":\"c\",\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"}},"
                + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\"}}]}}]}\n\n"
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2}}\n\ndata: [DONE]\n\n");
    assertEquals("c", summary.id());
    assertEquals("done", summary.status());
    assertEquals(4L, summary.usage().get("prompt_tokens"));
  }
}
