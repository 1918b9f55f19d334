package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A conversation through the proxy against a scripted upstream model that calls {@code
 * headroom_retrieve}: the proxy answers the call from its store and continues upstream, and the
 * client only ever sees the final answer.
 */
class RetrievalConversationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GENEROUS = Duration.ofSeconds(10);
  private static final Pattern MARKER = Pattern.compile("<<ccr:([0-9a-f]+) ");
  static final String QUESTION = "What happened to ord_100123, and did any order fail?";

  /** A row the compression drops, so only a retrieval can bring it back. */
  private static final String DROPPED = "ord_100042";

  /**
   * The three request formats, with a body whose newest tool output is large, and the scripted
   * replies.
   */
  enum Api {
    CHAT("/v1/chat/completions") {
      @Override
      String body(String output) throws Exception {
        return "{\"model\":\"gpt-4o\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"orders\",\"parameters\":{\"type\":\"object\"}}}],"
            + "\"messages\":[{\"role\":\"user\",\"content\":"
            + q(QUESTION)
            + "},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"orders\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":"
            + q(output)
            + "}]}";
      }

      @Override
      String calls(String... names) {
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
          calls
              .append(i == 0 ? "" : ",")
              .append("{\"id\":\"call_")
              .append(i)
              .append("\",\"type\":\"function\",\"function\":{\"name\":\"")
              .append(names[i])
              .append("\",\"arguments\":\"{\\\"hash\\\":\\\"HASH\\\"}\"}}");
        }
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":null,\"tool_calls\":["
            + calls
            + "]},\"finish_reason\":\"tool_calls\"}]}";
      }

      @Override
      String answer(String text) {
        return "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\""
            + text
            + "\"},\"finish_reason\":\"stop\"}]}";
      }

      @Override
      String toolResult(JsonNode continuation) {
        JsonNode last = continuation.path("messages").get(continuation.path("messages").size() - 1);
        assertEquals("tool", last.path("role").asText());
        assertEquals("call_0", last.path("tool_call_id").asText());
        return last.path("content").asText();
      }
    },
    RESPONSES("/v1/responses") {
      @Override
      String body(String output) throws Exception {
        return "{\"model\":\"gpt-5\",\"tools\":[{\"type\":\"function\",\"name\":\"orders\",\"parameters\":{\"type\":\"object\"}}],"
            + "\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":"
            + q(QUESTION)
            + "},"
            + "{\"type\":\"function_call\",\"call_id\":\"fc_1\",\"name\":\"orders\",\"arguments\":\"{}\"},"
            + "{\"type\":\"function_call_output\",\"call_id\":\"fc_1\",\"output\":"
            + q(output)
            + "}],\"store\":false}";
      }

      @Override
      String calls(String... names) {
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
          calls
              .append(i == 0 ? "" : ",")
              .append("{\"type\":\"function_call\",\"id\":\"fc_")
              .append(i)
              .append("\",\"call_id\":\"call_")
              .append(i)
              .append("\",\"name\":\"")
              .append(names[i])
              .append("\",\"arguments\":\"{\\\"hash\\\":\\\"HASH\\\"}\"}");
        }
        return "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"output\":["
            + calls
            + "]}";
      }

      @Override
      String answer(String text) {
        return "{\"id\":\"resp_2\",\"object\":\"response\",\"status\":\"completed\",\"output\":[{\"type\":\"message\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\""
            + text
            + "\"}]}]}";
      }

      @Override
      String toolResult(JsonNode continuation) {
        JsonNode last = continuation.path("input").get(continuation.path("input").size() - 1);
        assertEquals("function_call_output", last.path("type").asText());
        assertEquals("call_0", last.path("call_id").asText());
        return last.path("output").asText();
      }
    },
    ANTHROPIC("/v1/messages") {
      @Override
      String body(String output) throws Exception {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":512,\"tools\":[{\"name\":\"orders\",\"input_schema\":{\"type\":\"object\"}}],"
            + "\"messages\":[{\"role\":\"user\",\"content\":"
            + q(QUESTION)
            + "},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"orders\",\"input\":{}}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":"
            + q(output)
            + "}]}]}";
      }

      @Override
      String calls(String... names) {
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
          calls
              .append(i == 0 ? "" : ",")
              .append("{\"type\":\"tool_use\",\"id\":\"call_")
              .append(i)
              .append("\",\"name\":\"")
              .append(names[i])
              .append("\",\"input\":{\"hash\":\"HASH\"}}");
        }
        return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":["
            + calls
            + "],\"stop_reason\":\"tool_use\"}";
      }

      @Override
      String answer(String text) {
        return "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\""
            + text
            + "\"}],\"stop_reason\":\"end_turn\"}";
      }

      @Override
      String toolResult(JsonNode continuation) {
        JsonNode last = continuation.path("messages").get(continuation.path("messages").size() - 1);
        assertEquals("user", last.path("role").asText());
        JsonNode result = last.path("content").get(0);
        assertEquals("tool_result", result.path("type").asText());
        assertEquals("call_0", result.path("tool_use_id").asText());
        return result.path("content").asText();
      }
    };

    final String path;

    Api(String path) {
      this.path = path;
    }

    abstract String body(String output) throws Exception;

    abstract String calls(String... names);

    abstract String answer(String text);

    abstract String toolResult(JsonNode continuation);

    FakeUpstream upstream(ProxyFixture fx) {
      return this == ANTHROPIC ? fx.anthropic : fx.openai;
    }

    Tests.Reply post(ProxyFixture fx, String body, String key) {
      return this == ANTHROPIC
          ? fx.post(path, body, "x-api-key", key, "anthropic-version", "2023-06-01")
          : fx.post(path, body, "authorization", "Bearer " + key);
    }
  }

  static String q(String text) throws Exception {
    return JSON.writeValueAsString(text);
  }

  /** The model: asks for the marker's original first, answers once it got it. */
  private static void scriptModel(FakeUpstream upstream, Api api, String... firstCalls) {
    upstream.respond(
        (request, body) -> {
          String text = body.toString(StandardCharsets.UTF_8);
          Matcher marker = MARKER.matcher(text);
          String reply =
              text.contains("call_0")
                  ? api.answer("FINAL: ord_100042 shipped")
                  : api.calls(firstCalls).replace("HASH", marker.find() ? marker.group(1) : "none");
          request.response().putHeader("content-type", "application/json").end(reply);
        });
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void aRetrievalCallIsAnsweredByTheProxyAndTheClientGetsTheFinalAnswer(Api api) throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      scriptModel(api.upstream(fx), api, "headroom_retrieve");

      Tests.Reply reply = api.post(fx, api.body(LiveZoneCompressionTest.orders()), "sk-owner");

      assertEquals(200, reply.status());
      String first = new String(api.upstream(fx).take().body(), StandardCharsets.UTF_8);
      assertTrue(MARKER.matcher(first).find(), "the first request was compressed: " + first);
      assertFalse(first.contains(DROPPED), "the row was dropped from the first request");
      JsonNode continuation = JSON.readTree(api.upstream(fx).take().body());
      assertTrue(
          api.toolResult(continuation).contains(DROPPED),
          "the upstream's second request carries the original");
      assertEquals(
          JSON.readTree(api.answer("FINAL: ord_100042 shipped")),
          JSON.readTree(reply.body()),
          "the client gets the final answer");
      assertTrue(api.upstream(fx).nothingRecorded(), "two upstream calls, no more");
      assertTrue(
          fx.proxy.scrapeMetrics().contains("headroom_ccr_retrieval_rounds_total 1.0"),
          fx.proxy.scrapeMetrics());
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void aRetrievalMixedWithAnotherToolCallGoesToTheClientUntouched(Api api) throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      scriptModel(api.upstream(fx), api, "headroom_retrieve", "orders");

      Tests.Reply reply = api.post(fx, api.body(LiveZoneCompressionTest.orders()), "sk-owner");

      assertEquals(200, reply.status());
      String sent = new String(api.upstream(fx).take().body(), StandardCharsets.UTF_8);
      Matcher marker = MARKER.matcher(sent);
      assertTrue(marker.find());
      assertEquals(
          api.calls("headroom_retrieve", "orders").replace("HASH", marker.group(1)),
          new String(reply.body(), StandardCharsets.UTF_8));
      assertTrue(api.upstream(fx).nothingRecorded(), "no continuation");
    }
  }

  @Test
  void anotherKeysRetrievalGetsNothingButTheConversationGoesOn() throws Exception {
    // The store is scoped: a model call made under one key for a hash stored under another finds
    // nothing.
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      Api api = Api.CHAT;
      String hash = "0123456789abcdef";
      fx.openai.respond(
          (request, body) ->
              request
                  .response()
                  .putHeader("content-type", "application/json")
                  .end(
                      body.toString(StandardCharsets.UTF_8).contains("call_0")
                          ? api.answer("done")
                          : api.calls("headroom_retrieve").replace("HASH", hash)));

      Tests.Reply reply = api.post(fx, api.body(LiveZoneCompressionTest.orders()), "sk-stranger");

      fx.openai.take();
      String result = api.toolResult(JSON.readTree(fx.openai.take().body()));
      assertTrue(result.startsWith("No original is stored under hash " + hash), result);
      assertEquals(200, reply.status());
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void theToolsArrayBytesAreIdenticalAcrossThreeTurnsOfAConversation(Api api) throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      String turn1 = api.body(LiveZoneCompressionTest.orders());
      // Later turns: the same conversation goes on; the big output is no longer the newest (not
      // compressed).
      String turn2 =
          turn1.substring(
                  0,
                  turn1.length()
                      - (api == Api.RESPONSES ? "],\"store\":false}".length() : "]}".length()))
              + followUp(api, "Thanks. And ord_100200?")
              + turn1.substring(
                  turn1.length()
                      - (api == Api.RESPONSES ? "],\"store\":false}".length() : "]}".length()));
      String turn3 =
          turn2.substring(
                  0,
                  turn2.length()
                      - (api == Api.RESPONSES ? "],\"store\":false}".length() : "]}".length()))
              + followUp(api, "One more: ord_100201?")
              + turn2.substring(
                  turn2.length()
                      - (api == Api.RESPONSES ? "],\"store\":false}".length() : "]}".length()));

      String[] tools = new String[3];
      int i = 0;
      for (String turn : new String[] {turn1, turn2, turn3}) {
        api.post(fx, turn, "sk-owner");
        tools[i++] = toolsBytes(api.upstream(fx).take().body());
      }

      assertTrue(tools[0].contains("\"headroom_retrieve\""), tools[0]);
      assertTrue(
          tools[0].startsWith("[{\"type\":\"function\",")
              || tools[0].startsWith("[{\"name\":\"orders\""),
          "the client's tool stays first");
      assertEquals(tools[0], tools[1]);
      assertEquals(tools[0], tools[2]);
    }
  }

  @Test
  void aSessionIdKeepsTheToolEvenWhenTheFirstMessageChanges() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      Api api = Api.CHAT;
      fx.post(
          api.path,
          api.body(LiveZoneCompressionTest.orders()),
          "authorization",
          "Bearer sk-owner",
          "x-headroom-session-id",
          "s-42");
      String small =
          "{\"model\":\"gpt-4o\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"orders\",\"parameters\":{\"type\":\"object\"}}}],"
              + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      fx.post(api.path, small, "authorization", "Bearer sk-owner", "x-headroom-session-id", "s-42");
      fx.post(
          api.path, small, "authorization", "Bearer sk-owner", "x-headroom-session-id", "s-other");

      FakeUpstream.Recorded first = fx.openai.take();
      FakeUpstream.Recorded sameSession = fx.openai.take();
      FakeUpstream.Recorded otherSession = fx.openai.take();

      assertEquals(toolsBytes(first.body()), toolsBytes(sameSession.body()));
      assertEquals(
          small,
          new String(otherSession.body(), StandardCharsets.UTF_8),
          "another conversation is not touched");
      assertFalse(
          sameSession.headers().contains("x-headroom-session-id"),
          "the control header is not forwarded");
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void aStreamedRetrievalIsAnsweredAndTheContinuationIsStreamedIntoTheSameClientStream(Api api)
      throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      api.upstream(fx)
          .respond(
              (request, body) -> {
                String text = body.toString(StandardCharsets.UTF_8);
                Matcher marker = MARKER.matcher(text);
                request.response().setChunked(true).putHeader("content-type", "text/event-stream");
                String script =
                    text.contains("call_0")
                        ? StreamScripts.answer(api)
                        : StreamScripts.retrieval(api, marker.find() ? marker.group(1) : "none");
                // Event by event, as a model streams.
                for (String event : script.split("(?<=\n\n)")) {
                  request.response().write(event);
                }
                request.response().end();
              });
      String body =
          api.body(LiveZoneCompressionTest.orders()).replaceFirst("^\\{", "{\"stream\":true,");

      Tests.Reply reply = api.post(fx, body, "sk-owner");

      assertEquals(200, reply.status());
      api.upstream(fx).take();
      JsonNode continuation = JSON.readTree(api.upstream(fx).take().body());
      assertTrue(
          api.toolResult(continuation).contains(DROPPED), "the continuation carries the original");
      assertTrue(continuation.path("stream").asBoolean(), "the continuation is streamed");
      String stream = new String(reply.body(), StandardCharsets.UTF_8);
      assertFalse(stream.contains("headroom_retrieve"), stream);
      assertTrue(stream.contains("FINAL: ") && stream.contains("ord_100042 shipped"), stream);
      switch (api) {
        case CHAT -> {
          assertTrue(
              stream.contains("Let me look. ") && stream.endsWith("data: [DONE]\n\n"), stream);
          assertEquals(1, stream.split("\\[DONE\\]", -1).length - 1, "one terminator: " + stream);
        }
        case ANTHROPIC -> {
          assertEquals(
              1, stream.split("\"message_start\"", -1).length - 1, "one message_start: " + stream);
          assertEquals(
              1, stream.split("\"message_stop\"", -1).length - 1, "one message_stop: " + stream);
          assertTrue(
              stream.contains(
                  "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\""),
              "the continuation's block follows the first one: " + stream);
        }
        case RESPONSES -> {
          assertEquals(
              1,
              stream.split("\"response.created\"", -1).length - 1,
              "one response.created: " + stream);
          assertTrue(
              stream.contains("\"sequence_number\":5"), "events stay numbered in order: " + stream);
        }
      }
    }
  }

  @Test
  void aStreamedRetrievalIsAnActiveStreamUntilItEndsAndReportsTheUsageOfEveryRound()
      throws Exception {
    Api api = Api.ANTHROPIC;
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b -> b.compressionBudget(GENEROUS).extensions(PipelineExtensions.of(recorder)))) {
      AtomicReference<String> duringContinuation = new AtomicReference<>("");
      fx.anthropic.respond(
          (request, body) -> {
            String text = body.toString(StandardCharsets.UTF_8);
            boolean continuation = text.contains("call_0");
            if (continuation) {
              duringContinuation.set(fx.proxy.scrapeMetrics());
            }
            Matcher marker = MARKER.matcher(text);
            String script =
                continuation
                    ? StreamScripts.answer(api)
                    : StreamScripts.retrieval(api, marker.find() ? marker.group(1) : "none");
            // Each round reports its own usage in message_start, as Anthropic does.
            script =
                script.replace(
                    "\"content\":[]}}",
                    "\"content\":[],\"usage\":{\"input_tokens\":"
                        + (continuation ? 130 : 100)
                        + ",\"output_tokens\":1}}}");
            // With a Content-Length this time: the client's stream is rewritten, so it must not
            // inherit it.
            request.response().putHeader("content-type", "text/event-stream").end(script);
          });
      String body =
          api.body(LiveZoneCompressionTest.orders()).replaceFirst("^\\{", "{\"stream\":true,");

      Tests.Reply reply = api.post(fx, body, "sk-owner");

      assertEquals(200, reply.status());
      assertTrue(
          new String(reply.body(), StandardCharsets.UTF_8).contains("ord_100042 shipped"),
          "the continuation was streamed");
      assertFalse(reply.headers().contains("content-length"));
      assertTrue(
          duringContinuation.get().contains("headroom_active_streams 1.0"),
          "the client stream counts as active while the continuation runs: "
              + duringContinuation.get());
      assertTrue(
          Tests.eventually(() -> fx.proxy.scrapeMetrics().contains("headroom_active_streams 0.0")),
          "and no longer once it ended");
      String id = reply.headers().get("x-request-id");
      recorder.awaitRequestStages(id, 7);
      PipelineEvent received =
          recorder.events.stream()
              .filter(e -> e.requestId().equals(id) && e.stage() == PipelineStage.RESPONSE_RECEIVED)
              .findFirst()
              .orElseThrow();
      assertEquals(true, received.metadata().get("stream"));
      assertEquals("message_stop", received.metadata().get("stream_status"));
      Map<?, ?> usage = (Map<?, ?>) received.metadata().get("usage");
      assertEquals(230L, usage.get("input_tokens"), "both rounds were billed: " + usage);
      assertEquals(2L, usage.get("output_tokens"), usage.toString());
    }
  }

  private static String followUp(Api api, String text) throws Exception {
    String answer =
        api == Api.ANTHROPIC
            ? "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Shipped.\"}]}"
            : api == Api.RESPONSES
                ? "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Shipped.\"}]}"
                : "{\"role\":\"assistant\",\"content\":\"Shipped.\"}";
    String user =
        api == Api.RESPONSES
            ? "{\"type\":\"message\",\"role\":\"user\",\"content\":" + q(text) + "}"
            : "{\"role\":\"user\",\"content\":" + q(text) + "}";
    return "," + answer + "," + user;
  }

  /** The raw bytes of the top-level tools array. */
  static String toolsBytes(byte[] body) throws Exception {
    try (JsonParser parser = JSON.createParser(body)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        if (name.equals("tools")) {
          long end = parser.currentTokenLocation().getByteOffset() + 1;
          return new String(body, (int) start, (int) (end - start), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no tools in " + new String(body, StandardCharsets.UTF_8));
  }
}
