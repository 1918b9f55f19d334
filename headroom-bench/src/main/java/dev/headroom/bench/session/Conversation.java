package dev.headroom.bench.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * An agent's side of a session: the history it resends every turn. Each turn the user asks a
 * question, the assistant calls a tool, the tool's output comes back, and that request goes to the
 * provider; its answer joins the history. Anthropic requests carry the marker layout of coding
 * agents (the system prompt and the last block of the last message marked {@code cache_control},
 * the earlier marks moved); OpenAI requests are the plain history.
 */
final class Conversation {

  static final String SYSTEM =
      "You are a coding agent. Use the tools to inspect the workspace, then answer briefly. "
          + "Quote identifiers exactly as the tools printed them. ".repeat(20);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean anthropic;
  private final ArrayNode history = JSON.createArrayNode();
  private int turn;

  /**
   * @param anthropic whether to build Anthropic Messages requests (else Chat Completions)
   */
  Conversation(boolean anthropic) {
    this.anthropic = anthropic;
    if (!anthropic) {
      history.addObject().put("role", "system").put("content", SYSTEM);
    }
  }

  /**
   * @param question the user's question
   * @param output the tool's output
   * @return the next request's body, the whole history included
   */
  byte[] next(String question, String output) {
    turn++;
    String id = "call_" + turn;
    if (anthropic) {
      history
          .addObject()
          .put("role", "user")
          .putArray("content")
          .addObject()
          .put("type", "text")
          .put("text", question);
      ObjectNode call =
          history.addObject().put("role", "assistant").putArray("content").addObject();
      call.put("type", "tool_use")
          .put("id", id)
          .put("name", "workspace")
          .putObject("input")
          .put("step", turn);
      history
          .addObject()
          .put("role", "user")
          .putArray("content")
          .addObject()
          .put("type", "tool_result")
          .put("tool_use_id", id)
          .put("content", output);
    } else {
      history.addObject().put("role", "user").put("content", question);
      ObjectNode call = history.addObject().put("role", "assistant");
      call.putNull("content");
      ObjectNode tool =
          call.putArray("tool_calls").addObject().put("id", id).put("type", "function");
      tool.putObject("function")
          .put("name", "workspace")
          .put("arguments", "{\"step\":" + turn + "}");
      history.addObject().put("role", "tool").put("tool_call_id", id).put("content", output);
    }
    return body();
  }

  /**
   * @param answer the provider's answer to the last request, which joins the history
   */
  void answered(String answer) {
    if (anthropic) {
      history
          .addObject()
          .put("role", "assistant")
          .putArray("content")
          .addObject()
          .put("type", "text")
          .put("text", answer);
    } else {
      history.addObject().put("role", "assistant").put("content", answer);
    }
  }

  private byte[] body() {
    ObjectNode request = JSON.createObjectNode();
    if (anthropic) {
      request.put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
      ObjectNode system =
          request.putArray("system").addObject().put("type", "text").put("text", SYSTEM);
      system.putObject("cache_control").put("type", "ephemeral");
      ArrayNode tools = request.putArray("tools");
      ObjectNode tool =
          tools
              .addObject()
              .put("name", "workspace")
              .put("description", "Runs one step of the task.");
      tool.putObject("input_schema").put("type", "object");
      ArrayNode messages = history.deepCopy();
      ArrayNode last = (ArrayNode) messages.get(messages.size() - 1).get("content");
      ((ObjectNode) last.get(last.size() - 1)).putObject("cache_control").put("type", "ephemeral");
      request.set("messages", messages);
    } else {
      request.put("model", "gpt-4o");
      ObjectNode tool = request.putArray("tools").addObject().put("type", "function");
      tool.putObject("function")
          .put("name", "workspace")
          .put("description", "Runs one step of the task.")
          .putObject("parameters")
          .put("type", "object");
      request.set("messages", history.deepCopy());
    }
    return request.toString().getBytes(StandardCharsets.UTF_8);
  }
}
