package dev.headroom.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineStage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Ready-made request events, shaped like real provider traffic, each with a large tool output.
 * Every call builds the same event again: results are deterministic.
 */
@API(status = STABLE, since = "0.1")
public final class SampleEvents {

  private SampleEvents() {}

  /** An OpenAI Chat Completions request whose latest tool output is a JSON array of 200 records. */
  public static PipelineEvent chat() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", "gpt-4o");
    payload.put(
        "messages",
        List.of(
            message("system", "You are a support agent. Be brief."),
            message(
                "user", "Which orders failed yesterday? My key is sk-test-EXAMPLE0000000000000000"),
            Map.of(
                "role",
                "assistant",
                "content",
                "",
                "tool_calls",
                List.of(
                    Map.of(
                        "id",
                        "call_1",
                        "type",
                        "function",
                        "function",
                        Map.of("name", "list_orders", "arguments", "{\"day\":\"yesterday\"}")))),
            Map.of("role", "tool", "tool_call_id", "call_1", "content", ordersJson(200))));
    payload.put(
        "tools",
        List.of(
            Map.of(
                "type",
                "function",
                "function",
                Map.of("name", "list_orders", "parameters", Map.of("type", "object")))));
    payload.put("stream", false);
    return event("openai", "gpt-4o", payload);
  }

  /**
   * An Anthropic Messages request whose latest user turn carries a long log as a {@code
   * tool_result}.
   */
  public static PipelineEvent anthropic() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", "claude-sonnet-4-5");
    payload.put("max_tokens", 1024);
    payload.put(
        "system",
        List.of(
            Map.of(
                "type",
                "text",
                "text",
                "You debug CI.",
                "cache_control",
                Map.of("type", "ephemeral"))));
    payload.put(
        "messages",
        List.of(
            message("user", "Why did the build fail?"),
            Map.of(
                "role",
                "assistant",
                "content",
                List.of(
                    Map.of(
                        "type",
                        "tool_use",
                        "id",
                        "toolu_1",
                        "name",
                        "read_log",
                        "input",
                        Map.of("job", "build")))),
            Map.of(
                "role",
                "user",
                "content",
                List.of(
                    Map.of(
                        "type",
                        "tool_result",
                        "tool_use_id",
                        "toolu_1",
                        "content",
                        buildLog(400))))));
    return event("anthropic", "claude-sonnet-4-5", payload);
  }

  /**
   * An OpenAI Responses request whose current turn has a {@code function_call_output} of grep hits.
   */
  public static PipelineEvent responses() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", "gpt-5");
    payload.put(
        "input",
        List.of(
            Map.of(
                "type", "message", "role", "user", "content", "Where is retryPolicy configured?"),
            Map.of(
                "type",
                "function_call",
                "call_id",
                "fc_1",
                "name",
                "grep",
                "arguments",
                "{\"pattern\":\"retryPolicy\"}"),
            Map.of("type", "function_call_output", "call_id", "fc_1", "output", grepHits(300))));
    payload.put("tools", List.of(Map.of("type", "function", "name", "grep")));
    return event("openai", "gpt-5", payload);
  }

  /** A request with an empty payload: no model, no messages. */
  public static PipelineEvent empty() {
    return event("", "", Map.of());
  }

  /** A chat request whose tool output is about 1 MiB. */
  public static PipelineEvent huge() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", "gpt-4o");
    payload.put(
        "messages",
        List.of(
            message("user", "summarise"),
            Map.of("role", "tool", "tool_call_id", "call_big", "content", ordersJson(9500))));
    return event("openai", "gpt-4o", payload);
  }

  /** Text from many scripts, emoji outside the BMP, a NUL and escapes that trip naive code. */
  public static PipelineEvent unicode() {
    String text =
        "naïve café — 日本語のログ — עברית — 🙂🚀 — \u0000 — \\u00e9 — \"quoted\" — \t\r\n — \uD83D\uDE00";
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", "gpt-4o");
    payload.put(
        "messages",
        List.of(
            message("user", text),
            Map.of("role", "tool", "tool_call_id", "c", "content", text.repeat(50))));
    return event("openai", "gpt-4o", payload);
  }

  /**
   * Valid JSON in shapes an extension may not expect: messages that are not a list, {@code null}
   * contents, content arrays with image parts, huge and exact numbers, deep nesting.
   */
  public static PipelineEvent odd() {
    Map<String, Object> deep = new LinkedHashMap<>();
    Map<String, Object> cursor = deep;
    for (int i = 0; i < 64; i++) {
      Map<String, Object> next = new LinkedHashMap<>();
      cursor.put("level" + i, next);
      cursor = next;
    }
    List<Object> messages = new ArrayList<>();
    messages.add(
        Map.of(
            "role",
            "user",
            "content",
            List.of(
                Map.of("type", "text", "text", "what is in this picture?"),
                Map.of(
                    "type",
                    "image_url",
                    "image_url",
                    Map.of("url", "data:image/png;base64,iVBORw0KGgo=")))));
    Map<String, Object> nullContent = new LinkedHashMap<>();
    nullContent.put("role", "assistant");
    nullContent.put("content", null);
    messages.add(nullContent);
    messages.add("not an object");
    messages.add(42);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", 7);
    payload.put("messages", messages);
    payload.put("tools", "not a list");
    payload.put("n", new BigInteger("123456789012345678901234567890"));
    payload.put("temperature", new BigDecimal("0.1000000000000000055511151231257827"));
    payload.put("deep", deep);
    return event("openai", "", payload);
  }

  /** Every sample, for checks that must hold on all of them. */
  public static List<PipelineEvent> all() {
    return List.of(chat(), anthropic(), responses(), empty(), huge(), unicode(), odd());
  }

  private static PipelineEvent event(String provider, String model, Map<String, ?> payload) {
    return PipelineEvent.builder(PipelineStage.INPUT_RECEIVED, "proxy.request")
        .requestId("hr_sample")
        .provider(provider)
        .model(model)
        .payload(payload)
        .headers(
            Map.of(
                "content-type",
                "application/json",
                "authorization",
                "Bearer sk-test-EXAMPLE0000000000000000"))
        .build();
  }

  private static Map<String, Object> message(String role, String content) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", role);
    message.put("content", content);
    return message;
  }

  private static String ordersJson(int rows) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < rows; i++) {
      String status = i % 37 == 5 ? "FAILED" : "shipped";
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"ord_")
          .append(100000 + i)
          .append("\",\"customer\":\"cus_")
          .append(7000 + i % 50)
          .append("\",\"total\":")
          .append(10 + i % 90)
          .append(".50")
          .append(",\"status\":\"")
          .append(status)
          .append("\",\"created_at\":\"2026-11-20T")
          .append(String.format("%02d:%02d:00Z", i % 24, i % 60))
          .append("\"}");
    }
    return json.append(']').toString();
  }

  private static String buildLog(int lines) {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      if (i == lines - 20) {
        log.append(
            "[ERROR] Tests run: 212, Failures: 1, Errors: 0 -- OrderServiceTests.refundsPartialOrders\n");
      }
      log.append("[INFO] Compiling module ")
          .append(i % 13)
          .append(" of 13: ")
          .append(i * 7)
          .append(" files\n");
    }
    return log.toString();
  }

  private static String grepHits(int hits) {
    StringBuilder grep = new StringBuilder();
    for (int i = 0; i < hits; i++) {
      grep.append("src/main/java/com/acme/svc")
          .append(i % 17)
          .append("/Client.java:")
          .append(40 + i)
          .append(":    .timeout(Duration.ofSeconds(")
          .append(i % 30)
          .append("))\n");
    }
    grep.append("src/main/resources/application.yaml:12:  retryPolicy: exponential\n");
    return grep.toString();
  }
}
