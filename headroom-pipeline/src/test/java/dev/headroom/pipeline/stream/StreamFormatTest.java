package dev.headroom.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.ProviderApi;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamFormatTest {

  private static StreamSummary tap(ProviderApi api, String stream) {
    StreamTap tap = StreamTap.of(api);
    tap.accept(stream.getBytes(StandardCharsets.UTF_8));
    return tap.summary();
  }

  @Test
  void anthropicStreamYieldsIdModelStopAndMaxMergedUsage() {
    StreamSummary summary = tap(ProviderApi.ANTHROPIC_MESSAGES, Streams.ANTHROPIC);
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
    StreamSummary summary = tap(ProviderApi.CHAT_COMPLETIONS, Streams.CHAT);
    assertEquals("chatcmpl-1", summary.id());
    assertEquals("done", summary.status());
    assertEquals(9L, summary.usage().get("prompt_tokens"));
    assertEquals(4L, summary.usage().get("cached_tokens"));
  }

  @Test
  void responsesStreamYieldsTerminalStatusAndUsage() {
    StreamSummary summary = tap(ProviderApi.RESPONSES, Streams.RESPONSES);
    assertEquals("resp_1", summary.id());
    assertEquals("gpt-5", summary.model());
    assertEquals("completed", summary.status());
    assertEquals(
        Map.of("input_tokens", 30L, "output_tokens", 5L, "total_tokens", 35L, "cached_tokens", 12L),
        summary.usage());
  }

  @Test
  void summariesDoNotDependOnChunkBoundaries() {
    Map<ProviderApi, String> streams =
        Map.of(
            ProviderApi.ANTHROPIC_MESSAGES, Streams.ANTHROPIC,
            ProviderApi.CHAT_COMPLETIONS, Streams.CHAT,
            ProviderApi.RESPONSES, Streams.RESPONSES);
    streams.forEach(
        (api, text) -> {
          byte[] stream = text.getBytes(StandardCharsets.UTF_8);
          StreamSummary whole = tap(api, text);
          for (int split = 0; split <= stream.length; split++) {
            StreamTap tap = StreamTap.of(api);
            tap.accept(Arrays.copyOfRange(stream, 0, split));
            tap.accept(stream, split, stream.length - split);
            assertEquals(whole, tap.summary(), api + " split at " + split);
          }
        });
  }

  @Test
  void aStreamCutBeforeItsTerminatorIsNotTerminated() {
    String cut = Streams.ANTHROPIC.substring(0, Streams.ANTHROPIC.indexOf("event: message_stop"));
    StreamSummary summary = tap(ProviderApi.ANTHROPIC_MESSAGES, cut);
    assertFalse(summary.terminated());
    assertEquals("open", summary.status());
  }

  @Test
  void garbageDataIsCountedNotThrown() {
    StreamSummary summary =
        tap(ProviderApi.CHAT_COMPLETIONS, "data: {not json\n\ndata: 42\n\ndata: [DONE]\n\n");
    assertEquals("done", summary.status());
    assertEquals(3, summary.events());
  }

  @Test
  void responsesFailedAndIncompleteAreTerminalStatuses() {
    for (String status : new String[] {"failed", "incomplete"}) {
      StreamSummary summary =
          tap(
              ProviderApi.RESPONSES,
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
            ProviderApi.ANTHROPIC_MESSAGES,
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\"}}\n\n"
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
    assertEquals("error", summary.status());
    assertTrue(summary.terminated());
  }

  @Test
  void eventsWithoutAnEventLineAreTypedByTheirDataForAnthropic() {
    StreamSummary summary =
        tap(ProviderApi.ANTHROPIC_MESSAGES, "data: {\"type\":\"message_stop\"}\n\n");
    assertEquals("message_stop", summary.status());
  }

  @Test
  void interleavedChatChoicesKeepTheLastFinishReasonAndUsageMaxMerges() {
    StreamSummary summary =
        tap(
            ProviderApi.CHAT_COMPLETIONS,
            "data: {\"id\":\"c\",\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"}},"
                + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\"}}]}}]}\n\n"
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2}}\n\ndata: [DONE]\n\n");
    assertEquals("c", summary.id());
    assertEquals("done", summary.status());
    assertEquals(4L, summary.usage().get("prompt_tokens"));
  }

  @Test
  void usageIsSummedOverRoundsAndTheModelOfTheFirstRoundKept() {
    StreamFormat format = StreamFormat.of(ProviderApi.ANTHROPIC_MESSAGES);
    SseFramer framer = new SseFramer(format::accept, SseFramer.DEFAULT_MAX_EVENT_BYTES);
    framer.accept(Streams.ANTHROPIC.getBytes(StandardCharsets.UTF_8));
    format.nextRound();
    framer.accept(
        ("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_02\","
                + "\"model\":\"other\",\"usage\":{\"input_tokens\":40,\"output_tokens\":1}}}\n\n")
            .getBytes(StandardCharsets.UTF_8));

    StreamSummary summary = format.summary();

    assertEquals("msg_02", summary.id());
    assertEquals("claude-sonnet-4-5", summary.model());
    assertEquals("open", summary.status());
    assertEquals(65L, summary.usage().get("input_tokens"));
    assertEquals(16L, summary.usage().get("output_tokens"));
  }

  @Test
  void aNonStreamedResponseGivesItsUsageFlattened() {
    Map<String, Object> response =
        Map.of(
            "id",
            "chatcmpl-1",
            "usage",
            Map.of(
                "prompt_tokens",
                900,
                "completion_tokens",
                9,
                "prompt_tokens_details",
                Map.of("cached_tokens", 512)));

    assertEquals(
        Map.of("prompt_tokens", 900L, "completion_tokens", 9L, "cached_tokens", 512L),
        Usage.of(response));
    assertEquals(Map.of(), Usage.of(Map.of("id", "x")));
  }
}
