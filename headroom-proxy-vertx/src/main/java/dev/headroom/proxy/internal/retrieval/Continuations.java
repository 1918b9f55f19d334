package dev.headroom.proxy.internal.retrieval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.compress.ProviderApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The next request of a conversation whose model asked only for {@code headroom_retrieve} calls:
 * the request as sent, plus the model's turn, plus one tool result per call, in the provider's
 * shape. A response that also calls any other tool, or none, has no continuation: it goes to the
 * client.
 */
@API(status = INTERNAL, since = "0.1")
public final class Continuations {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{8,64}");

  private Continuations() {}

  /**
   * @param api the request format
   * @param sent the request body the upstream answered
   * @param response the upstream's (non-streamed, successful) response body
   * @param answer the tool result for a hash (the original, or why there is none)
   * @return the continuation request body, or empty when the response goes to the client as is
   */
  public static Optional<byte[]> next(
      ProviderApi api, byte[] sent, byte[] response, Function<String, String> answer) {
    try {
      JsonNode reply = JSON.readTree(response);
      JsonNode request = JSON.readTree(sent);
      if (reply == null || !reply.isObject() || request == null || !request.isObject()) {
        return Optional.empty();
      }
      ObjectNode next = (ObjectNode) request;
      boolean continued =
          switch (api) {
            case CHAT_COMPLETIONS -> chat(reply, next, answer);
            case RESPONSES -> responses(reply, next, answer);
            case ANTHROPIC_MESSAGES -> anthropic(reply, next, answer);
            case GEMINI, BEDROCK_CONVERSE -> false;
          };
      return continued ? Optional.of(JSON.writeValueAsBytes(next)) : Optional.empty();
    } catch (IOException | RuntimeException notJson) {
      return Optional.empty();
    }
  }

  private static boolean chat(JsonNode reply, ObjectNode next, Function<String, String> answer)
      throws IOException {
    JsonNode choices = reply.path("choices");
    if (choices.size() != 1 || !next.path("messages").isArray()) {
      return false;
    }
    JsonNode message = choices.get(0).path("message");
    JsonNode toolCalls = message.path("tool_calls");
    if (!toolCalls.isArray()) {
      return false;
    }
    List<JsonNode> calls =
        onlyRetrievals(toolCalls, call -> call.path("function").path("name").asText(""));
    if (calls.isEmpty()) {
      return false;
    }
    ArrayNode messages = (ArrayNode) next.get("messages");
    messages.add(message);
    for (JsonNode call : calls) {
      String hash = hashOf(JSON.readTree(call.path("function").path("arguments").asText("{}")));
      messages
          .addObject()
          .put("role", "tool")
          .put("tool_call_id", call.path("id").asText())
          .put("content", answer.apply(hash));
    }
    return true;
  }

  private static boolean responses(JsonNode reply, ObjectNode next, Function<String, String> answer)
      throws IOException {
    JsonNode output = reply.path("output");
    List<JsonNode> calls =
        onlyRetrievals(ofType(output, "function_call"), call -> call.path("name").asText(""));
    if (calls.isEmpty()) {
      return false;
    }
    JsonNode input = next.path("input");
    ArrayNode items;
    if (input.isArray()) {
      items = (ArrayNode) input;
    } else {
      items = next.arrayNode();
      if (input.isTextual()) {
        items.addObject().put("role", "user").put("content", input.asText());
      }
      next.set("input", items);
    }
    output.forEach(items::add);
    for (JsonNode call : calls) {
      String hash = hashOf(JSON.readTree(call.path("arguments").asText("{}")));
      items
          .addObject()
          .put("type", "function_call_output")
          .put("call_id", call.path("call_id").asText())
          .put("output", answer.apply(hash));
    }
    return true;
  }

  private static boolean anthropic(
      JsonNode reply, ObjectNode next, Function<String, String> answer) {
    JsonNode content = reply.path("content");
    List<JsonNode> calls =
        onlyRetrievals(ofType(content, "tool_use"), call -> call.path("name").asText(""));
    if (calls.isEmpty() || !next.path("messages").isArray()) {
      return false;
    }
    ArrayNode messages = (ArrayNode) next.get("messages");
    messages.addObject().put("role", "assistant").set("content", content);
    ArrayNode results = messages.addObject().put("role", "user").putArray("content");
    for (JsonNode call : calls) {
      results
          .addObject()
          .put("type", "tool_result")
          .put("tool_use_id", call.path("id").asText())
          .put("content", answer.apply(hashOf(call.path("input"))));
    }
    return true;
  }

  /** The items of an array whose {@code type} is {@code type}. */
  private static List<JsonNode> ofType(JsonNode items, String type) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode item : items) {
      if (type.equals(item.path("type").asText())) {
        out.add(item);
      }
    }
    return out;
  }

  /** All the calls, when every one of them is a retrieval; else none. */
  private static List<JsonNode> onlyRetrievals(
      Iterable<JsonNode> calls, Function<JsonNode, String> name) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode call : calls) {
      if (!RetrieveTools.NAME.equals(name.apply(call))) {
        return List.of();
      }
      out.add(call);
    }
    return out;
  }

  /** The hash argument; a model that passes the whole marker is forgiven. */
  static String hashOf(JsonNode arguments) {
    Matcher m = HASH.matcher(arguments.path("hash").asText("").toLowerCase(Locale.ROOT));
    return m.find() ? m.group() : "";
  }
}
