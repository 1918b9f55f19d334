package dev.headroom.testkit.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness runs the real proxy, and ships the regression of the original's PR #1409: a bypassed
 * Responses request reaches the upstream byte-identical even with a mutating extension installed.
 */
class ProxyHarnessTest {

  /** Rewrites the model of every payload it sees: it must never see a bypassed one. */
  static final class ModelRewriter implements PipelineExtension {
    @Override
    public String id() {
      return "model-rewriter";
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      if (event.payload().isEmpty()) {
        return event;
      }
      Map<String, Object> payload = new LinkedHashMap<>(event.payload());
      payload.put("model", "rewritten-by-extension");
      return event.withPayload(payload);
    }
  }

  /** Odd spacing, key order, unicode and a huge number: any re-serialisation would show. */
  private static final String RESPONSES_BODY =
      "{ \"model\" :\"gpt-5\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"fc_1\","
          + "\"output\":\"naïve 🙂 résultat\"}] , \"seed\": 123456789012345678901234567890 }";

  private static ProxyHarness harness;

  @BeforeAll
  static void start() {
    harness = ProxyHarness.start(new ModelRewriter());
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void anExtensionsPayloadReplacesTheBodySentUpstream() {
    HarnessResponse response = harness.post("/v1/responses", RESPONSES_BODY);

    assertEquals(200, response.status());
    assertTrue(
        harness.takeUpstreamRequest().bodyText().contains("\"model\":\"rewritten-by-extension\""));
  }

  @Test
  void aBypassedResponsesRequestIsForwardedByteIdenticalOverHttp() {
    HarnessResponse response =
        harness.post("/v1/responses", RESPONSES_BODY, "x-headroom-bypass", "true");

    RecordedRequest upstream = harness.takeUpstreamRequest();
    assertEquals(200, response.status());
    assertArrayEquals(RESPONSES_BODY.getBytes(StandardCharsets.UTF_8), upstream.body());
    assertTrue(
        upstream.header("x-headroom-bypass").isEmpty(),
        "x-headroom-* headers are never sent upstream");
  }

  @Test
  void anExtensionsPayloadReplacesEachResponseCreateFrame() {
    String create = "{\"type\":\"response.create\",\"model\":\"gpt-5\",\"input\":[]}";

    List<String> received = harness.webSocket("/v1/responses", Map.of(), List.of(create));

    assertTrue(received.get(0).contains("\"model\":\"rewritten-by-extension\""), received.get(0));
  }

  @Test
  void aBypassedResponsesSessionIsForwardedByteIdenticalOverWebSocket() {
    String create = "{\"type\":\"response.create\",  \"response\":" + RESPONSES_BODY + "}";
    String second = "{\"type\":\"response.create\",\"model\":\"gpt-5\",\"input\":[]}";

    List<String> received =
        harness.webSocket(
            "/v1/responses", Map.of("x-headroom-bypass", "true"), List.of(create, second));

    assertEquals(List.of(create, second), received);
  }
}
