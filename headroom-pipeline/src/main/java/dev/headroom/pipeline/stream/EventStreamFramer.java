package dev.headroom.pipeline.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Cuts a copy of an AWS event stream ({@code application/vnd.amazon.eventstream}, Bedrock's
 * streaming responses) into events: each binary message — total length, headers length, prelude
 * checksum, headers, payload, message checksum — becomes an {@link SseEvent} named by its {@code
 * :event-type} header, with its JSON payload as data. A {@code chunk} of InvokeModel's stream
 * carries the model's own event base64-encoded in {@code bytes}: that event is what is passed on.
 * Checksums are not checked: the bytes are relayed as they came, this copy is read for usage only.
 */
final class EventStreamFramer {

  private static final int PRELUDE = 12;
  private static final int MAX_MESSAGE = 16 << 20;

  private final Consumer<SseEvent> events;
  private byte[] buffer = new byte[8192];
  private int size;

  EventStreamFramer(Consumer<SseEvent> events) {
    this.events = events;
  }

  void accept(byte[] chunk, int offset, int length) {
    if (size + length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
    }
    System.arraycopy(chunk, offset, buffer, size, length);
    size += length;
    int start = 0;
    while (size - start >= PRELUDE) {
      int total = int32(buffer, start);
      int headers = int32(buffer, start + 4);
      if (total < PRELUDE + 4 || total > MAX_MESSAGE || headers < 0 || headers > total) {
        throw new IllegalStateException("not an event stream");
      }
      if (size - start < total) {
        break;
      }
      message(start, total, headers);
      start += total;
    }
    System.arraycopy(buffer, start, buffer, 0, size - start);
    size -= start;
  }

  private void message(int start, int total, int headersLength) {
    String eventType = "";
    int at = start + PRELUDE;
    int end = at + headersLength;
    while (at < end) {
      int nameLength = buffer[at] & 0xff;
      String name = new String(buffer, at + 1, nameLength, StandardCharsets.UTF_8);
      at += 1 + nameLength;
      int type = buffer[at++] & 0xff;
      int valueLength =
          switch (type) {
            case 0, 1 -> 0; // true, false
            case 2 -> 1;
            case 3 -> 2;
            case 4 -> 4;
            case 5, 8 -> 8; // long, timestamp
            case 9 -> 16; // uuid
            case 6, 7 -> {
              int length = ((buffer[at] & 0xff) << 8) | (buffer[at + 1] & 0xff);
              at += 2;
              yield length;
            }
            default -> throw new IllegalStateException("unknown header type " + type);
          };
      if (type == 7 && name.equals(":event-type")) {
        eventType = new String(buffer, at, valueLength, StandardCharsets.UTF_8);
      }
      at += valueLength;
    }
    String payload = new String(buffer, end, start + total - 4 - end, StandardCharsets.UTF_8);
    if (eventType.equals("chunk")) {
      int key = payload.indexOf("\"bytes\"");
      int open = key < 0 ? -1 : payload.indexOf('"', payload.indexOf(':', key) + 1);
      int close = open < 0 ? -1 : payload.indexOf('"', open + 1);
      if (close > open) {
        payload =
            new String(
                Base64.getDecoder().decode(payload.substring(open + 1, close)),
                StandardCharsets.UTF_8);
        eventType = "";
      }
    }
    events.accept(new SseEvent(eventType, payload));
  }

  private static int int32(byte[] bytes, int at) {
    return ((bytes[at] & 0xff) << 24)
        | ((bytes[at + 1] & 0xff) << 16)
        | ((bytes[at + 2] & 0xff) << 8)
        | (bytes[at + 3] & 0xff);
  }
}
