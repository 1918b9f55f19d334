package dev.headroom.proxy.internal.http;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The upstream side of one exchange: the request (a body read whole, the client's body piped as it
 * arrives, or a retrieval continuation), under one timeout for the whole exchange. A timeout is
 * reported as {@link ProxyFailure#UPSTREAM_TIMEOUT} and resets the request in flight; {@link
 * #reset()} does the same when the client leaves. The {@code Host} sent is the upstream's, unless a
 * signature covers another ({@link #host(String)}).
 */
final class UpstreamCall {

  private final ProxyServices services;
  private final HttpServerRequest client;
  private final RequestContext ctx;
  private final ExchangeOutcome outcome;
  private HttpClientRequest current;
  private MultiMap headers;
  private long timer = -1;
  private String host;
  private Function<Buffer, Future<MultiMap>> signer;

  UpstreamCall(
      ProxyServices services,
      HttpServerRequest client,
      RequestContext ctx,
      ExchangeOutcome outcome) {
    this.services = services;
    this.client = client;
    this.ctx = ctx;
    this.outcome = outcome;
  }

  /**
   * @param value the {@code Host} to send instead of the upstream's: the one a SigV4 signature
   *     covers (the client's, or the one the gateway signed for)
   */
  void host(String value) {
    this.host = value;
  }

  /**
   * @param value signs a retrieval continuation's body again (the gateway re-signs this exchange);
   *     gives the headers to send with it
   */
  void signer(Function<Buffer, Future<MultiMap>> value) {
    this.signer = value;
  }

  /**
   * @param headers the upstream-bound headers
   * @param body the body to send
   * @param framed whether the client's request had a body at all (then one is sent, even empty)
   * @return the response head
   */
  Future<HttpClientResponse> send(MultiMap headers, Buffer body, boolean framed) {
    begin(headers);
    return services
        .client()
        .request(services.upstreams().http(ctx.provider, client.method(), client.uri(), headers))
        .compose(
            request -> {
              current = request;
              if (outcome.finished()) {
                request.reset();
                return Future.failedFuture("exchange already finished");
              }
              withHost(request);
              return framed || body.length() > 0 ? request.send(body) : request.send();
            });
  }

  /**
   * Pipes the client's body upstream as it arrives (nothing can change it), with the client's
   * framing, the size limit enforced on the way.
   *
   * @param headers the upstream-bound headers
   * @param length the client's {@code Content-Length}, or {@code null}
   * @return the response head
   */
  Future<HttpClientResponse> pipe(MultiMap headers, String length) {
    client.pause();
    boolean chunked = length == null && client.headers().contains("transfer-encoding");
    if (length != null) {
      headers.set("content-length", length.strip());
    }
    begin(headers);
    Promise<HttpClientResponse> answered = Promise.promise();
    services
        .client()
        .request(services.upstreams().http(ctx.provider, client.method(), client.uri(), headers))
        .onComplete(
            connected -> {
              if (connected.failed()) {
                answered.fail(connected.cause());
                return;
              }
              HttpClientRequest request = connected.result();
              current = request;
              if (outcome.finished()) {
                request.reset();
                return;
              }
              withHost(request);
              request.setChunked(chunked);
              request.response().onComplete(answered);
              pipeBody(request);
            });
    return answered.future();
  }

  private void pipeBody(HttpClientRequest request) {
    client.handler(
        chunk -> {
          if (outcome.finished()) {
            return;
          }
          ctx.bytesIn += chunk.length();
          if (ctx.bytesIn > services.maxBodyBytes()) {
            outcome.failed(ProxyFailure.BODY_TOO_LARGE);
            request.reset();
            return;
          }
          request.write(chunk);
          if (request.writeQueueFull()) {
            client.pause();
            request.drainHandler(v -> client.resume());
          }
        });
    client.exceptionHandler(
        failure -> {
          if (!outcome.finished()) {
            outcome.failed(ProxyFailure.CLIENT_REQUEST_ERROR);
            request.reset();
          }
        });
    client.endHandler(
        v -> {
          if (!outcome.finished()) {
            request.end();
          }
        });
    client.resume();
  }

  /**
   * A retrieval continuation: to the same URI with the same headers, under the same timeout.
   *
   * @param body the continuation's body
   * @return its response head
   */
  Future<HttpClientResponse> again(Buffer body) {
    Future<MultiMap> sent = signer == null ? Future.succeededFuture(headers) : signer.apply(body);
    return sent.compose(
        signed ->
            services
                .client()
                .request(
                    services.upstreams().http(ctx.provider, HttpMethod.POST, client.uri(), signed))
                .compose(
                    request -> {
                      current = request;
                      withHost(request);
                      return request.send(body);
                    }));
  }

  private void withHost(HttpClientRequest request) {
    HostAndPort authority = host == null ? null : HostAndPort.parseAuthority(host, -1);
    if (authority != null) {
      request.authority(authority);
    }
  }

  /** Resets the request in flight, if any (the client left). */
  void reset() {
    if (current != null) {
      current.reset();
    }
  }

  /** The exchange is over: the timeout is no longer needed. */
  void stop() {
    if (timer >= 0) {
      services.vertx().cancelTimer(timer);
      timer = -1;
    }
  }

  private void begin(MultiMap headers) {
    this.headers = headers;
    ctx.sendNanos = System.nanoTime();
    timer = services.vertx().setTimer(services.requestTimeoutMillis(), id -> timedOut());
  }

  private void timedOut() {
    timer = -1;
    if (outcome.finished()) {
      return;
    }
    HttpClientRequest pending = current;
    outcome.failed(ProxyFailure.UPSTREAM_TIMEOUT);
    if (pending != null) {
      pending.reset(0, new TimeoutException("request timeout"));
    }
  }
}
