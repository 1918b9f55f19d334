package dev.headroom.proxy;

import static dev.headroom.proxy.LiveZoneCompressionTest.orders;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.compress.ProtectedTools;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The gateway leaves the outputs of protected tools alone: the shipped defaults (file reads and
 * edits), a configured list, and a per-request {@code x-headroom-protect-tools} header.
 */
class ProtectedToolsProxyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String chat(String tool) throws Exception {
    return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"did any order fail?\"},"
        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
        + "\"function\":{\"name\":\""
        + tool
        + "\",\"arguments\":\"{}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":"
        + JSON.writeValueAsString(orders())
        + "}]}";
  }

  private static String messages(String tool) throws Exception {
    return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":["
        + "{\"role\":\"user\",\"content\":\"did any order fail?\"},"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\""
        + tool
        + "\",\"input\":{}}]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":"
        + JSON.writeValueAsString(orders())
        + "}]}]}";
  }

  @Test
  void aFileReadGoesByteForByteByDefaultWhileOtherToolsAreCompressed() throws Exception {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(b -> b.compressionBudget(Duration.ofSeconds(10)))) {
      String read = chat("Read");
      Tests.Reply reply = fx.post("/v1/chat/completions", read, "authorization", "Bearer sk-1");
      assertEquals(200, reply.status());
      assertArrayEquals(read.getBytes(StandardCharsets.UTF_8), fx.openai.take().body());
      assertEquals(null, reply.headers().get("x-headroom-tokens-saved"));

      String editor = messages("str_replace_based_edit_tool");
      fx.post("/v1/messages", editor, "x-api-key", "sk-ant-1", "anthropic-version", "2023-06-01");
      assertArrayEquals(editor.getBytes(StandardCharsets.UTF_8), fx.anthropic.take().body());

      String other = chat("list_orders");
      fx.post("/v1/chat/completions", other, "authorization", "Bearer sk-1");
      assertTrue(fx.openai.take().body().length < other.length() / 2, "other tools compress");

      String metrics = fx.proxy.scrapeMetrics();
      assertTrue(
          metrics.contains(
              "headroom_compression_blocks_total{content_type=\"text\",outcome=\"protected_tool\"} 2.0"),
          metrics);
    }
  }

  @Test
  void aRequestProtectsMoreToolsWithAHeaderThatIsNotForwarded() throws Exception {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(b -> b.compressionBudget(Duration.ofSeconds(10)))) {
      String body = messages("orders_db");
      fx.post(
          "/v1/messages",
          body,
          "x-api-key",
          "sk-ant-1",
          "anthropic-version",
          "2023-06-01",
          "x-headroom-protect-tools",
          "orders_*, mcp__*");
      FakeUpstream.Recorded sent = fx.anthropic.take();
      assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), sent.body());
      assertEquals(null, sent.headers().get("x-headroom-protect-tools"));
    }
  }

  @Test
  void theConfiguredListReplacesTheDefaults() throws Exception {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b ->
                b.compressionBudget(Duration.ofSeconds(10))
                    .protectedTools(ProtectedTools.parse("list_orders")))) {
      String read = chat("Read");
      fx.post("/v1/chat/completions", read, "authorization", "Bearer sk-1");
      assertNotEquals(read.length(), fx.openai.take().body().length, "Read is no longer protected");

      // Another key: the first key's conversation now carries the retrieval tool.
      String listed = chat("list_orders");
      fx.post("/v1/chat/completions", listed, "authorization", "Bearer sk-2");
      assertArrayEquals(listed.getBytes(StandardCharsets.UTF_8), fx.openai.take().body());
    }
  }
}
