package dev.headroom.proxy.internal.sse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI Responses streams: response.created … output items … response.completed/failed/incomplete.
 */
final class ResponsesStreamState extends StreamState {

  private long textDeltas;

  ResponsesStreamState() {
    super("openai_responses");
  }

  @Override
  protected void apply(String type, JsonNode data, SseEvent event) {
    if (data == null) {
      return;
    }
    switch (type) {
      case "response.created", "response.in_progress" -> remember(data.path("response"));
      case "response.output_text.delta" -> textDeltas++;
      case "response.completed", "response.failed", "response.incomplete" -> {
        JsonNode response = data.path("response");
        remember(response);
        status = type.substring("response.".length());
        terminated = true;
        mergeUsage(response.get("usage"));
      }
      case "error" -> status = "error";
      default -> {
        // output items, content parts, reasoning summaries: relayed, not summarised.
      }
    }
  }

  private void remember(JsonNode response) {
    if (id.isEmpty()) {
      id = text(response, "id");
    }
    if (model.isEmpty()) {
      model = text(response, "model");
    }
  }

  long textDeltas() {
    return textDeltas;
  }
}
