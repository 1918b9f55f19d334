package dev.headroom.client.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apiguardian.api.API;

/**
 * A response body passed through unchanged to its reader, every byte read also shown to an {@link
 * Observer}, which hears of the end once: at end of stream (complete) or on an earlier close (not
 * complete), whichever comes first. The reader is never slowed beyond the observer's work.
 */
@API(status = INTERNAL, since = "0.1")
public final class TappedBody extends FilterInputStream {

  /** What sees the body go by. Called with the body's lock held, never concurrently. */
  @API(status = INTERNAL, since = "0.1")
  public interface Observer {

    /**
     * @param bytes a buffer holding the bytes just read
     * @param offset where they start
     * @param length how many there are
     */
    void read(byte[] bytes, int offset, int length);

    /**
     * @param complete whether the body was read to its end (else it was closed before)
     */
    void ended(boolean complete);
  }

  private final Observer observer;
  private boolean ended;

  /**
   * @param body the body as the transport delivers it
   * @param observer what sees it go by
   */
  public TappedBody(InputStream body, Observer observer) {
    super(body);
    this.observer = observer;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      end(true);
    } else {
      seen(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      end(true);
    } else {
      seen(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes are read through so the observer sees the whole body.
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
      end(false);
    }
  }

  private synchronized void seen(byte[] buffer, int offset, int length) {
    if (!ended) {
      observer.read(buffer, offset, length);
    }
  }

  private synchronized void end(boolean complete) {
    if (!ended) {
      ended = true;
      observer.ended(complete);
    }
  }
}
