package dev.headroom.pipeline.stream;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.compress.ProviderApi;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Token usage as every provider reports it: the integral fields of a {@code usage} object, with one
 * level of nested details flattened ({@code prompt_tokens_details.cached_tokens} becomes {@code
 * cached_tokens}).
 */
@API(status = INTERNAL, since = "0.1")
public final class Usage {

  private Usage() {}

  /**
   * The counts every provider reports under its own names, in one shape.
   *
   * @param prompt every input token the provider counted, cached or not
   * @param cacheRead input tokens read from the provider's prompt cache
   * @param cacheWrite input tokens written to it (Anthropic; OpenAI caches without charging)
   * @param output output tokens
   */
  @API(status = INTERNAL, since = "0.1")
  public record Tokens(long prompt, long cacheRead, long cacheWrite, long output) {}

  /**
   * @param api the wire format the usage came in
   * @param usage a usage as {@link #of} flattens it
   * @return its counts: for Anthropic, {@code input_tokens} plus the cache reads and writes; for
   *     OpenAI, {@code prompt_tokens} or {@code input_tokens}, which include the cached ones
   */
  public static Tokens tokens(ProviderApi api, Map<String, ? extends Number> usage) {
    return switch (api) {
      case GEMINI ->
          // promptTokenCount includes the cached part; thoughts are billed as output.
          new Tokens(
              count(usage, "promptTokenCount"),
              count(usage, "cachedContentTokenCount"),
              0,
              count(usage, "candidatesTokenCount") + count(usage, "thoughtsTokenCount"));
      case BEDROCK_CONVERSE -> {
        long read = count(usage, "cacheReadInputTokens");
        long write = count(usage, "cacheWriteInputTokens");
        yield new Tokens(
            count(usage, "inputTokens") + read + write, read, write, count(usage, "outputTokens"));
      }
      case ANTHROPIC_MESSAGES, CHAT_COMPLETIONS, RESPONSES -> {
        long read = count(usage, "cache_read_input_tokens") + count(usage, "cached_tokens");
        long write = count(usage, "cache_creation_input_tokens");
        long prompt =
            api == ProviderApi.ANTHROPIC_MESSAGES
                ? count(usage, "input_tokens") + read + write
                : api == ProviderApi.CHAT_COMPLETIONS
                    ? count(usage, "prompt_tokens")
                    : count(usage, "input_tokens");
        long output = count(usage, "completion_tokens") + count(usage, "output_tokens");
        yield new Tokens(prompt, read, write, output);
      }
    };
  }

  private static long count(Map<String, ? extends Number> usage, String name) {
    Number value = usage.get(name);
    return value == null ? 0 : value.longValue();
  }

  /**
   * @param response a non-streamed response body, parsed
   * @return its top-level {@code usage} (Gemini: {@code usageMetadata}), flattened; empty when it
   *     has none
   */
  public static Map<String, Long> of(JsonNode response) {
    Map<String, Long> usage = new LinkedHashMap<>();
    merge(response == null ? null : response.get("usage"), usage);
    merge(response == null ? null : response.get("usageMetadata"), usage);
    return usage;
  }

  /**
   * Reads only the top-level {@code usage} of a response body, skipping the rest without building
   * it: the proxy does this for every JSON response.
   *
   * @param response a non-streamed response body, as received
   * @return its top-level {@code usage}, flattened; empty when it has none or is not JSON
   */
  public static Map<String, Long> of(byte[] response) {
    Map<String, Long> usage = new LinkedHashMap<>();
    try (JsonParser parser = StreamFormat.JSON.getFactory().createParser(response)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return usage;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        boolean isUsage = name.equals("usage") || name.equals("usageMetadata");
        if (parser.nextToken() == JsonToken.START_OBJECT && isUsage) {
          merge(parser.readValueAsTree(), usage);
          return usage;
        }
        parser.skipChildren();
      }
    } catch (IOException notJson) {
      return new LinkedHashMap<>();
    }
    return usage;
  }

  /**
   * @param response a non-streamed response body as plain JSON values
   * @return its top-level {@code usage}, flattened; empty when it has none
   */
  public static Map<String, Long> of(Map<String, ?> response) {
    Map<String, Long> usage = new LinkedHashMap<>();
    Object node = response.get("usage");
    if (node instanceof Map<?, ?>) {
      merge(StreamFormat.JSON.valueToTree(node), usage);
    }
    return usage;
  }

  /**
   * Max-merges the numeric fields of a usage object into {@code into}, flattening one level.
   *
   * @param node a {@code usage} object, or {@code null}
   * @param into the counts so far
   */
  static void merge(JsonNode node, Map<String, Long> into) {
    if (node == null || !node.isObject()) {
      return;
    }
    node.properties()
        .forEach(
            field -> {
              JsonNode value = field.getValue();
              if (value.isIntegralNumber()) {
                into.merge(field.getKey(), value.asLong(), Math::max);
              } else if (value.isObject()) {
                value
                    .properties()
                    .forEach(
                        inner -> {
                          if (inner.getValue().isIntegralNumber()) {
                            into.merge(inner.getKey(), inner.getValue().asLong(), Math::max);
                          }
                        });
              }
            });
  }
}
