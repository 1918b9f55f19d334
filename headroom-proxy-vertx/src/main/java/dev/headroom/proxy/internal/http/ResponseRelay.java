package dev.headroom.proxy.internal.http;

import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;

import dev.headroom.compress.ProviderApi;
import dev.headroom.pipeline.stream.StreamSummary;
import dev.headroom.pipeline.stream.StreamTap;
import dev.headroom.proxy.internal.retrieval.Answer;
import dev.headroom.proxy.internal.retrieval.StreamedRetrievals;
import dev.headroom.proxy.internal.wire.ForwardHeaders;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The response side of one exchange: the upstream's status and headers, then its body, byte for
 * byte, with back-pressure. An event stream of an LLM route is read alongside by a {@link
 * StreamTap} (its usage and status); a JSON body is copied for its usage (up to 256 KiB), whole (up
 * to 16 MiB) when an extension wants it at {@code RESPONSE_RECEIVED}. A retrieval {@link Answer} is
 * relayed as the loop left it.
 */
final class ResponseRelay {

  private static final int COPY_CAP = 16 << 20;
  private static final int USAGE_CAP = 256 << 10;

  private final ProxyServices services;
  private final HttpServerResponse response;
  private final HttpMethod method;
  private final RequestContext ctx;
  private final ExchangeOutcome outcome;
  private Supplier<StreamSummary> stream;
  private Buffer copy;

  ResponseRelay(
      ProxyServices services,
      HttpServerResponse response,
      HttpMethod method,
      RequestContext ctx,
      ExchangeOutcome outcome) {
    this.services = services;
    this.response = response;
    this.method = method;
    this.ctx = ctx;
    this.outcome = outcome;
  }

  /**
   * @return what the relayed event stream said, when the response was one
   */
  Optional<StreamSummary> summary() {
    return stream == null ? Optional.empty() : Optional.of(stream.get());
  }

  /**
   * @return the JSON body as relayed, when it was kept
   */
  Optional<Buffer> copy() {
    return Optional.ofNullable(copy);
  }

  /**
   * @return whether an event stream is being (or was) relayed
   */
  boolean streaming() {
    return stream != null;
  }

  /**
   * @param answer what the retrieval loop left for the client
   */
  void answer(Answer answer) {
    if (answer instanceof Answer.Buffered buffered) {
      relayBuffered(buffered.response(), buffered.body());
    } else if (answer instanceof Answer.Streamed streamed) {
      relayStreamed(streamed.response(), streamed.stream());
    } else {
      relay(answer.response());
    }
  }

  /**
   * Relays a response as it streams.
   *
   * @param up the upstream response
   */
  void relay(HttpClientResponse up) {
    if (outcome.finished()) {
      up.request().reset();
      return;
    }
    head(up);
    boolean bodyless =
        method == HttpMethod.HEAD || up.statusCode() == 204 || up.statusCode() == 304;
    if (!bodyless && !response.headers().contains("content-length")) {
      response.setChunked(true);
    }
    String type = up.getHeader("content-type");
    String mediaType = type == null ? "" : type.toLowerCase(Locale.ROOT);
    Optional<ProviderApi> api = ctx.route.api();
    StreamTap tap = null;
    boolean eventStream = mediaType.startsWith("application/vnd.amazon.eventstream");
    if ((mediaType.startsWith("text/event-stream") || eventStream) && api.isPresent()) {
      tap = eventStream ? StreamTap.ofEventStream(api.get()) : StreamTap.of(api.get());
      streaming(tap::summary);
      response.writeHead();
    } else if (mediaType.contains("json") && (api.isPresent() || wantsCopy())) {
      // An LLM response is read for its usage (the provider's cache figures); an extension may
      // want it whole.
      copy = Buffer.buffer();
    }
    outcome.responding(tap != null);
    StreamTap reading = tap;
    up.handler(
        chunk -> {
          ctx.bytesOut += chunk.length();
          response.write(chunk);
          if (response.writeQueueFull()) {
            up.pause();
            response.drainHandler(v -> up.resume());
          }
          if (reading != null) {
            reading.accept(chunk.getBytes());
          } else if (copy != null) {
            copy = copy.length() + chunk.length() > copyCap() ? null : copy.appendBuffer(chunk);
          }
        });
    up.exceptionHandler(
        failure -> {
          if (!outcome.finished()) {
            outcome.failed(ProxyFailure.UPSTREAM_RESET);
          }
        });
    up.endHandler(
        v -> {
          if (!outcome.finished()) {
            response.end();
            outcome.completed();
          }
        });
  }

  private void relayBuffered(HttpClientResponse up, Buffer body) {
    if (outcome.finished()) {
      return;
    }
    head(up);
    outcome.responding(false);
    ctx.bytesOut += body.length();
    if (body.length() <= copyCap()) {
      copy = body;
    }
    response.end(body);
    outcome.completed();
  }

  private void relayStreamed(HttpClientResponse up, StreamedRetrievals streamed) {
    if (outcome.finished()) {
      up.request().reset();
      return;
    }
    head(up);
    // The client gets a rewritten stream: the upstream's length, if it sent one, is not its length.
    response.headers().remove("content-length");
    response.setChunked(true);
    response.writeHead();
    outcome.responding(true);
    streaming(streamed::summary);
    streamed.relay(
        up,
        new StreamedRetrievals.ClientStream() {
          @Override
          public void write(Buffer bytes) {
            ctx.bytesOut += bytes.length();
            response.write(bytes);
          }

          @Override
          public void done(Throwable failure) {
            if (outcome.finished()) {
              return;
            }
            if (failure != null) {
              outcome.failed(ProxyFailure.UPSTREAM_RESET);
            } else {
              response.end();
              outcome.completed();
            }
          }
        });
  }

  private void head(HttpClientResponse up) {
    ctx.responseNanos = System.nanoTime();
    ctx.upstreamStatus = up.statusCode();
    ctx.status = up.statusCode();
    response.setStatusCode(up.statusCode());
    if (up.statusMessage() != null) {
      response.setStatusMessage(up.statusMessage());
    }
    ForwardHeaders.relayResponse(up.headers(), response.headers());
    String upstreamId =
        up.getHeader("request-id") != null
            ? up.getHeader("request-id")
            : up.getHeader("x-request-id");
    if (upstreamId != null) {
      response.headers().set("headroom-upstream-request-id", upstreamId);
    }
    ctx.stamp(response.headers());
  }

  /** An SSE response counts as an active stream from here until the exchange finishes. */
  private void streaming(Supplier<StreamSummary> summary) {
    stream = summary;
    services.metrics().streams(1);
  }

  /** Whole for an extension (up to 16 MiB), else as much as usage parsing is worth (256 KiB). */
  private int copyCap() {
    return wantsCopy() ? COPY_CAP : USAGE_CAP;
  }

  private boolean wantsCopy() {
    return !ctx.bypass && services.responses().wants(RESPONSE_RECEIVED);
  }
}
