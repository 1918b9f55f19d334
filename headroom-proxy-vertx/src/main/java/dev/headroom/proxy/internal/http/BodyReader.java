package dev.headroom.proxy.internal.http;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a request body whole, within the proxy's limit, for the pipeline. A body past the limit is
 * reported as {@link ProxyFailure#BODY_TOO_LARGE} as soon as it crosses it, a client that breaks
 * off as {@link ProxyFailure#CLIENT_REQUEST_ERROR}; bytes that arrive after the exchange is over
 * are ignored.
 *
 * <p>Each chunk is copied once, straight into the array the pipeline reads, and that array goes
 * upstream {@link #wrap wrapped}, not copied again: a megabyte body was copied three times on the
 * event loop before it reached the socket (aggregated, turned into an array, turned back).
 */
final class BodyReader {

  /** A lying {@code Content-Length} costs at most this many bytes allocated up front. */
  private static final int PRESIZE_CAP = 8 << 20;

  private BodyReader() {}

  /**
   * @param request the client's request, not yet read
   * @param declared its {@code Content-Length}, or {@code -1}
   * @param limit the largest body accepted
   * @param outcome told of failures
   * @param whole gets the body once it has all arrived (an array of exactly its length, never
   *     written to again)
   */
  static void read(
      HttpServerRequest request,
      long declared,
      long limit,
      ExchangeOutcome outcome,
      Consumer<byte[]> whole) {
    // Sized from Content-Length so a large body is not copied at every growth.
    Received body = new Received(declared > 0 ? (int) Math.min(declared, PRESIZE_CAP) : 1024);
    request.handler(
        chunk -> {
          if (outcome.finished()) {
            return;
          }
          if ((long) body.length + chunk.length() > limit) {
            outcome.failed(ProxyFailure.BODY_TOO_LARGE);
          } else {
            body.append(chunk);
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
            whole.accept(body.whole());
          }
        });
    // A request held while the limits answered flows again now that it has somewhere to go.
    request.resume();
  }

  /**
   * @param bytes a body no one writes to any more
   * @return a buffer over the same array, not a copy ({@link Buffer#buffer(byte[])} copies)
   */
  static Buffer wrap(byte[] bytes) {
    return BufferInternal.buffer(Unpooled.wrappedBuffer(bytes));
  }

  /** The bytes received so far, in an array that doubles when a chunk does not fit. */
  private static final class Received {
    private byte[] bytes;
    private int length;

    Received(int capacity) {
      bytes = new byte[capacity];
    }

    void append(Buffer chunk) {
      int size = chunk.length();
      if (length + size > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(length + size, bytes.length * 2));
      }
      chunk.getBytes(0, size, bytes, length);
      length += size;
    }

    byte[] whole() {
      return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
  }
}
