package dev.headroom.spring;

import dev.headroom.client.FakeUpstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI and Anthropic on 127.0.0.1, as far as a tool-calling conversation needs them: the first
 * request gets a call of {@code listOrders}, the one carrying its result gets the failed order the
 * model finds in what it was sent — blocking, or streamed when the request asks for a stream.
 */
final class FakeProviders {

  /** The fake model answers with the failed order it finds in what it was sent. */
  private static final Pattern FAILED = Pattern.compile("(ord_\\d+)[^{}\\n]*FAILED");

  private static final Pattern TOOL_MESSAGE = Pattern.compile("\"role\"\\s*:\\s*\"tool\"");
  private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");

  static final FakeUpstream OPENAI = start(FakeProviders::openAi);
  static final FakeUpstream ANTHROPIC = start(FakeProviders::anthropic);

  private FakeProviders() {}

  private static FakeUpstream start(java.util.function.Function<String, String[]> answer) {
    try {
      return new FakeUpstream(answer);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  static String answerFor(String body) {
    Matcher failed = FAILED.matcher(body.replace("\\\"", "\""));
    return failed.find() ? failed.group(1) + " failed" : "no failure found";
  }

  private static String[] openAi(String body) {
    boolean stream = STREAM.matcher(body).find();
    if (!TOOL_MESSAGE.matcher(body).find()) {
      if (stream) {
        return new String[] {
          "text/event-stream",
          chunk(
                  "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                      + "\"type\":\"function\",\"function\":{\"name\":\"listOrders\",\"arguments\":\"\"}}]}",
                  "null")
              + chunk(
                  "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}", "null")
              + chunk("{}", "\"tool_calls\"")
              + "data: [DONE]\n\n"
        };
      }
      return new String[] {
        "application/json",
        "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
            + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"listOrders\",\"arguments\":\"{}\"}}]},"
            + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":5,\"total_tokens\":45}}"
      };
    }
    String answer = answerFor(body);
    if (stream) {
      return new String[] {
        "text/event-stream",
        chunk("{\"role\":\"assistant\",\"content\":\"" + answer + "\"}", "null")
            + chunk("{}", "\"stop\"")
            + "data: [DONE]\n\n"
      };
    }
    return new String[] {
      "application/json",
      "{\"id\":\"c2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
          + answer
          + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":300,\"completion_tokens\":4,\"total_tokens\":304}}"
    };
  }

  private static String chunk(String delta, String finishReason) {
    return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
        + "\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finishReason
        + "}]}\n\n";
  }

  private static String[] anthropic(String body) {
    boolean stream = STREAM.matcher(body).find();
    if (!body.contains("\"tool_result\"")) {
      if (stream) {
        return new String[] {
          "text/event-stream",
          messageStart()
              + event(
                  "content_block_start",
                  "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
                      + "\"id\":\"toolu_1\",\"name\":\"listOrders\",\"input\":{}}}")
              + event(
                  "content_block_delta",
                  "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
                      + "\"partial_json\":\"{}\"}}")
              + messageEnd("tool_use")
        };
      }
      return new String[] {
        "application/json",
        "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
            + "\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"listOrders\",\"input\":{}}],"
            + "\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":40,\"output_tokens\":5}}"
      };
    }
    String answer = answerFor(body);
    if (stream) {
      return new String[] {
        "text/event-stream",
        messageStart()
            + event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
            + event(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
                    + answer
                    + "\"}}")
            + messageEnd("end_turn")
      };
    }
    return new String[] {
      "application/json",
      "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
          + "\"content\":[{\"type\":\"text\",\"text\":\""
          + answer
          + "\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":300,\"output_tokens\":4}}"
    };
  }

  private static String messageStart() {
    return event(
        "message_start",
        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_s\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
            + "\"usage\":{\"input_tokens\":300,\"output_tokens\":1}}}");
  }

  private static String messageEnd(String stopReason) {
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
        + event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":4}}")
        + event("message_stop", "{\"type\":\"message_stop\"}");
  }

  private static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }
}
