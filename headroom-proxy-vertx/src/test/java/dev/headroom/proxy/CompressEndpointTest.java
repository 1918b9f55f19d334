package dev.headroom.proxy;

import static dev.headroom.proxy.LiveZoneCompressionTest.orders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /v1/compress} as the gateways that call it send it (LiteLLM's guardrail: {@code
 * {"messages","model"}} with {@code Authorization: Bearer}; the original's clients: {@code
 * token_budget} and {@code config}), answered field for field as the original answers, with no
 * provider call.
 */
class CompressEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "Bearer hr-litellm-key";

  private static ProxyFixture proxy() {
    return ProxyFixture.asConfigured(b -> b.compressionBudget(Duration.ofSeconds(10)));
  }

  /** A LiteLLM-shaped chat history whose newest message is a large tool output. */
  private static ArrayNode chatHistory() {
    ArrayNode messages = JSON.createArrayNode();
    messages.addObject().put("role", "system").put("content", "You are a support agent.");
    messages
        .addObject()
        .put("role", "user")
        .put("content", "What happened to ord_100123, and did any order fail?");
    ObjectNode call = messages.addObject().put("role", "assistant");
    call.putNull("content");
    ObjectNode toolCall = call.putArray("tool_calls").addObject().put("id", "call_1");
    toolCall.put("type", "function");
    toolCall.putObject("function").put("name", "list_orders").put("arguments", "{}");
    messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", orders());
    return messages;
  }

  private static JsonNode post(ProxyFixture fx, ObjectNode body, String... headers)
      throws Exception {
    Tests.Reply reply = fx.post("/v1/compress", JSON.writeValueAsString(body), headers);
    JsonNode answer = JSON.readTree(reply.body());
    ((ObjectNode) answer).put("_status", reply.status());
    return answer;
  }

  private static ObjectNode request(ArrayNode messages, String model) {
    ObjectNode body = JSON.createObjectNode();
    body.set("messages", messages);
    if (model != null) {
      body.put("model", model);
    }
    return body;
  }

  @Test
  void liteLlmsRequestGetsTheOriginalsAnswerAndNothingGoesUpstream() throws Exception {
    try (ProxyFixture fx = proxy()) {
      ArrayNode messages = chatHistory();
      JsonNode answer =
          post(
              fx,
              request(messages, "anthropic/claude-sonnet-4-5"),
              "content-type",
              "application/json",
              "authorization",
              KEY);

      assertEquals(200, answer.get("_status").asInt(), answer.toString());
      JsonNode sent = answer.get("messages");
      assertEquals(messages.size(), sent.size());
      for (int i = 0; i < 3; i++) {
        assertEquals(messages.get(i), sent.get(i), "messages before the live zone are the same");
      }
      String tool = sent.get(3).get("content").asText();
      assertEquals("tool", sent.get(3).get("role").asText());
      assertEquals("call_1", sent.get(3).get("tool_call_id").asText());
      assertTrue(tool.length() < orders().length() / 2, tool);
      assertTrue(tool.contains("card_declined") && tool.contains("ord_100123"), tool);

      int before = answer.get("tokens_before").asInt();
      int after = answer.get("tokens_after").asInt();
      assertTrue(after > 0 && after < before, answer.toString());
      assertEquals(before - after, answer.get("tokens_saved").asInt());
      assertEquals((double) after / before, answer.get("compression_ratio").asDouble(), 1e-9);
      assertTrue(answer.get("transforms_applied").get(0).asText().startsWith("json_array"));
      assertEquals(1, answer.get("transforms_summary").size());
      assertEquals(1, answer.get("ccr_hashes").size(), answer.toString());
      assertTrue(fx.openai.nothingRecorded() && fx.anthropic.nothingRecorded());

      String hash = answer.get("ccr_hashes").get(0).asText();
      Tests.Reply original = fx.get("/v1/retrieve/" + hash, "authorization", KEY);
      assertEquals(200, original.status());
      JsonNode stored = JSON.readTree(original.body());
      assertTrue(stored.get("content").asText().contains("ord_100299"));
      assertEquals(stored.get("content"), stored.get("original_content"));
      assertEquals(404, fx.get("/v1/retrieve/" + hash, "authorization", "Bearer other").status());

      String metrics = fx.proxy.scrapeMetrics();
      assertTrue(
          metrics.contains("headroom_requests_total{route=\"compress\",status=\"200\"} 1.0"),
          metrics);
      assertTrue(
          metrics.contains("headroom_tokens_saved_total " + (before - after) + ".0"), metrics);
    }
  }

  @Test
  void theNextTurnsCallGetsTheSameCompressedBytesForTheOldOutput() throws Exception {
    try (ProxyFixture fx = proxy()) {
      ArrayNode turn1 = chatHistory();
      JsonNode first = post(fx, request(turn1, "gpt-4o"), "authorization", KEY);
      String compressed = first.get("messages").get(3).get("content").asText();

      ArrayNode turn2 = turn1.deepCopy();
      turn2.addObject().put("role", "assistant").put("content", "ord_100217 failed.");
      turn2.addObject().put("role", "user").put("content", "Thanks. Anything else?");
      JsonNode second = post(fx, request(turn2, "gpt-4o"), "authorization", KEY);

      assertEquals(compressed, second.get("messages").get(3).get("content").asText());
      assertTrue(
          second.get("transforms_applied").get(0).asText().startsWith("replayed:"),
          second.toString());
      assertEquals(first.get("tokens_saved"), second.get("tokens_saved"));
    }
  }

  @Test
  void anthropicShapedMessagesComeBackInTheirShape() throws Exception {
    try (ProxyFixture fx = proxy()) {
      ArrayNode messages = JSON.createArrayNode();
      messages.addObject().put("role", "user").put("content", "did any order fail?");
      ObjectNode use =
          messages.addObject().put("role", "assistant").putArray("content").addObject();
      use.put("type", "tool_use").put("id", "tu_1").put("name", "orders").putObject("input");
      ObjectNode result = messages.addObject().put("role", "user").putArray("content").addObject();
      result.put("type", "tool_result").put("tool_use_id", "tu_1").put("content", orders());

      JsonNode answer = post(fx, request(messages, "claude-sonnet-4-5"), "x-api-key", "sk-ant");

      JsonNode block = answer.get("messages").get(2).get("content").get(0);
      assertEquals("tool_result", block.get("type").asText());
      assertEquals("tu_1", block.get("tool_use_id").asText());
      assertTrue(block.get("content").asText().length() < orders().length() / 2);
      assertEquals(messages.get(1), answer.get("messages").get(1));
    }
  }

  @Test
  void userTextIsCompressedOnlyWhenTheConfigAsksForIt() throws Exception {
    StringBuilder log = new StringBuilder("Here is the log:\n");
    for (int i = 0; i < 400; i++) {
      log.append("2026-12-06T10:00:")
          .append(String.format("%02d", i % 60))
          .append("Z INFO worker-")
          .append(i % 4)
          .append(" processed batch ")
          .append(i)
          .append(" in 12 ms\n");
    }
    log.append("2026-12-06T10:07:00Z ERROR worker-2 batch 401 failed: disk full\nWhy did it fail?");
    ArrayNode messages = JSON.createArrayNode();
    messages.addObject().put("role", "user").put("content", log.toString());
    try (ProxyFixture fx = proxy()) {
      JsonNode plain = post(fx, request(messages, "gpt-4o"), "authorization", KEY);
      assertEquals(log.toString(), plain.get("messages").get(0).get("content").asText());
      assertEquals(0, plain.get("tokens_saved").asInt());

      ObjectNode asked = request(messages, "gpt-4o");
      asked.putObject("config").put("compress_user_messages", true).put("protect_recent", 4);
      asked.put("token_budget", 8000);
      JsonNode compressed = post(fx, asked, "authorization", KEY);
      String text = compressed.get("messages").get(0).get("content").asText();
      assertTrue(text.length() < log.length() / 2, text);
      assertTrue(text.contains("disk full"), text);
      assertTrue(compressed.get("tokens_saved").asInt() > 0);
    }
  }

  @Test
  void bypassReturnsTheMessagesUntouchedWithZeroSavings() throws Exception {
    try (ProxyFixture fx = proxy()) {
      ArrayNode messages = chatHistory();
      JsonNode answer =
          post(fx, request(messages, "gpt-4o"), "authorization", KEY, "x-headroom-bypass", "true");

      assertEquals(messages, answer.get("messages"));
      assertEquals(0, answer.get("tokens_before").asInt());
      assertEquals(0, answer.get("tokens_after").asInt());
      assertEquals(0, answer.get("tokens_saved").asInt());
      assertEquals(1.0, answer.get("compression_ratio").asDouble());
      assertEquals(0, answer.get("transforms_applied").size());
      assertEquals(0, answer.get("ccr_hashes").size());
    }
  }

  @Test
  void withCompressionOffTheMessagesComeBackAsTheyCame() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      ArrayNode messages = chatHistory();
      JsonNode answer = post(fx, request(messages, "gpt-4o"));
      assertEquals(200, answer.get("_status").asInt());
      assertEquals(messages, answer.get("messages"));
      assertEquals(0, answer.get("tokens_saved").asInt());
    }
  }

  @Test
  void extensionsSeeTheCallAtEveryRequestStage() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b ->
                b.compressionBudget(Duration.ofSeconds(10))
                    .extensions(PipelineExtensions.of(recorder)))) {
      post(fx, request(chatHistory(), "gpt-4o"), "authorization", KEY);
      List<PipelineStage> stages = new ArrayList<>();
      recorder.events.stream()
          .filter(e -> e.operation().equals("compress"))
          .forEach(e -> stages.add(e.stage()));
      assertTrue(stages.contains(PipelineStage.INPUT_RECEIVED), stages.toString());
      assertTrue(stages.contains(PipelineStage.INPUT_COMPRESSED), stages.toString());
      assertTrue(stages.contains(PipelineStage.PRE_SEND), stages.toString());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"model\":|Invalid JSON in request body.",
        "[1,2]|Invalid JSON in request body.",
        "{\"model\":\"gpt-4o\"}|Missing required field: messages",
        "{\"messages\":[]}|Missing required field: model",
        "{\"messages\":[],\"model\":\" \"}|Missing required field: model",
        "{\"messages\":{},\"model\":\"gpt-4o\"}|messages must be an array of message objects",
        "{\"messages\":[\"hi\"],\"model\":\"gpt-4o\"}|messages must be an array of message objects",
        "{\"messages\":[],\"model\":\"gpt-4o\",\"token_budget\":\"lots\"}|token_budget must be a positive integer",
        "{\"messages\":[],\"model\":\"gpt-4o\",\"config\":[]}|config must be an object",
        "{\"messages\":[],\"model\":\"gpt-4o\",\"config\":{\"compress_user_messages\":\"yes\"}}|config.compress_user_messages must be true or false"
      })
  void aBadRequestGetsA400WithAJsonErrorNamingTheProblem(String body, String message)
      throws Exception {
    try (ProxyFixture fx = proxy()) {
      Tests.Reply reply = fx.post("/v1/compress", body, "authorization", KEY);
      assertEquals(400, reply.status());
      JsonNode error = JSON.readTree(reply.body()).get("error");
      assertEquals("invalid_request", error.get("type").asText());
      assertEquals(message, error.get("message").asText());
    }
  }

  @Test
  void anEmptyConversationAndATooLargeBodyAreAnsweredClearly() throws Exception {
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b -> b.compressionBudget(Duration.ofSeconds(10)).maxBodyBytes(64 * 1024))) {
      JsonNode empty = post(fx, request(JSON.createArrayNode(), "gpt-4o"));
      assertEquals(200, empty.get("_status").asInt());
      assertEquals(0, empty.get("messages").size());
      assertEquals(1.0, empty.get("compression_ratio").asDouble());

      Tests.Reply tooLarge =
          fx.post(
              "/v1/compress", JSON.writeValueAsString(request(chatHistory(), "gpt-4o")).repeat(3));
      assertEquals(413, tooLarge.status());
      assertEquals(
          "request_too_large", JSON.readTree(tooLarge.body()).get("error").get("type").asText());
      assertTrue(
          fx.proxy
              .scrapeMetrics()
              .contains("headroom_requests_total{route=\"compress\",status=\"413\"} 1.0"),
          "the refusal is counted");
    }
  }
}
