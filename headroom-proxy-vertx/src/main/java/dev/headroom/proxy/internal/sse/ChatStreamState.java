package dev.headroom.proxy.internal.sse;

import com.fasterxml.jackson.databind.JsonNode;

/** OpenAI Chat Completions streams: chunks, an optional usage chunk, then {@code [DONE]}. */
final class ChatStreamState extends StreamState {

  private String finishReason = "";

  ChatStreamState() {
    super("openai_chat");
  }

  @Override
  protected void apply(String type, JsonNode data, SseEvent event) {
    if (data == null) {
      status = "done";
      terminated = true;
      return;
    }
    if (data.has("error")) {
      status = "error";
      return;
    }
    if (id.isEmpty()) {
      id = text(data, "id");
    }
    if (model.isEmpty()) {
      model = text(data, "model");
    }
    for (JsonNode choice : data.path("choices")) {
      String reason = text(choice, "finish_reason");
      if (!reason.isEmpty()) {
        finishReason = reason;
      }
    }
    JsonNode usage = data.get("usage");
    if (usage != null && usage.isObject()) {
      mergeUsage(usage);
    }
  }

  String finishReason() {
    return finishReason;
  }
}
