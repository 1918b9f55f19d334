package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Compress once, replay verbatim, through the gateway: the second turn of a conversation carries
 * the first turn's tool output as the bytes the first turn sent, says so, and every way of turning
 * it off leaves the client's bytes alone.
 */
class SessionCompressionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GENEROUS = Duration.ofSeconds(10);

  private static String output(String prefix) {
    return LiveZoneCompressionTest.orders().replace("ord_", prefix);
  }

  private static String turn1() throws Exception {
    return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"},"
        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"orders\",\"arguments\":\"{}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":"
        + JSON.writeValueAsString(output("ord_"))
        + "}]}";
  }

  private static String turn2() throws Exception {
    return turn1().substring(0, turn1().length() - 2)
        + ",{\"role\":\"assistant\",\"content\":\"ord_100217 failed.\"},{\"role\":\"user\",\"content\":\"And invoices?\"},"
        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c2\",\"type\":\"function\",\"function\":{\"name\":\"invoices\",\"arguments\":\"{}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c2\",\"content\":"
        + JSON.writeValueAsString(output("inv_"))
        + "}]}";
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void theSecondTurnCarriesTheFirstTurnsToolOutputAsItWentAndSaysSo() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    AccessLogLines accessLog = AccessLogLines.capture();
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b -> b.compressionBudget(GENEROUS).extensions(PipelineExtensions.of(recorder)))) {
      fx.post("/v1/chat/completions", turn1(), "authorization", "Bearer sk-a");
      String first = text(fx.openai.take().body());

      Tests.Reply reply = fx.post("/v1/chat/completions", turn2(), "authorization", "Bearer sk-a");

      String second = text(fx.openai.take().body());
      // The proxy's retrieval tool follows the messages, the same bytes on both turns.
      String tool = first.substring(first.indexOf(",\"tools\":["));
      assertTrue(second.endsWith(tool), "the retrieval tool stays as it was");
      String history = first.substring(0, first.length() - tool.length() - 2);
      assertTrue(second.startsWith(history), "turn 2 starts with what turn 1 sent, byte for byte");
      assertFalse(second.contains("inv_100003"), "the new output was compressed too");
      assertEquals("1", reply.headers().get("x-headroom-replayed-blocks"));
      int replayed = Integer.parseInt(reply.headers().get("x-headroom-tokens-saved-replayed"));
      int saved = Integer.parseInt(reply.headers().get("x-headroom-tokens-saved"));
      assertTrue(replayed > 0 && replayed < saved, replayed + " of " + saved);
      PipelineEvent compressed =
          recorder.events.stream()
              .filter(e -> e.stage() == PipelineStage.INPUT_COMPRESSED)
              .reduce((a, b) -> b)
              .orElseThrow();
      assertTrue((Integer) compressed.metadata().get("replayed_tokens_before") > 0);
      assertTrue(fx.proxy.scrapeMetrics().contains("headroom_replay_hits_total 1.0"));
      String line = accessLog.next(reply.headers().get("x-request-id"));
      assertTrue(line != null && line.contains(" replayed_blocks=1"), "access log: " + line);
      assertFalse(line.contains("replayed:"), "replayed blocks are counted, not listed: " + line);
      assertTrue(line.contains(",compressed:json_array:"), "the fresh block is listed: " + line);
    } finally {
      accessLog.close();
    }
  }

  @Test
  void withNoRoomToRememberTheHistoryGoesAsTheClientSentIt() throws Exception {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS).replayMemoryBytes(1))) {
      fx.post("/v1/chat/completions", turn1(), "authorization", "Bearer sk-a");
      fx.openai.take();

      Tests.Reply reply = fx.post("/v1/chat/completions", turn2(), "authorization", "Bearer sk-a");

      String second = text(fx.openai.take().body());
      assertTrue(
          second.contains(JSON.writeValueAsString(output("ord_"))),
          "the original, not another compression");
      assertNull(reply.headers().get("x-headroom-replayed-blocks"));
    }
  }

  @Test
  void anotherKeyNeverGetsTheReplay() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      fx.post("/v1/chat/completions", turn1(), "authorization", "Bearer sk-a");
      fx.openai.take();

      fx.post("/v1/chat/completions", turn2(), "authorization", "Bearer sk-b");

      assertTrue(text(fx.openai.take().body()).contains(JSON.writeValueAsString(output("ord_"))));
    }
  }

  @Test
  void aBypassedTurnAndAProxyWithoutCompressionForwardTheClientsBytes() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      fx.post("/v1/chat/completions", turn1(), "authorization", "Bearer sk-a");
      fx.openai.take();

      fx.post(
          "/v1/chat/completions",
          turn2(),
          "authorization",
          "Bearer sk-a",
          "x-headroom-bypass",
          "true");

      assertArrayEquals(turn2().getBytes(StandardCharsets.UTF_8), fx.openai.take().body());
    }
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compression(false))) {
      fx.post("/v1/chat/completions", turn1(), "authorization", "Bearer sk-a");
      fx.post("/v1/chat/completions", turn2(), "authorization", "Bearer sk-a");

      assertArrayEquals(turn1().getBytes(StandardCharsets.UTF_8), fx.openai.take().body());
      assertArrayEquals(turn2().getBytes(StandardCharsets.UTF_8), fx.openai.take().body());
    }
  }

  /** The first turn's Responses input items after the user's question: a call and its output. */
  private static String responsesCall1() throws Exception {
    return "{\"type\":\"function_call\",\"call_id\":\"c1\",\"name\":\"orders\",\"arguments\":\"{}\"},"
        + "{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":"
        + JSON.writeValueAsString(output("ord_"))
        + "}";
  }

  /** The second turn's new Responses input items: the answer, another call and its output. */
  private static String responsesCall2() throws Exception {
    return "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"ord_100217 failed.\"}]},"
        + "{\"type\":\"function_call\",\"call_id\":\"c2\",\"name\":\"invoices\",\"arguments\":\"{}\"},"
        + "{\"type\":\"function_call_output\",\"call_id\":\"c2\",\"output\":"
        + JSON.writeValueAsString(output("inv_"))
        + "}";
  }

  private static final String RESPONSES_USER =
      "{\"type\":\"message\",\"role\":\"user\",\"content\":\"Which order failed?\"}";

  @Test
  void aResponsesClientThatResendsItsInputOverHttpGetsItsEarlierOutputsReplayed() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      fx.post(
          "/v1/responses",
          "{\"model\":\"gpt-5\",\"store\":false,\"input\":["
              + RESPONSES_USER
              + ","
              + responsesCall1()
              + "]}",
          "authorization",
          "Bearer sk-a");
      String first = text(fx.openai.take().body());

      Tests.Reply reply =
          fx.post(
              "/v1/responses",
              "{\"model\":\"gpt-5\",\"store\":false,\"input\":["
                  + RESPONSES_USER
                  + ","
                  + responsesCall1()
                  + ","
                  + responsesCall2()
                  + "]}",
              "authorization",
              "Bearer sk-a");

      String second = text(fx.openai.take().body());
      // The proxy's retrieval tool follows the input items.
      int end = first.indexOf("}],\"tools\":[");
      assertTrue(end > 0, first);
      String items = first.substring(0, end + 1) + ",";
      assertTrue(second.startsWith(items), "turn 2 starts with turn 1's input items:\n" + first);
      assertFalse(first.contains("ord_100003"), "turn 1 was compressed");
      assertFalse(second.contains("inv_100003"), "the new output was compressed too");
      assertEquals("1", reply.headers().get("x-headroom-replayed-blocks"));
    }
  }

  @Test
  void aWebSocketSessionThatResendsItsInputGetsItsEarlierOutputsReplayed() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      String call1 = responsesCall1();
      String call2 = responsesCall2();
      String user = RESPONSES_USER;
      WebSocketClient client = fx.vertx.createWebSocketClient();
      WebSocket ws =
          Tests.await(
              client.connect(
                  new WebSocketConnectOptions()
                      .setHost("127.0.0.1")
                      .setPort(fx.port)
                      .setURI("/v1/responses")
                      .addHeader("authorization", "Bearer sk-a")));

      ws.writeTextMessage(
          "{\"type\":\"response.create\",\"response\":{\"model\":\"gpt-5\",\"store\":false,\"input\":["
              + user
              + ","
              + call1
              + "]}}");
      String first = fx.openai.takeWebSocketMessage();
      ws.writeTextMessage(
          "{\"type\":\"response.create\",\"response\":{\"model\":\"gpt-5\",\"store\":false,\"input\":["
              + user
              + ","
              + call1
              + ","
              + call2
              + "]}}");
      String second = fx.openai.takeWebSocketMessage();

      String history = first.substring(0, first.length() - 3);
      assertTrue(
          second.startsWith(history),
          "frame 2 starts with what frame 1 sent:\n" + first + "\n" + second);
      assertFalse(second.contains("inv_100003"), second);
    }
  }
}
