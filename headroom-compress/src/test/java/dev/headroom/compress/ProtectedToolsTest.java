package dev.headroom.compress;

import static dev.headroom.compress.LiveZoneRewriterTest.ordersJson;
import static dev.headroom.compress.LiveZoneRewriterTest.quoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outputs of protected tools reach the provider byte for byte on every format, found by the name of
 * the call they answer; other outputs of the same turn are still compressed.
 */
class ProtectedToolsTest {

  private static final LiveZoneOptions OPTIONS =
      LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30));
  private static final LiveZoneRewriter REWRITER =
      LiveZoneRewriter.create(Compressor.create(), OPTIONS);

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Two tools called at once; {@code first} answers call_a, {@code second} call_b. */
  private static byte[] chatWithTwoOutputs(String first, String second) {
    return utf8(
        "{\"model\":\"gpt-4o\",\"messages\":["
            + "{\"role\":\"user\",\"content\":\"Why did ord_100217 fail?\"},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
            + "{\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\""
            + first
            + "\",\"arguments\":\"{}\"}},"
            + "{\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\""
            + second
            + "\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"call_a\",\"content\":"
            + quoted(ordersJson())
            + "},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"call_b\",\"content\":[{\"type\":\"text\",\"text\":"
            + quoted(ordersJson())
            + "}]}]}");
  }

  @Test
  void globsMatchWholeNamesIgnoringCase() {
    ProtectedTools tools = ProtectedTools.of("read*", "mcp__github__?et_file", "Bash");

    assertTrue(tools.protects("Read"));
    assertTrue(tools.protects("read_file"));
    assertTrue(tools.protects("MCP__github__get_file"));
    assertTrue(tools.protects("bash"));
    assertFalse(tools.protects("bash_output"), "a glob without * matches the whole name only");
    assertFalse(tools.protects("thread_read"), "globs are anchored at the start");
    assertFalse(tools.protects("mcp__github__get_files"));
    assertFalse(tools.protects(null));
    assertFalse(tools.protects("a+b"), "regex characters in names are literal");
    assertTrue(ProtectedTools.of("a+b").protects("A+B"));
  }

  @Test
  void aListParsesWithItsKeywords() {
    assertTrue(ProtectedTools.parse("none").isEmpty());
    assertTrue(ProtectedTools.parse(" , ").isEmpty());
    assertEquals(List.of("a", "b*"), ProtectedTools.parse(" a ,b*,,a").globs());
    ProtectedTools withDefaults = ProtectedTools.parse("default,mcp__*");
    assertTrue(withDefaults.protects("Read"));
    assertTrue(withDefaults.protects("mcp__jira__search"));
    assertTrue(ProtectedTools.defaults().protects("str_replace_based_edit_tool"));
    assertFalse(ProtectedTools.defaults().protects("Bash"));
    assertThrows(NullPointerException.class, () -> ProtectedTools.parse(null));
  }

  @Test
  void ofParallelOutputsOnlyTheProtectedToolsOutputIsLeftAlone() {
    byte[] body = chatWithTwoOutputs("list_orders", "Read");

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.CHAT_COMPLETIONS, context());

    assertTrue(result.changed(), result.toString());
    String sent = text(result.body());
    assertTrue(
        sent.endsWith("{\"type\":\"text\",\"text\":" + quoted(ordersJson()) + "}]}]}"),
        "the Read output must go byte for byte");
    assertFalse(
        sent.contains("\"call_a\",\"content\":" + quoted(ordersJson())),
        "the other output of the same turn is still compressed");
    BlockDecision protectedBlock = result.blocks().get(result.blocks().size() - 1);
    assertEquals(BlockDecision.PROTECTED_TOOL, protectedBlock.outcome());
    assertEquals("messages[3].content[0].text", protectedBlock.path());
    assertTrue(result.blocks().get(1).compressed(), result.blocks().toString());
  }

  @Test
  void aRequestCanProtectMoreToolsAndTheConfiguredOnesCanBeCleared() {
    byte[] body = chatWithTwoOutputs("list_orders", "Read");

    LiveZoneResult both =
        REWRITER.rewrite(
            body,
            ProviderApi.CHAT_COMPLETIONS,
            context().withProtectedTools(ProtectedTools.of("list_*")));
    assertSame(body, both.body());
    assertEquals(BlockDecision.PROTECTED_TOOL, both.reason());

    LiveZoneRewriter unprotected =
        LiveZoneRewriter.create(
            Compressor.create(), OPTIONS.withProtectedTools(ProtectedTools.none()));
    LiveZoneResult none = unprotected.rewrite(body, ProviderApi.CHAT_COMPLETIONS, context());
    assertTrue(
        none.blocks().stream().filter(BlockDecision::compressed).count() == 2,
        "with no protected tools both outputs are compressed: " + none.blocks());
  }

  @Test
  void anthropicToolResultsAreMatchedThroughTheirToolUse() {
    String prefix =
        "{\"model\":\"claude-sonnet-4-5\",\"messages\":["
            + "{\"role\":\"user\",\"content\":\"Why did ord_100217 fail?\"},"
            + "{\"role\":\"assistant\",\"content\":["
            + "{\"type\":\"tool_use\",\"id\":\"tu_1\",\"name\":\"str_replace_based_edit_tool\",\"input\":{}},"
            + "{\"type\":\"tool_use\",\"id\":\"tu_2\",\"name\":\"orders\",\"input\":{}}]},"
            + "{\"role\":\"user\",\"content\":["
            + "{\"type\":\"tool_result\",\"tool_use_id\":\"tu_1\",\"content\":"
            + quoted(ordersJson())
            + "},{\"type\":\"tool_result\",\"tool_use_id\":\"tu_2\",\"content\":";
    byte[] body =
        utf8(prefix + quoted(ordersJson()) + ",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}");

    LiveZoneResult result = REWRITER.rewrite(body, ProviderApi.ANTHROPIC_MESSAGES, context());

    assertTrue(result.changed(), result.toString());
    assertTrue(text(result.body()).startsWith(prefix), "the editor tool's result is untouched");
    assertEquals(BlockDecision.PROTECTED_TOOL, result.blocks().get(0).outcome());
    assertTrue(result.blocks().get(1).compressed());
  }

  @Test
  void responsesOutputsAreMatchedThroughTheirCall() {
    byte[] body =
        utf8(
            "{\"model\":\"gpt-5\",\"input\":["
                + "{\"type\":\"message\",\"role\":\"user\",\"content\":\"why did ord_100217 fail?\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"fc_1\",\"name\":\"mcp__db__query\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"fc_1\",\"output\":"
                + quoted(ordersJson())
                + "},{\"type\":\"apply_patch_call_output\",\"call_id\":\"fc_2\",\"output\":"
                + quoted(ordersJson())
                + "}]}");

    LiveZoneResult result =
        REWRITER.rewrite(
            body,
            ProviderApi.RESPONSES,
            context().withProtectedTools(ProtectedTools.of("mcp__db__*")));

    assertSame(body, result.body(), result.toString());
    assertEquals(BlockDecision.PROTECTED_TOOL, result.reason());
  }

  @Test
  void aRememberedOutputOfAProtectedToolIsNotReplayed() {
    LiveZoneRewriter remembering =
        LiveZoneRewriter.create(
            Compressor.create(),
            OPTIONS.withProtectedTools(ProtectedTools.none()),
            ReplayMemory.inMemory(1 << 20, Duration.ofMinutes(5)));
    byte[] body = chatWithTwoOutputs("list_orders", "Read");
    assertTrue(remembering.rewrite(body, ProviderApi.CHAT_COMPLETIONS, context()).changed());

    // The same outputs again, now from tools this request protects: neither is replaced.
    LiveZoneResult again =
        remembering.rewrite(
            body,
            ProviderApi.CHAT_COMPLETIONS,
            context().withProtectedTools(ProtectedTools.of("list_orders", "read")));

    assertSame(body, again.body(), again.toString());
    assertTrue(again.blocks().stream().noneMatch(BlockDecision::replayed));
  }

  private static CompressContext context() {
    return CompressContext.defaults();
  }
}
