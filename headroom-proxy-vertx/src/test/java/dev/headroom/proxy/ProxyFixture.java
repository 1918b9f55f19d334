package dev.headroom.proxy;

import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.proxy.internal.pipeline.RequestRewriter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.util.function.UnaryOperator;

/** A Vert.x instance, an OpenAI-side and an Anthropic-side fake upstream, and a proxy in front. */
public final class ProxyFixture implements AutoCloseable {

  public final Vertx vertx = Vertx.vertx();
  public final FakeUpstream openai = FakeUpstream.start(vertx);
  public final FakeUpstream anthropic = FakeUpstream.start(vertx);
  public final HttpClient client = Tests.client(vertx);
  public final HeadroomProxy proxy;
  public final int port;

  private ProxyFixture(UnaryOperator<ProxyOptions.Builder> options, RequestRewriter rewriter) {
    ProxyOptions.Builder builder =
        ProxyOptions.builder()
            .port(0)
            .openaiApiUrl(openai.url())
            .anthropicApiUrl(anthropic.url() + "/v1")
            .extensions(PipelineExtensions.none())
            .shutdownTimeout(java.time.Duration.ofSeconds(1));
    ProxyOptions built = options.apply(builder).build();
    // No rewriter: the public path, which compresses unless the options turn it off.
    proxy =
        rewriter == null
            ? HeadroomProxy.create(vertx, built)
            : HeadroomProxy.create(vertx, built, rewriter);
    port = Tests.await(proxy.start());
  }

  public static ProxyFixture start() {
    return new ProxyFixture(b -> b, RequestRewriter.identity());
  }

  public static ProxyFixture start(UnaryOperator<ProxyOptions.Builder> options) {
    return new ProxyFixture(options, RequestRewriter.identity());
  }

  public static ProxyFixture withExtensions(PipelineExtension... extensions) {
    return new ProxyFixture(
        b -> b.extensions(PipelineExtensions.of(extensions)), RequestRewriter.identity());
  }

  /** The proxy as users run it: live-zone compression as the options say (on by default). */
  public static ProxyFixture asConfigured(UnaryOperator<ProxyOptions.Builder> options) {
    return new ProxyFixture(options, null);
  }

  public static ProxyFixture withRewriter(RequestRewriter rewriter) {
    return new ProxyFixture(b -> b, rewriter);
  }

  public Tests.Reply get(String uri, String... headers) {
    return Tests.call(
        client, port, io.vertx.core.http.HttpMethod.GET, uri, Tests.headers(headers), null);
  }

  public Tests.Reply post(String uri, String body, String... headers) {
    return Tests.post(client, port, uri, body, headers);
  }

  @Override
  public void close() {
    Tests.await(proxy.stop());
    Tests.await(vertx.close());
  }
}
