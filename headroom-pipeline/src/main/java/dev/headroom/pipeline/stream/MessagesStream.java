package dev.headroom.pipeline.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.compress.ProviderApi;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Anthropic Messages: {@code message_start}, indexed content blocks, {@code message_delta}, {@code
 * message_stop}; a tool's input arrives as JSON fragments.
 */
final class MessagesStream extends StreamFormat {

  private final Map<Integer, ObjectNode> blocks = new TreeMap<>();
  private final Map<Integer, StringBuilder> inputs = new TreeMap<>();
  private int relayedBlocks;
  private int offset;

  MessagesStream() {
    super(ProviderApi.ANTHROPIC_MESSAGES);
  }

  @Override
  void summarise(String type, JsonNode data) {
    switch (type) {
      case "message_start" -> {
        JsonNode message = data.path("message");
        identify(message);
        usage(message.get("usage"));
      }
      case "message_delta" -> usage(data.get("usage"));
      case "message_stop" -> status("message_stop", true);
      case "error" -> status("error", true);
      default -> {
        // ping, content blocks and future events carry nothing the summary needs
      }
    }
  }

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
            } catch (IOException bad) {
              block.putObject("input");
            }
          }
          content.add(block);
        });
    return reply;
  }

  /** One message per client stream: no second start; blocks numbered after those already sent. */
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
  void startRound() {
    offset = relayedBlocks;
    blocks.clear();
    inputs.clear();
  }
}
