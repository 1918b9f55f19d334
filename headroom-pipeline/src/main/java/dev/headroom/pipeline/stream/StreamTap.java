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

  /** How the stream's bytes become events. */
  @FunctionalInterface
  private interface Framer {
    void accept(byte[] chunk, int offset, int length);
  }

  private final StreamFormat format;
  private final Framer framer;
  private boolean broken;

  private StreamTap(StreamFormat format, boolean eventStream) {
    this.format = format;
    if (eventStream) {
      EventStreamFramer messages = new EventStreamFramer(format::accept);
      this.framer = messages::accept;
    } else {
      SseFramer sse = new SseFramer(format::accept, SseFramer.DEFAULT_MAX_EVENT_BYTES);
      this.framer = sse::accept;
    }
  }

  /**
   * @param api the stream's wire format
   * @return a tap of a server-sent-event stream
   */
  public static StreamTap of(ProviderApi api) {
    return new StreamTap(StreamFormat.of(api), false);
  }

  /**
   * @param api the format of the events inside
   * @return a tap of an AWS event stream ({@code application/vnd.amazon.eventstream}: Bedrock's
   *     {@code ConverseStream} and {@code InvokeModelWithResponseStream})
   */
  public static StreamTap ofEventStream(ProviderApi api) {
    return new StreamTap(StreamFormat.of(api), true);
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
