package dev.headroom.it.pipeline;

import static dev.headroom.api.PipelineStage.INPUT_COMPRESSED;
import static dev.headroom.api.PipelineStage.INPUT_RECEIVED;
import static dev.headroom.api.PipelineStage.INPUT_REMEMBERED;
import static dev.headroom.api.PipelineStage.INPUT_ROUTED;
import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.PRE_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import dev.headroom.client.Exchange;
import dev.headroom.client.HeadroomClient;
import dev.headroom.compress.ProviderApi;
import dev.headroom.testkit.proxy.ProxyHarness;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gateway and the in-process client run one pipeline: the same extension, given the same body,
 * sees the same request and response stages, in the same order, with the same metadata keys.
 */
class OnePipelineTest {

  /** The stages of one request and the metadata keys each carries, whichever component runs it. */
  private static final Map<PipelineStage, Set<String>> EXPECTED = expected();

  private static final String RESPONSE = "{\"id\":\"resp_harness\",\"object\":\"harness\"}";

  /** A chat request whose newest tool output, 400 JSON orders, is what compression shrinks. */
  private static byte[] body() {
    StringBuilder orders = new StringBuilder("[");
    for (int i = 0; i < 400; i++) {
      orders
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"ord_")
          .append(100000 + i)
          .append("\",\"status\":\"")
          .append(i == 217 ? "FAILED" : "shipped")
          .append("\"}");
    }
    String output = new String(JsonStringEncoder.getInstance().quoteAsString(orders + "]"));
    return ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
            + "\"function\":{\"name\":\"orders\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\""
            + output
            + "\"}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  enum Component {
    GATEWAY {
      @Override
      void send(Recorder recorder, byte[] body) {
        try (ProxyHarness harness = ProxyHarness.start(recorder)) {
          harness.post("/v1/chat/completions", new String(body, StandardCharsets.UTF_8));
          recorder.awaitResponse();
        }
      }
    },
    LIBRARY {
      @Override
      void send(Recorder recorder, byte[] body) {
        HeadroomClient headroom =
            HeadroomClient.builder().discoverExtensions(false).extension(recorder).build();
        Exchange exchange = headroom.prepare(ProviderApi.CHAT_COMPLETIONS, body);
        exchange.received(200, RESPONSE.getBytes(StandardCharsets.UTF_8));
        recorder.awaitResponse();
      }
    };

    abstract void send(Recorder recorder, byte[] body);
  }

  @ParameterizedTest
  @EnumSource(Component.class)
  void theSameExtensionSeesTheSameStagesWithTheSameMetadataKeys(Component component) {
    Recorder recorder = new Recorder();

    component.send(recorder, body());

    Map<PipelineStage, Set<String>> seen = new LinkedHashMap<>();
    for (PipelineEvent event : recorder.requestEvents()) {
      seen.put(event.stage(), new TreeSet<>(event.metadata().keySet()));
    }
    assertEquals(EXPECTED, seen);
    PipelineEvent compressed = recorder.at(INPUT_COMPRESSED);
    assertEquals("chat", compressed.metadata().get("route"));
    assertEquals("http", compressed.metadata().get("transport"));
    assertEquals(true, compressed.metadata().get("compress"));
    int before = (Integer) compressed.metadata().get("tokens_before");
    int after = (Integer) compressed.metadata().get("tokens_after");
    assertTrue(after > 0 && after < before / 4, before + " -> " + after);
    assertEquals(before, recorder.at(RESPONSE_RECEIVED).metadata().get("tokens_before"));
    assertEquals("gpt-4o", recorder.at(INPUT_RECEIVED).model());
    assertEquals("openai", recorder.at(RESPONSE_RECEIVED).provider());
    assertEquals("resp_harness", recorder.at(RESPONSE_RECEIVED).response().get("id"));
  }

  private static Map<PipelineStage, Set<String>> expected() {
    Set<String> received = Set.of("route", "transport", "stream", "body_bytes");
    Set<String> routed = union(received, Set.of("compress"));
    Set<String> tokens =
        Set.of("tokens_before", "tokens_after", "replayed_tokens_before", "replayed_tokens_after");
    Set<String> compressed = union(routed, union(tokens, Set.of("blocks")));
    Set<String> sent = union(tokens, Set.of("route", "transport", "stream", "status"));
    Map<PipelineStage, Set<String>> expected = new LinkedHashMap<>();
    expected.put(INPUT_RECEIVED, received);
    expected.put(INPUT_ROUTED, routed);
    expected.put(INPUT_COMPRESSED, compressed);
    expected.put(INPUT_REMEMBERED, compressed);
    expected.put(PRE_SEND, compressed);
    expected.put(POST_SEND, sent);
    expected.put(RESPONSE_RECEIVED, union(sent, Set.of("complete", "usage")));
    expected.replaceAll((stage, keys) -> new TreeSet<>(keys));
    return expected;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new TreeSet<>(a);
    union.addAll(b);
    return union;
  }

  /** Records every event of the one request it is shown. */
  static final class Recorder implements PipelineExtension {
    private final List<PipelineEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
      return "recorder";
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      events.add(event);
      return event;
    }

    List<PipelineEvent> requestEvents() {
      return events.stream().filter(e -> e.stage().ordinal() >= INPUT_RECEIVED.ordinal()).toList();
    }

    PipelineEvent at(PipelineStage stage) {
      return events.stream().filter(e -> e.stage() == stage).findFirst().orElseThrow();
    }

    void awaitResponse() {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (events.stream().noneMatch(e -> e.stage() == RESPONSE_RECEIVED)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no RESPONSE_RECEIVED within 10 s: " + events);
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new AssertionError(interrupted);
        }
      }
    }
  }
}
