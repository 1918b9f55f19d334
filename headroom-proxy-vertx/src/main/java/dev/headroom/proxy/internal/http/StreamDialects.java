package dev.headroom.proxy.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.compress.ProviderApi;
import dev.headroom.proxy.internal.sse.SseEvent;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link StreamedRetrievals} needs to know of each streaming format: where a tool call starts,
 * the model's turn rebuilt as a non-streamed response, and how a continuation's events are
 * renumbered so the client sees one well-formed stream.
 */
final class StreamDialects {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StreamDialects() {}

  /** One stream format; one instance per client stream (it keeps the round's state). */
  interface Dialect {
    /**
     * @return whether from this event on the events are held back
     */
    boolean startsToolCall(JsonNode data);

    /**
     * Sees every event of the round as the upstream sent it; {@code relayed}: it went to the
     * client.
     */
    void observe(JsonNode data, boolean relayed);

    /**
     * @return the round's model turn as a non-streamed response body
     */
    JsonNode reply();

    /**
     * @return a continuation's event as the client must see it, or {@code null} to drop it
     */
    JsonNode inContinuation(JsonNode data);

    /** Starts a new round (offsets into the client stream are kept). */
    void nextRound();
  }

  static Dialect of(ProviderApi api) {
    return switch (api) {
      case CHAT_COMPLETIONS -> new Chat();
      case ANTHROPIC_MESSAGES -> new Anthropic();
      case RESPONSES -> new Responses();
    };
  }

  static JsonNode parse(SseEvent event) {
    if (event.data().startsWith("[DONE]")) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(event.data());
    } catch (java.io.IOException | RuntimeException notJson) {
      return JSON.missingNode();
    }
  }

  /** Chat Completions: chunks are independent; tool calls arrive as indexed deltas. */
  static final class Chat implements Dialect {
    private final Map<Integer, ObjectNode> calls = new TreeMap<>();
    private final StringBuilder text = new StringBuilder();

    @Override
    public boolean startsToolCall(JsonNode data) {
      JsonNode calls = data.path("choices").path(0).path("delta").path("tool_calls");
      return calls.isArray() && !calls.isEmpty();
    }

    @Override
    public void observe(JsonNode data, boolean relayed) {
      JsonNode delta = data.path("choices").path(0).path("delta");
      if (delta.path("content").isTextual()) {
        text.append(delta.path("content").asText());
      }
      for (JsonNode call : delta.path("tool_calls")) {
        ObjectNode acc =
            calls.computeIfAbsent(
                call.path("index").asInt(0),
                i -> {
                  ObjectNode node = JSON.createObjectNode().put("type", "function");
                  node.putObject("function").put("name", "").put("arguments", "");
                  return node;
                });
        if (call.path("id").isTextual()) {
          acc.put("id", call.path("id").asText());
        }
        ObjectNode function = (ObjectNode) acc.get("function");
        JsonNode part = call.path("function");
        function.put("name", function.path("name").asText() + part.path("name").asText(""));
        function.put(
            "arguments", function.path("arguments").asText() + part.path("arguments").asText(""));
      }
    }

    @Override
    public JsonNode reply() {
      ObjectNode reply = JSON.createObjectNode();
      ObjectNode message =
          reply.putArray("choices").addObject().putObject("message").put("role", "assistant");
      if (text.length() > 0) {
        message.put("content", text.toString());
      } else {
        message.putNull("content");
      }
      ArrayNode toolCalls = message.putArray("tool_calls");
      calls.values().forEach(toolCalls::add);
      return reply;
    }

    @Override
    public JsonNode inContinuation(JsonNode data) {
      return data;
    }

    @Override
    public void nextRound() {
      calls.clear();
      text.setLength(0);
    }
  }

  /**
   * Anthropic Messages: one message_start, indexed content blocks; tool input arrives as JSON
   * fragments.
   */
  static final class Anthropic implements Dialect {
    private final Map<Integer, ObjectNode> blocks = new TreeMap<>();
    private final Map<Integer, StringBuilder> inputs = new TreeMap<>();
    private int relayedBlocks;
    private int offset;

    @Override
    public boolean startsToolCall(JsonNode data) {
      return "content_block_start".equals(data.path("type").asText())
          && "tool_use".equals(data.path("content_block").path("type").asText());
    }

    @Override
    public void observe(JsonNode data, boolean relayed) {
      String type = data.path("type").asText();
      int index = data.path("index").asInt(-1);
      if (type.equals("content_block_start")) {
        blocks.put(index, data.path("content_block").deepCopy());
        if (relayed) {
          relayedBlocks++;
        }
      } else if (type.equals("content_block_delta") && blocks.containsKey(index)) {
        JsonNode delta = data.path("delta");
        if (delta.path("text").isTextual()) {
          ObjectNode block = blocks.get(index);
          block.put("text", block.path("text").asText("") + delta.path("text").asText());
        } else if (delta.path("partial_json").isTextual()) {
          inputs
              .computeIfAbsent(index, i -> new StringBuilder())
              .append(delta.path("partial_json").asText());
        }
      }
    }

    @Override
    public JsonNode reply() {
      ObjectNode reply = JSON.createObjectNode();
      ArrayNode content = reply.putArray("content");
      blocks.forEach(
          (index, block) -> {
            if (inputs.containsKey(index)) {
              try {
                block.set("input", JSON.readTree(inputs.get(index).toString()));
              } catch (java.io.IOException bad) {
                block.putObject("input");
              }
            }
            content.add(block);
          });
      return reply;
    }

    @Override
    public JsonNode inContinuation(JsonNode data) {
      String type = data.path("type").asText();
      if (type.equals("message_start")) {
        return null;
      }
      if (data.has("index") && type.startsWith("content_block")) {
        return ((ObjectNode) data.deepCopy()).put("index", data.path("index").asInt() + offset);
      }
      return data;
    }

    @Override
    public void nextRound() {
      offset = relayedBlocks;
      blocks.clear();
      inputs.clear();
    }
  }

  /** Responses: the completed event carries the whole turn; items and events are numbered. */
  static final class Responses implements Dialect {
    private JsonNode completed = JSON.missingNode();
    private int relayedItems;
    private int offset;
    private long sequence = -1;

    @Override
    public boolean startsToolCall(JsonNode data) {
      return "response.output_item.added".equals(data.path("type").asText())
          && "function_call".equals(data.path("item").path("type").asText());
    }

    @Override
    public void observe(JsonNode data, boolean relayed) {
      String type = data.path("type").asText();
      if (type.equals("response.completed")) {
        completed = data.path("response");
      }
      if (relayed && type.equals("response.output_item.added")) {
        relayedItems++;
      }
      if (relayed && data.path("sequence_number").isNumber()) {
        sequence = Math.max(sequence, data.path("sequence_number").asLong());
      }
    }

    @Override
    public JsonNode reply() {
      return completed;
    }

    @Override
    public JsonNode inContinuation(JsonNode data) {
      String type = data.path("type").asText();
      if (type.equals("response.created") || type.equals("response.in_progress")) {
        return null;
      }
      ObjectNode copy = data.deepCopy();
      if (data.path("output_index").isNumber()) {
        copy.put("output_index", data.path("output_index").asInt() + offset);
      }
      if (data.path("sequence_number").isNumber()) {
        copy.put("sequence_number", ++sequence);
      }
      return copy;
    }

    @Override
    public void nextRound() {
      offset = relayedItems;
      completed = JSON.missingNode();
    }
  }
}
