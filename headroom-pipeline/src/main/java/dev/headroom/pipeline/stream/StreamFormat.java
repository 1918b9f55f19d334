package dev.headroom.pipeline.stream;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.headroom.compress.ProviderApi;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What Headroom knows of one wire format's event stream, read event by event: the summary (id,
 * model, status, whether it ended, usage) and the model's tool calls. One instance per stream: it
 * keeps the stream's state. A retrieval loop that answers the model's tool calls and relays the
 * continuation into the same client stream also asks it to rebuild the round's reply and to
 * renumber the continuation's events.
 *
 * <p>Malformed events are counted and skipped, never thrown. Not thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public abstract class StreamFormat {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ProviderApi api;
  private final Map<String, Long> roundUsage = new LinkedHashMap<>();
  private final Map<String, Long> earlierUsage = new LinkedHashMap<>();
  private String id = "";
  private String model = "";
  private String status = "open";
  private boolean terminated;
  private long events;
  private long malformed;

  StreamFormat(ProviderApi api) {
    this.api = api;
  }

  /**
   * @param api a request format
   * @return a fresh reader of that format's streams
   */
  public static StreamFormat of(ProviderApi api) {
    return switch (api) {
      case CHAT_COMPLETIONS -> new ChatCompletionsStream();
      case ANTHROPIC_MESSAGES -> new MessagesStream();
      case RESPONSES -> new ResponsesStream();
      case GEMINI, BEDROCK_CONVERSE -> new UsageStream(api);
    };
  }

  /**
   * Reads one event into the summary.
   *
   * @param event the event
   * @return its data as a tree; a missing node for {@code [DONE]} and for data that is not a JSON
   *     object
   */
  public final JsonNode accept(SseEvent event) {
    events++;
    if (event.data().startsWith("[DONE]")) {
      onDone();
      return MissingNode.getInstance();
    }
    JsonNode data;
    try {
      data = JSON.readTree(event.data());
    } catch (IOException | RuntimeException notJson) {
      malformed++;
      return MissingNode.getInstance();
    }
    if (data == null || !data.isObject()) {
      malformed++;
      return MissingNode.getInstance();
    }
    summarise(event.event().isEmpty() ? data.path("type").asText("") : event.event(), data);
    return data;
  }

  /**
   * @return what the stream said so far
   */
  public final StreamSummary summary() {
    Map<String, Long> usage = new LinkedHashMap<>(earlierUsage);
    roundUsage.forEach((name, count) -> usage.merge(name, count, Long::sum));
    return new StreamSummary(api, id, model, status, terminated, Map.copyOf(usage), events);
  }

  /**
   * @return how many events could not be read
   */
  public final long malformed() {
    return malformed;
  }

  /**
   * @param data an event's data, as {@link #accept} returned it
   * @return whether the model starts a tool call with this event
   */
  public abstract boolean startsToolCall(JsonNode data);

  /**
   * Keeps what the event adds to the model's turn (text, tool calls), for {@link #reply()}.
   *
   * @param data an event's data
   * @param relayed whether the event went to the client
   */
  public abstract void observe(JsonNode data, boolean relayed);

  /**
   * @return the round's model turn as the non-streamed response body would have carried it
   */
  public abstract JsonNode reply();

  /**
   * @param data an event of a continuation round
   * @return the event as the client must see it in the one stream it is reading (renumbered), or
   *     {@code null} to drop it (a second start of the message)
   */
  public abstract JsonNode inContinuation(JsonNode data);

  /**
   * Starts a new round of the same client stream: the usage so far is kept as billed, the round's
   * turn is forgotten, and offsets into the client stream are kept.
   */
  public final void nextRound() {
    roundUsage.forEach((name, count) -> earlierUsage.merge(name, count, Long::sum));
    roundUsage.clear();
    id = "";
    status = "open";
    terminated = false;
    startRound();
  }

  /** Forgets the round's turn; called by {@link #nextRound()}. */
  abstract void startRound();

  /**
   * Updates the summary from one event.
   *
   * @param type the event name, or the data's {@code type} when the event had none
   * @param data the data, a JSON object
   */
  abstract void summarise(String type, JsonNode data);

  /** The stream's {@code [DONE]} arrived. */
  void onDone() {
    // only Chat Completions ends this way
  }

  final void identify(JsonNode node) {
    if (id.isEmpty()) {
      id = text(node, "id");
    }
    if (model.isEmpty()) {
      model = text(node, "model");
    }
  }

  final void identifyAs(String responseId, String modelName) {
    if (id.isEmpty()) {
      id = responseId;
    }
    if (model.isEmpty()) {
      model = modelName;
    }
  }

  final void status(String value, boolean ends) {
    status = value;
    terminated = terminated || ends;
  }

  final void usage(JsonNode node) {
    Usage.merge(node, roundUsage);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }
}
