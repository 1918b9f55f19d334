package dev.headroom.pipeline;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/** Request bodies of a tool-calling conversation whose newest tool output is large. */
final class Bodies {

  private Bodies() {}

  /** 300 orders, one FAILED with a distinctive error. */
  static String orders(String prefix) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      boolean failed = i == 217;
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(prefix)
          .append(100000 + i)
          .append("\",\"customer\":\"cus_")
          .append(7000 + i % 40)
          .append("\",\"total\":")
          .append(10 + i % 90)
          .append(".50")
          .append(",\"status\":\"")
          .append(failed ? "FAILED" : "shipped")
          .append("\",\"note\":\"")
          .append(failed ? "card_declined: insufficient funds" : "ok")
          .append("\"}");
    }
    return json.append(']').toString();
  }

  static String quoted(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  /** Everything before the newest tool output's value. */
  static String chatPrefix() {
    return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"You are terse.\"},"
        + "{\"role\":\"user\",\"content\":\"Which order failed and why?\"},"
        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"list_orders\",\"arguments\":\"{}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":";
  }

  static byte[] chat(String toolOutput) {
    return (chatPrefix() + quoted(toolOutput) + "}]}").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] chat() {
    return chat(orders("ord_"));
  }
}
