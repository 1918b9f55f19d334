package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import dev.headroom.compress.ProviderApi;
import dev.headroom.proxy.internal.retrieval.RetrieveTools;
import io.vertx.core.VertxOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The proxy as users run it, compression on: a large JSON tool output shrinks by more than half on
 * every route, keeps its error row and the id the user asked about, every byte outside the live
 * zone is the client's, and the client is told the token counts.
 */
public class LiveZoneCompressionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The 50 ms default is for a warm JVM; a test JVM on a shared 2-core machine is neither. */
  private static final Duration GENEROUS = Duration.ofSeconds(10);

  /** 300 orders, one FAILED (card_declined), the queried ord_100123 among them. */
  public static String orders() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      boolean failed = i == 217;
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"ord_")
          .append(100000 + i)
          .append("\",\"customer\":\"cus_")
          .append(7000 + i % 40)
          .append("\",\"total\":")
          .append(10 + i % 90)
          .append(".50,\"status\":\"")
          .append(failed ? "FAILED" : "shipped")
          .append("\",\"note\":\"")
          .append(failed ? "card_declined: insufficient funds" : "ok")
          .append("\"}");
    }
    return json.append(']').toString();
  }

  private static String quoted(String text) throws Exception {
    return JSON.writeValueAsString(text);
  }

  private static final String QUESTION = "What happened to ord_100123, and did any order fail?";

  private static void assertShrunkKeepingWhatMatters(
      String prefix, String suffix, byte[] original, byte[] sent) throws Exception {
    JSON.readTree(sent);
    String text = withoutRetrieveTool(new String(sent, StandardCharsets.UTF_8));
    assertTrue(text.startsWith(prefix), "bytes before the live zone must be the client's");
    assertTrue(text.endsWith(suffix), "bytes after the live zone must be the client's");
    String zone = text.substring(prefix.length(), text.length() - suffix.length());
    assertTrue(zone.contains("card_declined"), "the error row must survive: " + zone);
    assertTrue(zone.contains("ord_100123"), "the queried id must survive: " + zone);
    int originalZone = original.length - prefix.length() - suffix.length();
    assertTrue(
        zone.length() < originalZone / 2,
        "the tool output must shrink by more than half: " + zone.length() + " of " + originalZone);
  }

  @Test
  void chatToolOutputIsCompressedAndTheClientIsToldTheTokenCounts() throws Exception {
    RecordingExtension recorder = new RecordingExtension();
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b -> b.extensions(PipelineExtensions.of(recorder)).compressionBudget(GENEROUS))) {
      String prefix =
          "{\"model\":\"gpt-4o\",\"stream_options\":{\"include_usage\":true},\"tool_choice\":\"auto\","
              + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":"
              + quoted(QUESTION)
              + "},"
              + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"orders\",\"arguments\":\"{}\"}}]},"
              + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":";
      String suffix = "}]}";
      String body = prefix + quoted(orders()) + suffix;

      Tests.Reply reply =
          fx.post("/v1/chat/completions", body, "authorization", "Bearer sk-test-1");

      assertEquals(200, reply.status());
      assertShrunkKeepingWhatMatters(
          prefix, suffix, body.getBytes(StandardCharsets.UTF_8), fx.openai.take().body());
      int before = Integer.parseInt(reply.headers().get("x-headroom-tokens-before"));
      int after = Integer.parseInt(reply.headers().get("x-headroom-tokens-after"));
      assertTrue(after < before / 2, before + " -> " + after);
      assertEquals(
          before - after, Integer.parseInt(reply.headers().get("x-headroom-tokens-saved")));
      PipelineEvent compressed =
          recorder.events.stream()
              .filter(e -> e.stage() == PipelineStage.INPUT_COMPRESSED)
              .findFirst()
              .orElseThrow();
      assertEquals(before, compressed.metadata().get("tokens_before"));
      List<?> blocks = (List<?>) compressed.metadata().get("blocks");
      assertTrue(
          blocks.stream()
              .anyMatch(block -> "compressed".equals(((Map<?, ?>) block).get("outcome"))),
          blocks.toString());
      String metrics = fx.proxy.scrapeMetrics();
      assertTrue(metrics.contains("headroom_tokens_saved_total"), "saved tokens are exported");
      assertTrue(
          metrics.contains(
              "headroom_compression_blocks_total{content_type=\"json_array\",outcome=\"compressed\"} 1.0"),
          metrics);
      assertTrue(
          metrics.contains("headroom_compression_ratio_count{content_type=\"json_array\""),
          metrics);
      assertTrue(metrics.contains("headroom_compression_duration_seconds_count 1"), metrics);
    }
  }

  /**
   * A body the gateway reads on its event loop and finds nothing to compress in goes on at once,
   * even while every worker thread is busy (as under a burst of compressions); one with a tool
   * output to compress waits for a worker, never compressing on the event loop, and so does one too
   * long to scan there.
   */
  @Test
  void aBodyWithNothingToCompressIsNotQueuedBehindBusyWorkers() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      int workers = VertxOptions.DEFAULT_WORKER_POOL_SIZE;
      CountDownLatch holding = new CountDownLatch(workers);
      CountDownLatch release = new CountDownLatch(1);
      for (int i = 0; i < workers; i++) {
        fx.vertx.executeBlocking(
            () -> {
              holding.countDown();
              return release.await(60, TimeUnit.SECONDS);
            },
            false);
      }
      String words =
          "Please read the whole design again and tell me what you would change first. "
              .repeat(1_300);
      String longAsked =
          "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":"
              + quoted(words.repeat(4))
              + "}]}";
      assertTrue(longAsked.length() > 256 * 1024);
      CompletableFuture<Tests.Reply> toolReply = null;
      CompletableFuture<Tests.Reply> longReply = null;
      try {
        assertTrue(holding.await(10, TimeUnit.SECONDS), "every worker held");
        String asked =
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":"
                + quoted(words)
                + "}]}";
        assertTrue(asked.length() > 64 * 1024, "well past what is compressed on the event loop");

        Tests.Reply reply =
            fx.post("/v1/chat/completions", asked, "authorization", "Bearer sk-test-1");

        assertEquals(200, reply.status());
        assertArrayEquals(asked.getBytes(StandardCharsets.UTF_8), fx.openai.take().body());

        String tool =
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":"
                + quoted(QUESTION)
                + "},{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":"
                + quoted(orders())
                + "}]}";
        toolReply =
            CompletableFuture.supplyAsync(
                () -> fx.post("/v1/chat/completions", tool, "authorization", "Bearer sk-test-1"));
        // A body too long to scan on the event loop (past 256 KB) waits for a worker as well,
        // even with nothing in it to compress: the loop serves other connections meanwhile.
        longReply =
            CompletableFuture.supplyAsync(
                () ->
                    fx.post(
                        "/v1/chat/completions", longAsked, "authorization", "Bearer sk-test-1"));
        Thread.sleep(300);
        assertFalse(toolReply.isDone(), "a tool output to compress waits for a worker");
        assertFalse(longReply.isDone(), "so does a body too long to scan on the event loop");
      } finally {
        release.countDown();
      }
      assertEquals(200, toolReply.get(20, TimeUnit.SECONDS).status());
      assertEquals(200, longReply.get(20, TimeUnit.SECONDS).status());
      List<byte[]> forwarded = List.of(fx.openai.take().body(), fx.openai.take().body());
      assertTrue(
          forwarded.stream().anyMatch(body -> body.length < orders().length() / 2),
          "the tool output compressed once a worker was free");
      byte[] longBytes = longAsked.getBytes(StandardCharsets.UTF_8);
      assertTrue(
          forwarded.stream().anyMatch(body -> Arrays.equals(body, longBytes)),
          "the long body forwarded as it came");
    }
  }

  @Test
  void whatWasDroppedIsRetrievableOnlyWithTheSameKey() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      String body =
          "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":"
              + quoted(QUESTION)
              + "},"
              + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
              + quoted(orders())
              + "}]}";
      fx.post("/v1/chat/completions", body, "authorization", "Bearer sk-owner");
      String sent = new String(fx.openai.take().body(), StandardCharsets.UTF_8);
      Matcher marker = Pattern.compile("<<ccr:([0-9a-f]+) ").matcher(sent);
      assertTrue(marker.find(), "a compressed block carries a retrieval marker: " + sent);
      String hash = marker.group(1);
      String dropped = "ord_100042";
      assertTrue(!sent.contains(dropped), "the sample row must have been dropped");

      Tests.Reply owner = fx.get("/v1/retrieve/" + hash, "authorization", "Bearer sk-owner");
      Tests.Reply stranger =
          fx.get("/v1/retrieve/" + hash, "authorization", "Bearer sk-someone-else");
      Tests.Reply anonymous = fx.get("/v1/retrieve/" + hash);
      Tests.Reply missing =
          fx.get("/v1/retrieve/0123456789abcdef", "authorization", "Bearer sk-owner");

      assertEquals(200, owner.status());
      assertTrue(
          new String(owner.body(), StandardCharsets.UTF_8).contains(dropped),
          "the owner gets the original back");
      assertEquals(404, stranger.status());
      assertEquals(404, anonymous.status());
      assertArrayEquals(
          withoutRequestId(missing.body()),
          withoutRequestId(stranger.body()),
          "a wrong key looks exactly like a missing hash");
      assertTrue(
          fx.openai.nothingRecorded(), "retrieval is answered by the proxy, never forwarded");
    }
  }

  /** The same, for formats the tool may not be offered on: nothing to take out is fine. */
  static String withoutRetrieveToolIfAny(String sent) {
    return sent.contains("\"" + RetrieveTools.NAME + "\",\"description\"")
        ? withoutRetrieveTool(sent)
        : sent;
  }

  /** The body as the client sent it, but compressed: the proxy's retrieval tool taken out again. */
  static String withoutRetrieveTool(String sent) {
    for (ProviderApi api : ProviderApi.values()) {
      if (!RetrieveTools.supports(api)) {
        continue;
      }
      String tool = new String(RetrieveTools.definition(api), StandardCharsets.UTF_8);
      if (sent.contains(tool)) {
        return sent.replace(",\"tools\":[" + tool + "]", "")
            .replace("," + tool, "")
            .replace(tool, "");
      }
    }
    throw new AssertionError("a compressed request carries the headroom_retrieve tool: " + sent);
  }

  private static byte[] withoutRequestId(byte[] body) {
    return new String(body, StandardCharsets.UTF_8)
        .replaceAll("\"request_id\":\"[^\"]*\"", "ID")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anthropicToolResultIsCompressedAfterTheFrozenFloor() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      String prefix =
          "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":512,\"system\":[{\"type\":\"text\",\"text\":\"You help.\","
              + "\"cache_control\":{\"type\":\"ephemeral\"}}],\"messages\":[{\"role\":\"user\",\"content\":"
              + quoted(QUESTION)
              + "},"
              + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"orders\",\"input\":{}}]},"
              + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":";
      String suffix = "}]}]}";
      String body = prefix + quoted(orders()) + suffix;

      Tests.Reply reply =
          fx.post(
              "/v1/messages", body, "x-api-key", "sk-ant-test", "anthropic-version", "2023-06-01");

      assertEquals(200, reply.status());
      assertShrunkKeepingWhatMatters(
          prefix, suffix, body.getBytes(StandardCharsets.UTF_8), fx.anthropic.take().body());
    }
  }

  @Test
  void responsesFunctionOutputIsCompressed() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      String prefix =
          "{\"model\":\"gpt-5\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":"
              + quoted(QUESTION)
              + "},"
              + "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"encrypted_content\":\"gAAAA"
              + "q".repeat(800)
              + "\",\"summary\":[]},"
              + "{\"type\":\"function_call\",\"call_id\":\"fc_1\",\"name\":\"orders\",\"arguments\":\"{}\"},"
              + "{\"type\":\"function_call_output\",\"call_id\":\"fc_1\",\"output\":";
      String suffix = "}],\"store\":false}";
      String body = prefix + quoted(orders()) + suffix;

      Tests.Reply reply = fx.post("/v1/responses", body, "authorization", "Bearer sk-test-2");

      assertEquals(200, reply.status());
      assertShrunkKeepingWhatMatters(
          prefix, suffix, body.getBytes(StandardCharsets.UTF_8), fx.openai.take().body());
    }
  }

  @Test
  void withCompressionOffOrABypassTheUpstreamGetsTheClientsBytes() throws Exception {
    String body =
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
            + quoted(orders())
            + "}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (ProxyFixture off = ProxyFixture.asConfigured(b -> b.compression(false))) {
      Tests.Reply reply = off.post("/v1/chat/completions", body);
      assertArrayEquals(bytes, off.openai.take().body());
      assertEquals(null, reply.headers().get("x-headroom-tokens-before"));
    }
    try (ProxyFixture on = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      on.post("/v1/chat/completions", body, "x-headroom-bypass", "true");
      assertArrayEquals(bytes, on.openai.take().body());
      on.post("/v1/chat/completions", body);
      assertTrue(
          !Arrays.equals(bytes, on.openai.take().body()),
          "without the bypass the same body is compressed");
    }
  }
}
