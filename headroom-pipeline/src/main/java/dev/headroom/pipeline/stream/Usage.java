package dev.headroom.pipeline.stream;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
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
   * @param response a non-streamed response body, parsed
   * @return its top-level {@code usage}, flattened; empty when it has none
   */
  public static Map<String, Long> of(JsonNode response) {
    Map<String, Long> usage = new LinkedHashMap<>();
    merge(response == null ? null : response.get("usage"), usage);
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
