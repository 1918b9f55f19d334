package dev.headroom.client;

import static dev.headroom.api.PipelineStage.INPUT_COMPRESSED;
import static dev.headroom.api.PipelineStage.INPUT_RECEIVED;
import static dev.headroom.api.PipelineStage.INPUT_REMEMBERED;
import static dev.headroom.api.PipelineStage.INPUT_ROUTED;
import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.PRE_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;
import static dev.headroom.api.PipelineStage.SETUP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.ProtectedTools;
import dev.headroom.compress.ProviderApi;
import dev.headroom.compress.ReplayMemory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeadroomClientTest {

  static final List<PipelineStage> CANONICAL =
      List.of(
          SETUP,
          INPUT_RECEIVED,
          INPUT_ROUTED,
          INPUT_COMPRESSED,
          INPUT_REMEMBERED,
          PRE_SEND,
          POST_SEND,
          RESPONSE_RECEIVED);
  private static final byte[] RESPONSE =
      ("{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"message\":"
              + "{\"role\":\"assistant\",\"content\":\"ord_100217 failed: card declined\"}}],"
              + "\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":9}}")
          .getBytes(StandardCharsets.UTF_8);

  static HeadroomClient.Builder client() {
    // A generous budget: a cold test JVM loads the tokenizers on the first call.
    return HeadroomClient.builder()
        .liveZoneOptions(LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30)));
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void anAttachedExtensionSeesTheCanonicalStageSequence() {
    Recorder recorder = new Recorder("recorder");
    HeadroomClient headroom = client().discoverExtensions(false).extension(recorder).build();

    Exchange exchange = headroom.prepare(ProviderApi.CHAT_COMPLETIONS, Bodies.chat());
    exchange.received(200, RESPONSE);

    assertEquals(CANONICAL, recorder.seen());
    assertEquals("sdk.setup", recorder.at(SETUP).operation());
    assertEquals("sdk.request", recorder.at(PRE_SEND).operation());
    assertEquals("gpt-4o", recorder.at(INPUT_RECEIVED).model());
    assertEquals("openai", recorder.at(INPUT_RECEIVED).provider());
    assertEquals(exchange.requestId(), recorder.at(RESPONSE_RECEIVED).requestId());
    assertEquals(
        Map.of("prompt_tokens", 900, "completion_tokens", 9),
        recorder.at(RESPONSE_RECEIVED).response().get("usage"));
    assertEquals(
        Map.of("prompt_tokens", 900L, "completion_tokens", 9L),
        recorder.at(RESPONSE_RECEIVED).metadata().get("usage"));
  }

  @Test
  void aDiscoveredExtensionSeesTheCanonicalStageSequence() {
    DiscoveredRecorder.SEEN.clear();
    HeadroomClient headroom = client().build();

    headroom.prepare(ProviderApi.CHAT_COMPLETIONS, Bodies.chat()).received(200, RESPONSE);

    assertEquals(
        List.of("test-discovered-recorder"),
        headroom.extensions().extensions().stream().map(PipelineExtension::id).toList());
    assertEquals(CANONICAL, DiscoveredRecorder.SEEN);
  }

  @Test
  void discoveryOffFindsNothing() {
    assertTrue(client().discoverExtensions(false).build().extensions().extensions().isEmpty());
  }

  @Test
  void theLiveZoneShrinksAndEveryByteBeforeItIsKept() {
    byte[] body = Bodies.chat();
    Exchange exchange =
        client().discoverExtensions(false).build().prepare(ProviderApi.CHAT_COMPLETIONS, body);

    byte[] sent = exchange.body();
    byte[] prefix = Bodies.chatPrefix().getBytes(StandardCharsets.UTF_8);
    assertTrue(sent.length < body.length, "sent " + sent.length + " of " + body.length + " bytes");
    assertArrayEquals(prefix, Arrays.copyOf(sent, prefix.length));
    assertTrue(text(sent).contains("card_declined: insufficient funds"));
    assertTrue(exchange.tokensAfter() < exchange.tokensBefore());
  }

  @Test
  void aThrowingExtensionChangesNothing() {
    PipelineExtension thrower =
        new PipelineExtension() {
          @Override
          public String id() {
            return "thrower";
          }

          @Override
          public PipelineEvent onEvent(PipelineEvent event) {
            throw new IllegalStateException("boom at " + event.stage());
          }
        };
    Recorder after = new Recorder("z-after");
    HeadroomClient plain = client().discoverExtensions(false).build();
    HeadroomClient throwing =
        client().discoverExtensions(false).extension(thrower).extension(after).build();

    Exchange expected = plain.prepare(ProviderApi.CHAT_COMPLETIONS, Bodies.chat());
    Exchange actual = throwing.prepare(ProviderApi.CHAT_COMPLETIONS, Bodies.chat());
    actual.received(200, RESPONSE);

    assertArrayEquals(expected.body(), actual.body());
    assertEquals(expected.headers(), actual.headers());
    assertEquals(CANONICAL, after.seen());
    assertEquals(8L, throwing.extensions().failureCounts().get("thrower"));
  }

  @Test
  void aPayloadReplacedAtInputReceivedIsWhatGetsCompressedAndSent() {
    String replacement = Bodies.orders("inv_");
    PipelineExtension replacer =
        new PipelineExtension() {
          @Override
          public String id() {
            return "replacer";
          }

          @Override
          public Set<PipelineStage> stages() {
            return Set.of(INPUT_RECEIVED);
          }

          @Override
          public PipelineEvent onEvent(PipelineEvent event) {
            return event.withPayload(
                Map.of(
                    "model",
                    "gpt-4o",
                    "messages",
                    List.of(
                        Map.of("role", "user", "content", "Which invoice failed?"),
                        Map.of("role", "tool", "tool_call_id", "call_9", "content", replacement))));
          }
        };
    Recorder recorder = new Recorder("recorder");
    HeadroomClient headroom =
        client().discoverExtensions(false).extension(replacer).extension(recorder).build();

    Exchange exchange = headroom.prepare(ProviderApi.CHAT_COMPLETIONS, Bodies.chat());

    String sent = text(exchange.body());
    assertTrue(sent.contains("inv_"), sent);
    assertFalse(sent.contains("ord_"), sent);
    assertTrue(sent.contains("card_declined: insufficient funds"));
    assertTrue(sent.length() < replacement.length(), "the replacement was compressed too");
    assertTrue(exchange.tokensAfter() < exchange.tokensBefore());
    Object compressed = recorder.at(INPUT_COMPRESSED).messages();
    assertTrue(compressed.toString().contains("inv_"));
  }

  @Test
  void aJacksonTreeGoesInAndComesOut() {
    ObjectNode body = new ObjectMapper().createObjectNode();
    body.put("model", "gpt-4o");
    body.putArray("messages").addObject().put("role", "user").put("content", "hi");

    Exchange exchange =
        client().discoverExtensions(false).build().prepare(ProviderApi.CHAT_COMPLETIONS, body);

    assertEquals(body, exchange.json());
  }

  @Test
  void anObservedEventStreamPassesThroughAndReportsItsFinalUsage() throws IOException {
    Recorder recorder = new Recorder("recorder");
    Exchange exchange =
        client()
            .discoverExtensions(false)
            .extension(recorder)
            .build()
            .prepare(
                ProviderApi.ANTHROPIC_MESSAGES,
                "{\"model\":\"claude-sonnet-4-5\",\"stream\":true,\"messages\":[]}"
                    .getBytes(StandardCharsets.UTF_8));
    byte[] stream =
        ("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"usage\":{\"output_tokens\":4}}\n\n")
            .getBytes(StandardCharsets.UTF_8);

    byte[] read;
    try (InputStream in =
        exchange.observe(200, "text/event-stream", new ByteArrayInputStream(stream))) {
      assertEquals(
          List.of(
              SETUP,
              INPUT_RECEIVED,
              INPUT_ROUTED,
              INPUT_COMPRESSED,
              INPUT_REMEMBERED,
              PRE_SEND,
              POST_SEND),
          recorder.seen());
      read = in.readAllBytes();
    }

    assertArrayEquals(stream, read);
    assertEquals(CANONICAL, recorder.seen());
    assertEquals(
        Map.of("input_tokens", 5L, "output_tokens", 4L),
        recorder.at(RESPONSE_RECEIVED).metadata().get("usage"));
    assertEquals("open", recorder.at(RESPONSE_RECEIVED).metadata().get("stream_status"));
    assertEquals(true, recorder.at(RESPONSE_RECEIVED).metadata().get("complete"));
    assertEquals("anthropic", recorder.at(RESPONSE_RECEIVED).provider());
  }

  @Test
  void aBodySentUnchangedReportsNothingSaved() {
    PipelineExtension veto =
        new PipelineExtension() {
          @Override
          public String id() {
            return "veto";
          }

          @Override
          public PipelineEvent onEvent(PipelineEvent event) {
            return event.stage() == INPUT_ROUTED ? event.withMetadata("compress", false) : event;
          }
        };
    byte[] body = Bodies.chat();

    Exchange exchange =
        client()
            .discoverExtensions(false)
            .extension(veto)
            .build()
            .prepare(ProviderApi.CHAT_COMPLETIONS, body);

    assertSame(body, exchange.body());
    assertEquals(0, exchange.tokensBefore());
    assertEquals(0, exchange.tokensAfter());
  }

  @Test
  void aBlockAnExtensionPutsBackBeforeSendingIsNotCountedAsSaved() {
    String original = Bodies.orders("ord_");
    PipelineExtension undo =
        new PipelineExtension() {
          @Override
          public String id() {
            return "undo";
          }

          @Override
          public PipelineEvent onEvent(PipelineEvent event) {
            if (event.stage() != PRE_SEND) {
              return event;
            }
            List<Object> messages = new ArrayList<>();
            for (Object message : event.messages()) {
              if (message instanceof Map<?, ?> map && "tool".equals(map.get("role"))) {
                Map<Object, Object> copy = new LinkedHashMap<>(map);
                copy.put("content", original);
                messages.add(copy);
              } else {
                messages.add(message);
              }
            }
            return event.withMessages(messages);
          }
        };

    Exchange exchange =
        client()
            .discoverExtensions(false)
            .extension(undo)
            .build()
            .prepare(ProviderApi.CHAT_COMPLETIONS, Bodies.chat(original));

    assertTrue(text(exchange.body()).contains("ord_100042"), "the original rows are sent");
    assertEquals(0, exchange.tokensBefore());
    assertEquals(0, exchange.tokensAfter());
    assertTrue(
        exchange.blocks().stream().anyMatch(b -> b.outcome().equals("replaced_by_extension")),
        exchange.blocks().toString());
  }

  @Test
  void aProtectedToolsOutputIsSentAsItCameWhetherConfiguredOrAskedForPerRequest() {
    byte[] body = Bodies.chat();
    HeadroomClient perRequest = client().discoverExtensions(false).build();
    Exchange asked =
        perRequest.prepare(
            ProviderApi.CHAT_COMPLETIONS, body, Map.of("X-Headroom-Protect-Tools", "list_*"));
    assertSame(body, asked.body());
    assertEquals(0, asked.tokensBefore());

    HeadroomClient configured =
        HeadroomClient.builder()
            .discoverExtensions(false)
            .liveZoneOptions(
                LiveZoneOptions.defaults()
                    .withRequestBudget(Duration.ofSeconds(30))
                    .withProtectedTools(ProtectedTools.parse("default,list_orders")))
            .build();
    assertSame(body, configured.prepare(ProviderApi.CHAT_COMPLETIONS, body).body());
    assertTrue(
        perRequest.prepare(ProviderApi.CHAT_COMPLETIONS, body).body().length < body.length,
        "without the header the same client compresses it");
  }

  @Test
  void theNextTurnCarriesTheToolOutputAsThisTurnSentIt() {
    HeadroomClient headroom = client().discoverExtensions(false).build();
    String first = Bodies.orders("ord_");
    byte[] turn1 = Bodies.chat(first);
    String history = text(turn1).substring(0, text(turn1).length() - 2);
    byte[] turn2 =
        (history
                + ",{\"role\":\"assistant\",\"content\":\"ord_100217 failed.\"},"
                + "{\"role\":\"user\",\"content\":\"Thanks.\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    String sent1 = text(headroom.prepare(ProviderApi.CHAT_COMPLETIONS, turn1).body());
    Exchange exchange = headroom.prepare(ProviderApi.CHAT_COMPLETIONS, turn2);

    assertTrue(text(exchange.body()).startsWith(sent1.substring(0, sent1.length() - 2)));
    assertTrue(exchange.blocks().stream().anyMatch(b -> b.outcome().equals("replayed")));
    assertTrue(exchange.tokensAfter() < exchange.tokensBefore(), "the replay is counted as sent");
  }

  @Test
  void withoutAReplayMemoryEveryRequestStandsAlone() {
    HeadroomClient headroom =
        client().discoverExtensions(false).replayMemory(ReplayMemory.none()).build();
    byte[] turn1 = Bodies.chat();
    String history = text(turn1).substring(0, text(turn1).length() - 2);
    byte[] turn2 =
        (history
                + ",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_2\","
                + "\"type\":\"function\",\"function\":{\"name\":\"invoices\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":"
                + Bodies.quoted(Bodies.orders("inv_"))
                + "}]}")
            .getBytes(StandardCharsets.UTF_8);

    headroom.prepare(ProviderApi.CHAT_COMPLETIONS, turn1);
    String sent = text(headroom.prepare(ProviderApi.CHAT_COMPLETIONS, turn2).body());

    assertTrue(
        sent.contains(Bodies.quoted(Bodies.orders("ord_"))), "turn 1's output goes as it came");
    assertFalse(sent.contains("inv_100003"), "turn 2's own output is compressed");
  }
}
