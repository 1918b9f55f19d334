package dev.headroom.proxy.internal.http;

import dev.headroom.compress.ProviderApi;
import dev.headroom.proxy.internal.pipeline.LiveZoneRequestRewriter;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The response side of an exchange whose request may carry the proxy's retrieval tool: the {@link
 * RetrievalLoop} answers the model's {@code headroom_retrieve} calls, then what it ends with
 * reaches the client — relayed as it streams, as the body the loop already read, or, for an event
 * stream, through {@link StreamedRetrievals} (an active stream until it ends, its usage summed over
 * the rounds). The {@link Exchange} keeps the head, the accounting and the end of the exchange.
 */
final class RetrievalRelay {

  private final Exchange exchange;
  private final Forwarder f;
  private final HttpServerRequest req;
  private final HttpServerResponse resp;
  private final RequestContext ctx;

  RetrievalRelay(
      Exchange exchange, Forwarder forwarder, HttpServerRequest request, RequestContext ctx) {
    this.exchange = exchange;
    this.f = forwarder;
    this.req = request;
    this.resp = request.response();
    this.ctx = ctx;
  }

  /**
   * @param rewritten whether the pipeline changed the body (only then can it carry the tool)
   * @return whether the response to this exchange goes through here
   */
  static boolean applies(Forwarder f, RequestContext ctx, boolean rewritten) {
    return f.retrievals != null
        && rewritten
        && LiveZoneRequestRewriter.apiOf(ctx.route.label()).isPresent();
  }

  /**
   * @param first the upstream's first response
   * @param headers the headers the request was sent with
   * @param body the body it was sent with
   */
  void relay(HttpClientResponse first, MultiMap headers, Buffer body) {
    String scope = ctx.scope;
    ProviderApi api = LiveZoneRequestRewriter.apiOf(ctx.route.label()).orElseThrow();
    f.retrievals
        .run(first, req.uri(), api, ctx, headers, body, scope, exchange::upstream)
        .onComplete(
            done -> {
              if (done.failed()) {
                exchange.upstreamFailed(done.cause());
              } else if (done.result().body() == null) {
                byte[] sent = body.getBytes();
                if (StreamedRetrievals.applies(ctx.route, done.result().response(), sent)) {
                  stream(done.result().response(), headers, sent, scope);
                } else {
                  exchange.relay(done.result().response());
                }
              } else {
                relayBuffered(done.result().response(), done.result().body());
              }
            });
  }

  private void stream(HttpClientResponse up, MultiMap headers, byte[] sent, String scope) {
    if (exchange.finished()) {
      up.request().reset();
      return;
    }
    exchange.head(up);
    // The client gets a rewritten stream: the upstream's length, if it sent one, is not its length.
    resp.headers().remove("content-length");
    resp.setChunked(true);
    resp.writeHead();
    exchange.postSend(true);
    StreamedRetrievals streamed =
        new StreamedRetrievals(
            f,
            f.retrievals,
            resp,
            ctx,
            headers,
            req.uri(),
            scope,
            sent,
            exchange::upstream,
            failure -> {
              if (exchange.finished()) {
                return;
              }
              if (failure != null) {
                ctx.failure = "upstream_reset_mid_response";
                resp.reset();
              } else {
                resp.end();
              }
              exchange.finish();
            });
    exchange.streaming(streamed::summary);
    streamed.relay(up);
  }

  private void relayBuffered(HttpClientResponse up, Buffer body) {
    if (exchange.finished()) {
      return;
    }
    exchange.head(up);
    exchange.postSend(false);
    ctx.bytesOut += body.length();
    exchange.keepResponseCopy(body);
    resp.end(body);
    exchange.finish();
  }
}
