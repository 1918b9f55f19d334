package dev.headroom.client.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A response body passed through unchanged to its reader, with a bounded copy handed to a callback
 * once, at end of stream or on close, whichever comes first. Past the cap the copy is dropped and
 * the callback gets {@code null}; the reader is never slowed beyond the copy.
 */
@API(status = INTERNAL, since = "0.1")
public final class TappedBody extends FilterInputStream {

  /** The most bytes of a response kept for the response stages. */
  public static final int MAX_COPY = 8 << 20;

  private final Consumer<byte[]> onEnd;
  private final AtomicBoolean ended = new AtomicBoolean();
  private ByteArrayOutputStream copy = new ByteArrayOutputStream();

  /**
   * @param body the body as the transport delivers it
   * @param onEnd receives the whole body, or {@code null} when it was larger than {@link #MAX_COPY}
   */
  public TappedBody(InputStream body, Consumer<byte[]> onEnd) {
    super(body);
    this.onEnd = onEnd;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      end();
    } else {
      keep(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      end();
    } else {
      keep(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes are read through so the copy stays whole.
    byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, n))];
    long skipped = 0;
    while (skipped < n) {
      int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      end();
    }
  }

  private synchronized void keep(byte[] buffer, int offset, int length) {
    if (copy == null) {
      return;
    }
    if (copy.size() + length > MAX_COPY) {
      copy = null;
      return;
    }
    copy.write(buffer, offset, length);
  }

  private void end() {
    if (ended.compareAndSet(false, true)) {
      byte[] whole;
      synchronized (this) {
        whole = copy == null ? null : copy.toByteArray();
        copy = null;
      }
      onEnd.accept(whole);
    }
  }
}
