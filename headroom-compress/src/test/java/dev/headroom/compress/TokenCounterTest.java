package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenCounterTest {

  @Test
  void openAiModelsGetTheirEncodingByName() {
    assertEquals("o200k_base", TokenCounter.forModel("gpt-4o-mini").encoding());
    assertEquals("o200k_base", TokenCounter.forModel("GPT-4.1").encoding());
    assertEquals("o200k_base", TokenCounter.forModel("o3-mini").encoding());
    assertEquals("o200k_base", TokenCounter.forModel("openai/gpt-5").encoding());
    assertEquals("cl100k_base", TokenCounter.forModel("gpt-4-turbo").encoding());
    assertEquals("cl100k_base", TokenCounter.forModel("gpt-3.5-turbo").encoding());
  }

  @Test
  void unknownOrBlankModelsFallBackToO200k() {
    assertEquals("o200k_base", TokenCounter.forModel("").encoding());
    assertEquals("o200k_base", TokenCounter.forModel("llama-3-70b").encoding());
  }

  @Test
  void countersAreSharedSoThePerCallPathBuildsNothing() {
    assertSame(TokenCounter.forModel("gpt-4o"), TokenCounter.forModel("gpt-4o-2024-08-06"));
  }

  @Test
  void exactCountsMatchTheTokenizer() {
    TokenCounter o200k = TokenCounter.forModel("gpt-4o");
    assertTrue(o200k.exact());
    assertEquals(0, o200k.count(""));
    assertEquals(2, o200k.count("hello world"));
  }

  @Test
  void specialTokenSpellingsInToolOutputAreCountedAsText() {
    assertTrue(TokenCounter.forModel("gpt-4o").count("log line <|endoftext|> more") > 3);
  }

  @Test
  void anthropicModelsGetAQuarterMoreThanTheO200kCount() {
    TokenCounter claude = TokenCounter.forModel("claude-sonnet-4-5");
    assertFalse(claude.exact());
    assertEquals("claude-estimate", claude.encoding());
    String text = "The quick brown fox jumps over the lazy dog. ".repeat(20);
    int o200k = TokenCounter.forModel("gpt-4o").count(text);
    assertEquals((int) Math.ceil(o200k * 1.25), claude.count(text));
    assertEquals(
        TokenCounter.forModel("claude-opus-4-1").count(text),
        TokenCounter.forModel("anthropic/claude-3-5-haiku").count(text));
  }
}
