package dev.headroom.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Scripted SSE streams of a model that first calls headroom_retrieve, then answers. */
final class StreamScripts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StreamScripts() {}

  private static String event(String name, ObjectNode data) {
    return (name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n";
  }

  private static ObjectNode typed(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  static String retrieval(RetrievalConversationTest.Api api, String hash) {
    String arguments = "{\"hash\":\"" + hash + "\"}";
    return switch (api) {
      case CHAT -> {
        ObjectNode role = JSON.createObjectNode().put("id", "c1");
        role.putArray("choices")
            .addObject()
            .put("index", 0)
            .putObject("delta")
            .put("role", "assistant")
            .put("content", "Let me look. ");
        ObjectNode call = JSON.createObjectNode().put("id", "c1");
        ObjectNode tc =
            call.putArray("choices")
                .addObject()
                .put("index", 0)
                .putObject("delta")
                .putArray("tool_calls")
                .addObject()
                .put("index", 0)
                .put("id", "call_0")
                .put("type", "function");
        tc.putObject("function")
            .put("name", "headroom_retrieve")
            .put("arguments", arguments.substring(0, 8));
        ObjectNode rest = JSON.createObjectNode().put("id", "c1");
        ObjectNode choice =
            rest.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls");
        choice
            .putObject("delta")
            .putArray("tool_calls")
            .addObject()
            .put("index", 0)
            .putObject("function")
            .put("arguments", arguments.substring(8));
        yield event(null, role) + event(null, call) + event(null, rest) + "data: [DONE]\n\n";
      }
      case ANTHROPIC -> {
        ObjectNode start = typed("message_start");
        start.putObject("message").put("id", "msg_1").put("role", "assistant").putArray("content");
        ObjectNode text = typed("content_block_start").put("index", 0);
        text.putObject("content_block").put("type", "text").put("text", "");
        ObjectNode textDelta = typed("content_block_delta").put("index", 0);
        textDelta.putObject("delta").put("type", "text_delta").put("text", "Let me look. ");
        ObjectNode tool = typed("content_block_start").put("index", 1);
        tool.putObject("content_block")
            .put("type", "tool_use")
            .put("id", "call_0")
            .put("name", "headroom_retrieve")
            .putObject("input");
        ObjectNode part1 = typed("content_block_delta").put("index", 1);
        part1
            .putObject("delta")
            .put("type", "input_json_delta")
            .put("partial_json", arguments.substring(0, 8));
        ObjectNode part2 = typed("content_block_delta").put("index", 1);
        part2
            .putObject("delta")
            .put("type", "input_json_delta")
            .put("partial_json", arguments.substring(8));
        ObjectNode end = typed("message_delta");
        end.putObject("delta").put("stop_reason", "tool_use");
        yield event("message_start", start)
            + event("content_block_start", text)
            + event("content_block_delta", textDelta)
            + event("content_block_stop", typed("content_block_stop").put("index", 0))
            + event("content_block_start", tool)
            + event("content_block_delta", part1)
            + event("content_block_delta", part2)
            + event("content_block_stop", typed("content_block_stop").put("index", 1))
            + event("message_delta", end)
            + event("message_stop", typed("message_stop"));
      }
      case RESPONSES -> {
        ObjectNode created = typed("response.created").put("sequence_number", 0);
        created
            .putObject("response")
            .put("id", "resp_1")
            .put("status", "in_progress")
            .putArray("output");
        ObjectNode item =
            JSON.createObjectNode()
                .put("type", "function_call")
                .put("id", "fc_0")
                .put("call_id", "call_0")
                .put("name", "headroom_retrieve")
                .put("arguments", arguments);
        ObjectNode added =
            typed("response.output_item.added").put("sequence_number", 1).put("output_index", 0);
        added.set("item", item.deepCopy().put("arguments", ""));
        ObjectNode delta =
            typed("response.function_call_arguments.delta")
                .put("sequence_number", 2)
                .put("output_index", 0)
                .put("item_id", "fc_0")
                .put("delta", arguments);
        ObjectNode doneItem =
            typed("response.output_item.done").put("sequence_number", 3).put("output_index", 0);
        doneItem.set("item", item);
        ObjectNode completed = typed("response.completed").put("sequence_number", 4);
        completed
            .putObject("response")
            .put("id", "resp_1")
            .put("status", "completed")
            .putArray("output")
            .add(item);
        yield event("response.created", created)
            + event("response.output_item.added", added)
            + event("response.function_call_arguments.delta", delta)
            + event("response.output_item.done", doneItem)
            + event("response.completed", completed);
      }
    };
  }

  static String answer(RetrievalConversationTest.Api api) {
    return switch (api) {
      case CHAT -> {
        ObjectNode first = JSON.createObjectNode().put("id", "c2");
        first
            .putArray("choices")
            .addObject()
            .put("index", 0)
            .putObject("delta")
            .put("role", "assistant")
            .put("content", "FINAL: ");
        ObjectNode second = JSON.createObjectNode().put("id", "c2");
        second
            .putArray("choices")
            .addObject()
            .put("index", 0)
            .put("finish_reason", "stop")
            .putObject("delta")
            .put("content", "ord_100042 shipped");
        yield event(null, first) + event(null, second) + "data: [DONE]\n\n";
      }
      case ANTHROPIC -> {
        ObjectNode start = typed("message_start");
        start.putObject("message").put("id", "msg_2").put("role", "assistant").putArray("content");
        ObjectNode text = typed("content_block_start").put("index", 0);
        text.putObject("content_block").put("type", "text").put("text", "");
        ObjectNode d1 = typed("content_block_delta").put("index", 0);
        d1.putObject("delta").put("type", "text_delta").put("text", "FINAL: ");
        ObjectNode d2 = typed("content_block_delta").put("index", 0);
        d2.putObject("delta").put("type", "text_delta").put("text", "ord_100042 shipped");
        ObjectNode end = typed("message_delta");
        end.putObject("delta").put("stop_reason", "end_turn");
        yield event("message_start", start)
            + event("content_block_start", text)
            + event("content_block_delta", d1)
            + event("content_block_delta", d2)
            + event("content_block_stop", typed("content_block_stop").put("index", 0))
            + event("message_delta", end)
            + event("message_stop", typed("message_stop"));
      }
      case RESPONSES -> {
        ObjectNode created = typed("response.created").put("sequence_number", 0);
        created
            .putObject("response")
            .put("id", "resp_2")
            .put("status", "in_progress")
            .putArray("output");
        ObjectNode added =
            typed("response.output_item.added").put("sequence_number", 1).put("output_index", 0);
        added
            .putObject("item")
            .put("type", "message")
            .put("id", "msg_0")
            .put("role", "assistant")
            .putArray("content");
        ObjectNode d1 =
            typed("response.output_text.delta")
                .put("sequence_number", 2)
                .put("output_index", 0)
                .put("delta", "FINAL: ");
        ObjectNode d2 =
            typed("response.output_text.delta")
                .put("sequence_number", 3)
                .put("output_index", 0)
                .put("delta", "ord_100042 shipped");
        ObjectNode completed = typed("response.completed").put("sequence_number", 4);
        completed
            .putObject("response")
            .put("id", "resp_2")
            .put("status", "completed")
            .putArray("output");
        yield event("response.created", created)
            + event("response.output_item.added", added)
            + event("response.output_text.delta", d1)
            + event("response.output_text.delta", d2)
            + event("response.completed", completed);
      }
    };
  }
}
