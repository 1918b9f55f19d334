package dev.headroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineEventTest {

  private static Map<String, Object> chatPayload() {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", "user");
    message.put("content", "hello");
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", "gpt-4o");
    payload.put("messages", new ArrayList<>(List.of(message)));
    payload.put("tools", List.of(Map.of("type", "function")));
    payload.put("temperature", new BigDecimal("0.10"));
    payload.put("user", null);
    return payload;
  }

  private static PipelineEvent event() {
    return PipelineEvent.builder(PipelineStage.INPUT_RECEIVED, "proxy.request")
        .requestId("hr_1")
        .provider("openai")
        .model("gpt-4o")
        .payload(chatPayload())
        .build();
  }

  @Test
  void payloadIsADeepUnmodifiableCopy() {
    Map<String, Object> source = chatPayload();
    PipelineEvent event =
        PipelineEvent.builder(PipelineStage.INPUT_RECEIVED, "proxy.request")
            .payload(source)
            .build();

    source.put("model", "changed");
    @SuppressWarnings("unchecked")
    Map<String, Object> firstMessage = (Map<String, Object>) event.messages().get(0);

    assertEquals("gpt-4o", event.payload().get("model"));
    assertThrows(UnsupportedOperationException.class, () -> event.payload().put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> event.messages().add(Map.of()));
    assertThrows(UnsupportedOperationException.class, () -> firstMessage.put("content", "sneaky"));
    assertThrows(UnsupportedOperationException.class, () -> event.payload().entrySet().clear());
  }

  @Test
  void payloadKeepsKeyOrderNullValuesAndNumberText() {
    PipelineEvent event = event();

    assertEquals(
        List.of("model", "messages", "tools", "temperature", "user"),
        new ArrayList<>(event.payload().keySet()));
    assertTrue(event.payload().containsKey("user"));
    assertEquals(null, event.payload().get("user"));
    assertEquals("0.10", event.payload().get("temperature").toString());
  }

  @Test
  void valuesJsonCannotHoldAreRejectedWithTheirPath() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("messages", List.of(Map.of("content", new Object())));

    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PipelineEvent.builder(PipelineStage.PRE_SEND, "proxy.request")
                    .payload(payload)
                    .build());

    assertTrue(
        failure.getMessage().startsWith("payload.messages[0].content is a java.lang.Object"),
        failure.getMessage());
  }

  @Test
  void missingComponentsAreRejectedByName() {
    NullPointerException failure =
        assertThrows(
            NullPointerException.class,
            () ->
                new PipelineEvent(
                    PipelineStage.SETUP,
                    "op",
                    null,
                    "",
                    "",
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    Map.of()));
    assertEquals("requestId must not be null", failure.getMessage());
  }

  @Test
  void messagesAndToolsAreDerivedFromThePayload() {
    PipelineEvent chat = event();
    PipelineEvent responses =
        chat.withPayload(Map.of("input", List.of(Map.of("type", "message")), "model", "gpt-5"));
    PipelineEvent responsesWithStringInput = chat.withPayload(Map.of("input", "just text"));
    PipelineEvent setup = PipelineEvent.builder(PipelineStage.SETUP, "proxy.setup").build();

    assertEquals(1, chat.messages().size());
    assertEquals(1, chat.tools().size());
    assertEquals(List.of(Map.of("type", "message")), responses.messages());
    assertEquals(List.of(), responsesWithStringInput.messages());
    assertEquals(List.of(), setup.messages());
    assertEquals(List.of(), setup.tools());
  }

  @Test
  void copiesThatChangeNothingReturnTheSameInstance() {
    PipelineEvent event =
        event().withHeader("Authorization", "Bearer x").withMetadata("stream", false);

    assertSame(event, event.withPayload(event.payload()));
    assertSame(event, event.withPayload(chatPayload()));
    assertSame(event, event.withHeaders(Map.of("authorization", "Bearer x")));
    assertSame(event, event.withHeader("AUTHORIZATION", "Bearer x"));
    assertSame(event, event.withoutHeader("x-absent"));
    assertSame(event, event.withMetadata("stream", false));
    assertSame(event, event.withMetadata(Map.of("stream", false)));
    assertSame(event, event.withResponse(Map.of()));
    assertSame(event, event.withStage(PipelineStage.INPUT_RECEIVED));
    assertSame(event, event.withMessages(event.messages()));
  }

  @Test
  void copiesThatChangeSomethingLeaveTheOriginalAlone() {
    PipelineEvent event = event();

    PipelineEvent redacted =
        event.withMessages(List.of(Map.of("role", "user", "content", "[redacted]")));
    PipelineEvent tagged = event.withHeader("X-Team", "search").withMetadata("cost_center", "42");

    assertNotSame(event, redacted);
    assertEquals("hello", ((Map<?, ?>) event.messages().get(0)).get("content"));
    assertEquals("[redacted]", ((Map<?, ?>) redacted.messages().get(0)).get("content"));
    assertEquals(
        List.of("model", "messages", "tools", "temperature", "user"),
        new ArrayList<>(redacted.payload().keySet()));
    assertEquals("search", tagged.headers().get("x-team"));
    assertEquals("search", tagged.header("X-TEAM").orElseThrow());
    assertEquals("42", tagged.metadata().get("cost_center"));
    assertTrue(event.headers().isEmpty());
    assertEquals(event.payload(), tagged.payload());
  }

  @Test
  void withMessagesWritesToTheResponsesInputList() {
    PipelineEvent responses =
        event().withPayload(Map.of("input", List.of(Map.of("type", "message"))));

    PipelineEvent changed = responses.withMessages(List.of());

    assertEquals(List.of(), changed.payload().get("input"));
    assertTrue(!changed.payload().containsKey("messages"));
  }

  @Test
  void frozenValuesAreNotCopiedAgain() {
    PipelineEvent event = event();

    PipelineEvent next =
        new PipelineEvent(
            PipelineStage.PRE_SEND,
            event.operation(),
            event.requestId(),
            event.provider(),
            event.model(),
            event.payload(),
            event.headers(),
            event.response(),
            event.metadata());

    assertSame(event.payload(), next.payload());
    assertSame(event.metadata(), next.metadata());
  }

  @Test
  void eventsWithEqualValuesAreEqual() {
    Map<String, Object> unordered = new HashMap<>(chatPayload());
    PipelineEvent fromHashMap = event().withPayload(unordered);

    assertEquals(event(), event());
    assertEquals(event().hashCode(), event().hashCode());
    assertEquals(event(), fromHashMap);
  }
}
