package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the gateway reports it saved — the {@code x-headroom-tokens-*} headers and the token
 * counters — describes the bytes it sent: a body that goes upstream uncompressed reports nothing
 * saved, however much compression worked on it first.
 */
class AccountingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GENEROUS = Duration.ofSeconds(10);

  private static String body() throws Exception {
    return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
        + JSON.writeValueAsString(LiveZoneCompressionTest.orders())
        + "}]}";
  }

  private static void assertNothingReportedSaved(Tests.Reply reply, ProxyFixture fx) {
    assertEquals(200, reply.status());
    assertNull(reply.headers().get("x-headroom-tokens-before"));
    assertNull(reply.headers().get("x-headroom-tokens-saved"));
    String metrics = fx.proxy.scrapeMetrics();
    assertTrue(metrics.contains("headroom_tokens_saved_total 0.0"), metrics);
    assertTrue(metrics.contains("headroom_tokens_before_total 0.0"), metrics);
  }

  @Test
  void aRequestWhoseCompressionAnExtensionVetoedReportsNothingSaved() throws Exception {
    RecordingExtension veto =
        new RecordingExtension(
            "veto",
            event ->
                event.stage() == PipelineStage.INPUT_ROUTED
                    ? event.withMetadata("compress", false)
                    : event);
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b -> b.extensions(PipelineExtensions.of(veto)).compressionBudget(GENEROUS))) {
      String body = body();

      Tests.Reply reply = fx.post("/v1/chat/completions", body);

      assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), fx.openai.take().body());
      assertNothingReportedSaved(reply, fx);
    }
  }

  @Test
  void aBlockAnExtensionPutsBackBeforeSendingIsNotReportedSaved() throws Exception {
    String original = LiveZoneCompressionTest.orders();
    RecordingExtension undo =
        new RecordingExtension(
            "undo",
            event ->
                event.stage() == PipelineStage.PRE_SEND
                    ? event.withMessages(restored(event, original))
                    : event);
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b -> b.extensions(PipelineExtensions.of(undo)).compressionBudget(GENEROUS))) {

      Tests.Reply reply = fx.post("/v1/chat/completions", body());

      String sent = new String(fx.openai.take().body(), StandardCharsets.UTF_8);
      assertTrue(sent.contains("ord_100042"), "the original rows went");
      PipelineEvent preSend =
          undo.events.stream()
              .filter(e -> e.stage() == PipelineStage.PRE_SEND)
              .findFirst()
              .orElseThrow();
      assertTrue(
          (Integer) preSend.metadata().get("tokens_before") > 0,
          "compression had worked on it before the extension put it back");
      assertNothingReportedSaved(reply, fx);
    }
  }

  private static List<Object> restored(PipelineEvent event, String original) {
    List<Object> messages = new ArrayList<>();
    for (Object message : event.messages()) {
      if (message instanceof Map<?, ?> map && "tool".equals(map.get("role"))) {
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        copy.put("content", original);
        messages.add(copy);
      } else {
        messages.add(message);
      }
    }
    return messages;
  }
}
