package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.PipelineStage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up before its answer: the exchange is reported once, as the client leaving
 * (499, {@code failure=client_closed}), whatever the gateway was doing at that moment.
 */
class ClientGoneTest {

  private static final byte[] BODY =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
          .getBytes(StandardCharsets.UTF_8);

  private AccessLogLines accessLog;

  @BeforeEach
  void listen() {
    accessLog = AccessLogLines.capture();
  }

  @AfterEach
  void stopListening() {
    accessLog.close();
  }

  @Test
  void hangingUpWhileTheUpstreamHoldsTheRequestIsReportedOnceAsTheClientLeaving() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      fx.openai.respond(
          (request, body) -> {
            /* holds the request until the gateway resets it */
          });
      Socket client = send(fx.port, "rid-gone-upstream");
      try {
        fx.openai.take();
      } finally {
        client.close();
      }

      fx.awaitMetric("headroom_requests_total{route=\"chat\",status=\"499\"} 1.0");
      assertReportedOnceAsGone("rid-gone-upstream", fx);
    }
  }

  @Test
  void hangingUpWhileThePipelineHasTheBodyIsReportedOnceAndNothingIsSent() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecordingExtension holding =
        new RecordingExtension(
            "holding",
            event -> {
              if (event.stage() == PipelineStage.INPUT_RECEIVED) {
                entered.countDown();
                awaitQuietly(release);
              }
              return event;
            });
    try (ProxyFixture fx = ProxyFixture.withExtensions(holding)) {
      Socket client = send(fx.port, "rid-gone-pipeline");
      try {
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the pipeline got the body");
      } finally {
        client.close();
      }
      // The gateway notices the hang-up before the pipeline lets go of the body.
      fx.awaitMetric("headroom_requests_total{route=\"chat\",status=\"499\"} 1.0");
      release.countDown();

      assertReportedOnceAsGone("rid-gone-pipeline", fx);
      assertTrue(fx.openai.nothingRecorded(), "nothing is sent for a client that left");
    } finally {
      release.countDown();
    }
  }

  private void assertReportedOnceAsGone(String requestId, ProxyFixture fx) throws Exception {
    String line = accessLog.next(requestId);
    assertTrue(line != null, "no access-log line for " + requestId);
    assertTrue(line.contains(" status=499 ") && line.contains(" failure=client_closed"), line);
    // One more exchange, so that a second report of the first would have been logged by now.
    assertEquals(200, fx.get("/healthz").status());
    List<String> later = accessLog.drain();
    assertTrue(later.stream().noneMatch(l -> l.contains(requestId)), "reported once: " + later);
    String metrics = fx.proxy.scrapeMetrics();
    assertFalse(metrics.contains("status=\"502\""), "no 502 counted: " + metrics);
    assertFalse(
        metrics.contains("headroom_upstream_errors_total{"), "no upstream error: " + metrics);
  }

  /** A request written whole on a socket of its own, left open for its answer. */
  private static Socket send(int port, String requestId) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1\r\nx-request-id: "
                + requestId
                + "\r\ncontent-type: application/json\r\ncontent-length: "
                + BODY.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(BODY);
    out.flush();
    return socket;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
