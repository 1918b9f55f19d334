package dev.headroom.proxy.internal.sse;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The per-dialect state machine fed by an {@link SseFramer}: it reads a copy of the stream for id,
 * model, status and usage. Malformed events are counted and skipped, never thrown.
 */
@API(status = INTERNAL, since = "0.1")
public abstract class StreamState {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String dialect;
  private final Map<String, Long> usage = new LinkedHashMap<>();
  protected String id = "";
  protected String model = "";
  protected String status = "open";
  protected boolean terminated;
  private long events;
  private long malformed;

  protected StreamState(String dialect) {
    this.dialect = dialect;
  }

  /**
   * @param dialect {@code anthropic}, {@code openai_chat} or {@code openai_responses}
   * @return a fresh state machine for that dialect
   */
  public static StreamState of(String dialect) {
    return switch (dialect) {
      case "anthropic" -> new AnthropicStreamState();
      case "openai_chat" -> new ChatStreamState();
      case "openai_responses" -> new ResponsesStreamState();
      default -> throw new IllegalArgumentException("unknown SSE dialect '" + dialect + "'");
    };
  }

  /**
   * Applies one event.
   *
   * @param event the event
   */
  public final void accept(SseEvent event) {
    events++;
    JsonNode data = null;
    if (!event.data().equals("[DONE]")) {
      try {
        data = JSON.readTree(event.data());
      } catch (java.io.IOException | RuntimeException notJson) {
        malformed++;
        return;
      }
      if (data == null || !data.isObject()) {
        malformed++;
        return;
      }
    }
    String type =
        event.event().isEmpty() && data != null ? data.path("type").asText("") : event.event();
    apply(type, data, event);
  }

  /**
   * @param type the event name (or the data's {@code type} when the event had none)
   * @param data the parsed data, {@code null} for {@code [DONE]}
   * @param event the raw event
   */
  protected abstract void apply(String type, JsonNode data, SseEvent event);

  /**
   * @return how many events could not be parsed
   */
  public long malformed() {
    return malformed;
  }

  /**
   * @return a snapshot
   */
  public StreamSummary summary() {
    return new StreamSummary(dialect, id, model, status, terminated, Map.copyOf(usage), events);
  }

  /** Max-merges the numeric fields of a usage object, flattening one level of details. */
  protected final void mergeUsage(JsonNode node) {
    if (node == null || !node.isObject()) {
      return;
    }
    node.properties()
        .forEach(
            field -> {
              JsonNode value = field.getValue();
              if (value.isIntegralNumber()) {
                usage.merge(field.getKey(), value.asLong(), Math::max);
              } else if (value.isObject()) {
                value
                    .properties()
                    .forEach(
                        inner -> {
                          if (inner.getValue().isIntegralNumber()) {
                            usage.merge(inner.getKey(), inner.getValue().asLong(), Math::max);
                          }
                        });
              }
            });
  }

  protected static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }
}
