package dev.headroom.proxy.internal.sse;

import com.fasterxml.jackson.databind.JsonNode;

/** Anthropic Messages streams: message_start … content blocks … message_delta, message_stop. */
final class AnthropicStreamState extends StreamState {

  private long textChars;
  private String stopReason = "";

  AnthropicStreamState() {
    super("anthropic");
  }

  @Override
  protected void apply(String type, JsonNode data, SseEvent event) {
    if (data == null) {
      return;
    }
    switch (type) {
      case "message_start" -> {
        JsonNode message = data.path("message");
        if (id.isEmpty()) {
          id = text(message, "id");
        }
        if (model.isEmpty()) {
          model = text(message, "model");
        }
        mergeUsage(message.get("usage"));
      }
      case "content_block_delta" -> {
        JsonNode delta = data.path("delta");
        String text = text(delta, "text");
        textChars += text.length();
      }
      case "message_delta" -> {
        String reason = text(data.path("delta"), "stop_reason");
        if (!reason.isEmpty()) {
          stopReason = reason;
        }
        mergeUsage(data.get("usage"));
      }
      case "message_stop" -> {
        status = "message_stop";
        terminated = true;
      }
      case "error" -> {
        status = "error";
        terminated = true;
      }
      default -> {
        // ping, content_block_start/stop and future events carry nothing we summarise.
      }
    }
  }

  long textChars() {
    return textChars;
  }

  String stopReason() {
    return stopReason;
  }
}
