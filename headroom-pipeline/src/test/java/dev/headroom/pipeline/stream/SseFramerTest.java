package dev.headroom.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseFramerTest {

  private static List<SseEvent> frame(byte[]... chunks) {
    List<SseEvent> events = new ArrayList<>();
    SseFramer framer = new SseFramer(events::add, SseFramer.DEFAULT_MAX_EVENT_BYTES);
    for (byte[] chunk : chunks) {
      framer.accept(chunk);
    }
    return events;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"anthropic", "chat", "responses"})
  void eventsAreTheSameWhereverTheStreamIsSplit(String dialect) {
    byte[] stream =
        bytes(
            switch (dialect) {
              case "anthropic" -> Streams.ANTHROPIC;
              case "chat" -> Streams.CHAT;
              default -> Streams.RESPONSES;
            });
    List<SseEvent> whole = frame(stream);
    for (int split = 0; split <= stream.length; split++) {
      List<SseEvent> parts =
          frame(
              Arrays.copyOfRange(stream, 0, split),
              Arrays.copyOfRange(stream, split, stream.length));
      assertEquals(whole, parts, "split at byte " + split);
    }
  }

  @Test
  void eventsAreTheSameWhenFedOneByteAtATime() {
    byte[] stream = bytes(Streams.ANTHROPIC + Streams.RESPONSES);
    byte[][] singles = new byte[stream.length][];
    for (int i = 0; i < stream.length; i++) {
      singles[i] = new byte[] {stream[i]};
    }
    assertEquals(frame(stream), frame(singles));
  }

  @Test
  void aMultiByteCharacterSplitAcrossChunksIsDecodedWhole() {
    byte[] stream = bytes("data: \ud83d\ude80\n\n");
    int insideEmoji = 8;
    List<SseEvent> events =
        frame(
            Arrays.copyOfRange(stream, 0, insideEmoji),
            Arrays.copyOfRange(stream, insideEmoji, stream.length));
    assertEquals(List.of(new SseEvent("", "\ud83d\ude80")), events);
  }

  @Test
  void commentsIdsAndBlocksWithoutDataAreSkippedAndDataLinesJoined() {
    List<SseEvent> events =
        frame(bytes(": keep-alive\n\nid: 7\nretry: 10\n\nevent: x\ndata: a\ndata:b\ndata:  c\n\n"));
    assertEquals(List.of(new SseEvent("x", "a\nb\n c")), events);
  }

  @Test
  void lineEndingsMayBeLfCrLfOrCr() {
    assertEquals(
        List.of(new SseEvent("", "1"), new SseEvent("", "2"), new SseEvent("", "3")),
        frame(bytes("data: 1\n\ndata: 2\r\n\r\ndata: 3\r\r")));
  }

  @Test
  void anIncompleteTrailingEventIsNotEmitted() {
    assertEquals(
        List.of(new SseEvent("", "[DONE]")), frame(bytes("data: [DONE]\n\ndata: partial")));
  }

  @Test
  void anEventOverTheCapIsDroppedAndFramingResumesAfterIt() {
    List<SseEvent> events = new ArrayList<>();
    SseFramer framer = new SseFramer(events::add, 16);
    framer.accept(bytes("data: " + "x".repeat(100) + "\n\ndata: ok\n\n"));
    assertEquals(List.of(new SseEvent("", "ok")), events);
    assertEquals(1, framer.skippedEvents());
  }

  @Test
  void invalidUtf8EventsAreSkipped() {
    byte[] bad = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n', '\n'};
    assertEquals(List.of(new SseEvent("", "ok")), frame(bad, bytes("data: ok\n\n")));
  }
}
