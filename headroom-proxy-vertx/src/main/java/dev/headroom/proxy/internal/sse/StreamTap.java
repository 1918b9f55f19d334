package dev.headroom.proxy.internal.sse;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A framer and a dialect state machine reading a copy of a relayed stream. It never throws: a
 * failure inside disables the tap for the rest of the stream, and the client's bytes are not
 * touched.
 */
@API(status = INTERNAL, since = "0.1")
public final class StreamTap {

  private final StreamState state;
  private final SseFramer framer;
  private boolean broken;

  private StreamTap(StreamState state) {
    this.state = state;
    this.framer = new SseFramer(state::accept, SseFramer.DEFAULT_MAX_EVENT_BYTES);
  }

  /**
   * @param dialect {@code anthropic}, {@code openai_chat} or {@code openai_responses}
   * @return a tap
   */
  public static StreamTap of(String dialect) {
    return new StreamTap(StreamState.of(dialect));
  }

  /**
   * @param chunk a copy of the bytes just relayed
   */
  public void accept(byte[] chunk) {
    if (broken) {
      return;
    }
    try {
      framer.accept(chunk);
    } catch (RuntimeException | StackOverflowError bug) {
      broken = true;
    }
  }

  /**
   * @return what the stream said so far
   */
  public StreamSummary summary() {
    return state.summary();
  }
}
