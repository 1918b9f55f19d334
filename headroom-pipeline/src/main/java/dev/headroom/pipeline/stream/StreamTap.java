package dev.headroom.pipeline.stream;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.ProviderApi;
import org.apiguardian.api.API;

/**
 * A framer and a {@link StreamFormat} reading a copy of a relayed stream. It never throws: a
 * failure inside disables the tap for the rest of the stream, and the bytes the client gets are not
 * touched. Not thread-safe: one per stream.
 */
@API(status = INTERNAL, since = "0.1")
public final class StreamTap {

  private final StreamFormat format;
  private final SseFramer framer;
  private boolean broken;

  private StreamTap(StreamFormat format) {
    this.format = format;
    this.framer = new SseFramer(format::accept, SseFramer.DEFAULT_MAX_EVENT_BYTES);
  }

  /**
   * @param api the stream's wire format
   * @return a tap
   */
  public static StreamTap of(ProviderApi api) {
    return new StreamTap(StreamFormat.of(api));
  }

  /**
   * @param chunk the next bytes of the stream, as they arrived
   */
  public void accept(byte[] chunk) {
    accept(chunk, 0, chunk.length);
  }

  /**
   * @param chunk a buffer holding the next bytes of the stream
   * @param offset where they start
   * @param length how many there are
   */
  public void accept(byte[] chunk, int offset, int length) {
    if (broken) {
      return;
    }
    try {
      framer.accept(chunk, offset, length);
    } catch (RuntimeException | StackOverflowError bug) {
      broken = true;
    }
  }

  /**
   * @return what the stream said so far
   */
  public StreamSummary summary() {
    return format.summary();
  }
}
