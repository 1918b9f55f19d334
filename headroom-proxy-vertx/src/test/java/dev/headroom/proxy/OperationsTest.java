package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OperationsTest {

  @Test
  void metricsExposeHeadroomSeriesInPrometheusFormat() {
    RecordingExtension thrower =
        new RecordingExtension(
            "thrower",
            e -> {
              throw new IllegalStateException("boom");
            });
    try (ProxyFixture fx = ProxyFixture.withExtensions(thrower)) {
      fx.post("/v1/chat/completions", "{}");
      fx.openai.take();
      assertTrue(
          Tests.eventually(
              () -> fx.proxy.scrapeMetrics().contains("headroom_requests_total{route=\"chat\"")));
      Tests.Reply[] metrics = new Tests.Reply[1];
      assertTrue(
          Tests.eventually(
              () -> {
                metrics[0] =
                    Tests.call(
                        fx.client, fx.port, HttpMethod.GET, "/metrics", Tests.headers(), null);
                return metrics[0].text().contains("headroom_requests_total{route=\"chat\"");
              }),
          () -> "scrape over HTTP: " + metrics[0].status() + " '" + metrics[0].text() + "'");
      assertEquals(200, metrics[0].status());
      assertTrue(metrics[0].headers().get("content-type").startsWith("text/plain"));
      String text = metrics[0].text();
      for (String series :
          new String[] {
            "headroom_requests_total{route=\"chat\",status=\"200\"} 1.0",
            "headroom_overhead_seconds_bucket{route=\"chat\",le=",
            "headroom_upstream_latency_seconds_count{route=\"chat\"} 1",
            "headroom_request_bytes_sum{route=\"chat\"} 2.0",
            "headroom_active_streams 0.0",
            "headroom_active_websockets 0.0",
            "headroom_tokens_before_total 0.0",
            "headroom_extension_failures_total{extension=\"thrower\"}"
          }) {
        assertTrue(text.contains(series), series + " missing in\n" + text);
      }
    }
  }

  @Test
  void metricsShowTheCollectorsPausesAndDirectMemoryUntilTheProxyStops() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start()) {
      // Bound on a worker once the proxy listens.
      fx.awaitMetric("jvm_gc_max_data_size_bytes");
      System.gc();
      assertTrue(
          Tests.eventually(() -> gcPauses(fx.proxy.scrapeMetrics()) > 0), fx.proxy.scrapeMetrics());
      String text = fx.proxy.scrapeMetrics();
      for (String series :
          new String[] {
            "jvm_gc_pause_seconds_count{action=\"end of ",
            "jvm_gc_live_data_size_bytes",
            "jvm_memory_used_bytes{area=\"heap\"",
            "jvm_buffer_memory_used_bytes{id=\"direct\"}"
          }) {
        assertTrue(text.contains(series), series + " missing in\n" + text);
      }

      Tests.await(fx.proxy.stop());
      double before = gcPauses(fx.proxy.scrapeMetrics());
      System.gc();
      Thread.sleep(500); // the collector's notifications arrive on a thread of their own
      assertEquals(
          before,
          gcPauses(fx.proxy.scrapeMetrics()),
          "a stopped proxy no longer listens to the collector");
    }
  }

  /** The sum of the jvm_gc_pause_seconds_count series of a scrape. */
  private static double gcPauses(String scrape) {
    return scrape
        .lines()
        .filter(line -> line.startsWith("jvm_gc_pause_seconds_count{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void upstreamErrorsAreCountedByKind() throws Exception {
    try (ProxyFixture fx = ProxyFixture.withClosedUpstream((b, url) -> b.anthropicApiUrl(url))) {
      fx.post("/v1/messages", "{}");
      fx.awaitMetric("headroom_upstream_errors_total{kind=\"connect\",route=\"messages\"} 1.0");
    }
  }

  @Test
  void stopLetsAnInFlightRequestFinish() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start(b -> b.shutdownTimeout(Duration.ofSeconds(5)))) {
      CompletableFuture<Void> reachedUpstream = new CompletableFuture<>();
      fx.openai.respond(
          (request, body) -> {
            reachedUpstream.complete(null);
            fx.vertx.setTimer(300, t -> request.response().end("{\"late\":true}"));
          });
      CompletableFuture<Tests.Reply> reply =
          CompletableFuture.supplyAsync(() -> fx.post("/v1/chat/completions", "{}"));
      reachedUpstream.get(10, TimeUnit.SECONDS);
      Future<Void> stopped = fx.proxy.stop();
      Tests.Reply answer = reply.get(10, TimeUnit.SECONDS);
      assertEquals(200, answer.status());
      assertEquals("{\"late\":true}", answer.text());
      Tests.await(stopped);
    }
  }
}
