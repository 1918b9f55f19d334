package dev.headroom.pipeline.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.compress.ProviderApi;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenAI Chat Completions: independent chunks, an optional usage chunk, then {@code [DONE]}; tool
 * calls arrive as indexed deltas.
 */
final class ChatCompletionsStream extends StreamFormat {

  private final Map<Integer, ObjectNode> calls = new TreeMap<>();
  private final StringBuilder text = new StringBuilder();

  ChatCompletionsStream() {
    super(ProviderApi.CHAT_COMPLETIONS);
  }

  @Override
  void summarise(String type, JsonNode data) {
    if (data.has("error")) {
      status("error", false);
      return;
    }
    identify(data);
    usage(data.get("usage"));
  }

  @Override
  void onDone() {
    status("done", true);
  }

  @Override
  public boolean startsToolCall(JsonNode data) {
    JsonNode calls = delta(data).path("tool_calls");
    return calls.isArray() && !calls.isEmpty();
  }

  @Override
  public void observe(JsonNode data, boolean relayed) {
    JsonNode delta = delta(data);
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

  /** Chunks carry no position in the stream: a continuation's go to the client as they are. */
  @Override
  public JsonNode inContinuation(JsonNode data) {
    return data;
  }

  @Override
  void startRound() {
    calls.clear();
    text.setLength(0);
  }

  private static JsonNode delta(JsonNode data) {
    return data.path("choices").path(0).path("delta");
  }
}
