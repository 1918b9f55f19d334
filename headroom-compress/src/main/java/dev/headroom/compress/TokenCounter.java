package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.compress.internal.tokens.TokenCounters;
import org.apiguardian.api.API;

/**
 * Counts tokens the way a provider's model would.
 *
 * <p>OpenAI models get exact counts from jtokkit ({@code o200k_base} for GPT-4o, GPT-4.1, GPT-5 and
 * the o-series, {@code cl100k_base} for GPT-4 and GPT-3.5); Anthropic models get an estimate
 * derived from the {@code cl100k_base} count, because Anthropic's tokenizer is not public.
 * Instances are shared, immutable and thread-safe; obtaining one is a map lookup.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TokenCounter {

  /**
   * @param text any text, including text that contains special-token spellings such as {@code
   *     <|endoftext|>} (counted as ordinary text)
   * @return the number of tokens
   */
  int count(String text);

  /**
   * @return the encoding name, e.g. {@code o200k_base}, or {@code claude-estimate}
   */
  String encoding();

  /**
   * @return true when {@link #count(String)} is the tokenizer's exact count, false for an estimate
   */
  boolean exact();

  /**
   * Chooses the tokenizer for a model name, case-insensitively; unknown or blank names get {@code
   * o200k_base}.
   *
   * @param model a model name such as {@code gpt-4o-mini}, {@code gpt-4-turbo} or {@code
   *     claude-sonnet-4-5}
   * @return the shared counter for that model
   */
  static TokenCounter forModel(String model) {
    return TokenCounters.forModel(model);
  }
}
