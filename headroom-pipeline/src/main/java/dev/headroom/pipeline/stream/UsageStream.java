package dev.headroom.pipeline.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.headroom.compress.ProviderApi;
import java.util.Locale;

/**
 * The streams the proxy relays but never continues (no retrieval loop on these formats): each event
 * is read for its usage and end only. Gemini's {@code alt=sse} chunks carry {@code usageMetadata}
 * and, on the last, a candidate's {@code finishReason}; Bedrock's {@code metadata} event carries
 * {@code usage}.
 */
final class UsageStream extends StreamFormat {

  UsageStream(ProviderApi api) {
    super(api);
  }

  @Override
  void summarise(String type, JsonNode data) {
    if (data.has("responseId") || data.has("modelVersion")) {
      identifyAs(text(data, "responseId"), text(data, "modelVersion"));
    }
    usage(data.get("usageMetadata"));
    usage(data.get("usage"));
    usage(data.path("metadata").get("usage"));
    JsonNode candidates = data.path("candidates");
    if (candidates.isArray() && !candidates.isEmpty()) {
      String reason = text(candidates.get(0), "finishReason");
      if (!reason.isEmpty()) {
        status(reason.equals("STOP") ? "completed" : reason.toLowerCase(Locale.ROOT), true);
      }
    }
    // Bedrock's event streams name the event in a header: the payload is the event itself.
    String stop =
        type.equals("messageStop")
            ? text(data, "stopReason")
            : text(data.path("messageStop"), "stopReason");
    if (!stop.isEmpty()) {
      status(stop, true);
    }
  }

  @Override
  public boolean startsToolCall(JsonNode data) {
    return false;
  }

  @Override
  public void observe(JsonNode data, boolean relayed) {
    // nothing is rebuilt: these streams are never continued
  }

  @Override
  public JsonNode reply() {
    return JsonNodeFactory.instance.objectNode();
  }

  @Override
  public JsonNode inContinuation(JsonNode data) {
    return data;
  }

  @Override
  void startRound() {
    // nothing kept per round
  }
}
