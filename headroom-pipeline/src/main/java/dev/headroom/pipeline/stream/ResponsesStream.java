package dev.headroom.pipeline.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.compress.ProviderApi;

/**
 * OpenAI Responses: {@code response.created} … output items … {@code response.completed}, {@code
 * failed} or {@code incomplete}, whose response carries the whole turn; items and events are
 * numbered.
 */
final class ResponsesStream extends StreamFormat {

  private JsonNode completed = MissingNode.getInstance();
  private int relayedItems;
  private int offset;
  private long sequence = -1;

  ResponsesStream() {
    super(ProviderApi.RESPONSES);
  }

  @Override
  void summarise(String type, JsonNode data) {
    switch (type) {
      case "response.created", "response.in_progress" -> identify(data.path("response"));
      case "response.completed", "response.failed", "response.incomplete" -> {
        JsonNode response = data.path("response");
        identify(response);
        status(type.substring("response.".length()), true);
        usage(response.get("usage"));
      }
      case "error" -> status("error", false);
      default -> {
        // output items, content parts, reasoning summaries: relayed, not summarised
      }
    }
  }

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

  /** One response per client stream: no second creation; items and events numbered on. */
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
  void startRound() {
    offset = relayedItems;
    completed = MissingNode.getInstance();
  }
}
