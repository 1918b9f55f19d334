package dev.headroom.pipeline.stream;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Cuts a byte stream into server-sent events, whatever the chunk boundaries: an event ends at a
 * blank line ({@code \n\n}, {@code \r\n\r\n} or {@code \r\r}); text is decoded as UTF-8 only per
 * complete event, so a character split across chunks is never damaged. Comments ({@code :}) and
 * {@code id:}/{@code retry:} are ignored, blocks without {@code data:} are skipped, an event that
 * is not valid UTF-8 is skipped, and one that grows past the cap is dropped up to its end. Not
 * thread-safe: one framer per stream.
 */
@API(status = INTERNAL, since = "0.1")
public final class SseFramer {

  /** Per-event cap, 1 MiB, like the original's {@code HEADROOM_SSE_BUFFER_MAX_BYTES}. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 1 << 20;

  private final Consumer<SseEvent> sink;
  private final int maxEventBytes;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private int previous = -1;
  private int beforePrevious = -1;
  private boolean skipping;
  private long skippedEvents;

  /**
   * @param sink receives each complete event
   * @param maxEventBytes the per-event cap
   */
  public SseFramer(Consumer<SseEvent> sink, int maxEventBytes) {
    this.sink = sink;
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Feeds the next chunk.
   *
   * @param chunk bytes as they arrived
   */
  public void accept(byte[] chunk) {
    accept(chunk, 0, chunk.length);
  }

  /**
   * Feeds the next chunk from part of a buffer.
   *
   * @param chunk a buffer holding the bytes as they arrived
   * @param offset where they start
   * @param length how many there are
   */
  public void accept(byte[] chunk, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      int c = chunk[i] & 0xff;
      if (!skipping) {
        pending.write(c);
      }
      boolean end =
          c == '\n' && (previous == '\n' || previous == '\r' && beforePrevious == '\n')
              || c == '\r' && previous == '\r';
      // "\r\n\r\n": the second '\n' sees previous '\r' and beforePrevious '\n'.
      if (end) {
        if (!skipping) {
          emit(pending.toByteArray());
        }
        pending.reset();
        skipping = false;
        previous = -1;
        beforePrevious = -1;
        continue;
      }
      beforePrevious = previous;
      previous = c;
      if (!skipping && pending.size() > maxEventBytes) {
        skipping = true;
        skippedEvents++;
        pending.reset();
      }
    }
  }

  /**
   * @return how many events were dropped for exceeding the cap
   */
  public long skippedEvents() {
    return skippedEvents;
  }

  private void emit(byte[] block) {
    String text;
    try {
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      text = decoder.decode(ByteBuffer.wrap(block)).toString();
    } catch (CharacterCodingException notUtf8) {
      skippedEvents++;
      return;
    }
    String event = "";
    StringBuilder data = null;
    for (String line : text.split("\r\n|\r|\n")) {
      if (line.isEmpty() || line.charAt(0) == ':') {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("event")) {
        event = value;
      } else if (field.equals("data")) {
        if (data == null) {
          data = new StringBuilder(value);
        } else {
          data.append('\n').append(value);
        }
      }
    }
    if (data != null) {
      sink.accept(new SseEvent(event, data.toString()));
    }
  }
}
