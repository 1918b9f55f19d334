package dev.headroom.proxy.internal.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Consumer;

/**
 * Reads a request body whole, within the proxy's limit, for the pipeline. A body past the limit is
 * reported as {@link ProxyFailure#BODY_TOO_LARGE} as soon as it crosses it, a client that breaks
 * off as {@link ProxyFailure#CLIENT_REQUEST_ERROR}; bytes that arrive after the exchange is over
 * are ignored.
 */
final class BodyReader {

  /** A lying {@code Content-Length} costs at most this many bytes allocated up front. */
  private static final long PRESIZE_CAP = 8L << 20;

  private BodyReader() {}

  /**
   * @param request the client's request, not yet read
   * @param declared its {@code Content-Length}, or {@code -1}
   * @param limit the largest body accepted
   * @param outcome told of failures
   * @param whole gets the body once it has all arrived
   */
  static void read(
      HttpServerRequest request,
      long declared,
      long limit,
      ExchangeOutcome outcome,
      Consumer<Buffer> whole) {
    // Sized from Content-Length so a large body is not copied at every growth.
    Buffer body =
        declared > 0 ? Buffer.buffer((int) Math.min(declared, PRESIZE_CAP)) : Buffer.buffer();
    request.handler(
        chunk -> {
          if (outcome.finished()) {
            return;
          }
          if ((long) body.length() + chunk.length() > limit) {
            outcome.failed(ProxyFailure.BODY_TOO_LARGE);
          } else {
            body.appendBuffer(chunk);
          }
        });
    request.exceptionHandler(
        failure -> {
          if (!outcome.finished()) {
            outcome.failed(ProxyFailure.CLIENT_REQUEST_ERROR);
          }
        });
    request.endHandler(
        v -> {
          if (!outcome.finished()) {
            whole.accept(body);
          }
        });
    // A request held while the limits answered flows again now that it has somewhere to go.
    request.resume();
  }
}
