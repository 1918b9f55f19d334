package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineExtensions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/** A Vert.x instance, an OpenAI-side and an Anthropic-side fake upstream, and a proxy in front. */
public final class ProxyFixture implements AutoCloseable {

  public final Vertx vertx = Vertx.vertx();
  public final FakeUpstream openai = FakeUpstream.start(vertx);
  public final FakeUpstream anthropic = FakeUpstream.start(vertx);
  public final HttpClient client = Tests.client(vertx);
  public final HeadroomProxy proxy;
  public final int port;

  private ProxyFixture(UnaryOperator<ProxyOptions.Builder> options) {
    ProxyOptions.Builder builder =
        ProxyOptions.builder()
            .port(0)
            .openaiApiUrl(openai.url())
            .anthropicApiUrl(anthropic.url() + "/v1")
            .extensions(PipelineExtensions.none())
            .shutdownTimeout(Duration.ofSeconds(1));
    proxy = HeadroomProxy.create(vertx, options.apply(builder).build());
    port = Tests.await(proxy.start());
  }

  /** A proxy that forwards without compressing (what these tests of forwarding need). */
  public static ProxyFixture start() {
    return start(b -> b);
  }

  /** A proxy without compression, further configured. */
  public static ProxyFixture start(UnaryOperator<ProxyOptions.Builder> options) {
    return new ProxyFixture(b -> options.apply(b.compression(false)));
  }

  /**
   * A proxy without compression whose upstream is a port nothing listens on: {@code options} sets
   * it from the URL given. The port is held while the proxy and its fakes take theirs, so none of
   * them takes it (the proxy's own port-0 listener once did, and a request looped through the proxy
   * until it timed out), and closed before this returns.
   */
  public static ProxyFixture withClosedUpstream(
      BiFunction<ProxyOptions.Builder, String, ProxyOptions.Builder> options) throws IOException {
    try (ServerSocket held = new ServerSocket(0)) {
      return start(b -> options.apply(b, "http://127.0.0.1:" + held.getLocalPort()));
    }
  }

  /** A proxy without compression, with these extensions. */
  public static ProxyFixture withExtensions(PipelineExtension... extensions) {
    return start(b -> b.extensions(PipelineExtensions.of(extensions)));
  }

  /** The proxy as users run it: live-zone compression as the options say (on by default). */
  public static ProxyFixture asConfigured(UnaryOperator<ProxyOptions.Builder> options) {
    return new ProxyFixture(options);
  }

  public Tests.Reply get(String uri, String... headers) {
    return Tests.call(client, port, HttpMethod.GET, uri, Tests.headers(headers), null);
  }

  public Tests.Reply post(String uri, String body, String... headers) {
    return Tests.post(client, port, uri, body, headers);
  }

  /**
   * Waits (a few seconds at most) for the Prometheus scrape to hold {@code line}; fails with the
   * scrape otherwise. Metrics are counted when an exchange ends, which may be after its reply.
   *
   * @param line a whole sample line, {@code name{labels} value}
   */
  public void awaitMetric(String line) {
    assertTrue(Tests.eventually(() -> proxy.scrapeMetrics().contains(line)), proxy.scrapeMetrics());
  }

  @Override
  public void close() {
    Tests.await(proxy.stop());
    Tests.await(vertx.close());
  }
}
