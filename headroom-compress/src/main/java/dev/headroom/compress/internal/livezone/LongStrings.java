package dev.headroom.compress.internal.livezone;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The long string values of a request body, found by a byte scan before Jackson reads it, and the
 * body as Jackson is then given it: without their contents, so each reads as an empty string.
 *
 * <p>Jackson steps through every escape of a string it skips, one call per escape, and a JSON tool
 * output escapes every quote it holds: a 100 KB one has thousands, and a conversation carries every
 * earlier tool output on every turn. The byte scan finds the same ends eight bytes at a time. Only
 * a content Jackson would accept as it stands is left out — printable ASCII and well-formed UTF-8
 * ({@link ByteScan#plainText}; Jackson accepts at least that), every escape well formed — so a body
 * is refused exactly when Jackson alone would refuse it; any other long string is read by Jackson
 * as before. (Until UTF-8 was let in, one "é" in a 100 KB tool output had Jackson read all of it:
 * 3.3 times the scan's time for the body.)
 */
final class LongStrings {

  private final byte[] body;

  /** Each left-out content's first byte (just past its opening quote), in body order. */
  private final int[] starts;

  /** Each left-out content's end: its closing quote. */
  private final int[] ends;

  /** Where each left-out content would have started in the stream Jackson reads. */
  private final long[] streamStarts;

  /** How many bytes are left out up to and including each content. */
  private final long[] leftOutThrough;

  private final int count;

  private LongStrings(byte[] body, int[] starts, int[] ends, int count) {
    this.body = body;
    this.starts = starts;
    this.ends = ends;
    this.count = count;
    this.streamStarts = new long[count];
    this.leftOutThrough = new long[count];
    long leftOut = 0;
    for (int k = 0; k < count; k++) {
      streamStarts[k] = starts[k] - leftOut;
      leftOut += ends[k] - starts[k];
      leftOutThrough[k] = leftOut;
    }
  }

  /**
   * @param body a request body
   * @param longerThan the content length (in bytes, as sent) above which a string is left out
   * @return its long strings; past a string that never ends, none (the ones before it are still
   *     left out: Jackson reads them as empty strings and fails where the body is cut, as it would)
   */
  static LongStrings of(byte[] body, int longerThan) {
    int[] starts = new int[8];
    int[] ends = new int[8];
    int count = 0;
    int n = body.length;
    int i = 0;
    while (true) {
      // Outside a string, a quote can only open one.
      int open = ByteScan.indexOf(body, i, n, (byte) '"');
      if (open < 0) {
        break;
      }
      long end = ByteScan.stringEnd(body, open + 1, n);
      if (end < 0) {
        return new LongStrings(body, starts, ends, count);
      }
      int close = (int) end;
      boolean plain = (end & ByteScan.ILL_FORMED_ESCAPE) == 0;
      if (close - open - 1 > longerThan
          && plain
          && !name(body, close + 1)
          && ByteScan.plainText(body, open + 1, close)) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = open + 1;
        ends[count] = close;
        count++;
      }
      i = close + 1;
    }
    return new LongStrings(body, starts, ends, count);
  }

  /**
   * Whether the string that ends just before {@code after} is a member's name (a colon follows).
   */
  private static boolean name(byte[] body, int after) {
    int i = after;
    while (i < body.length
        && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
      i++;
    }
    return i < body.length && body[i] == ':';
  }

  /**
   * @return whether any string is left out (else the body is read as it is)
   */
  boolean any() {
    return count > 0;
  }

  /**
   * @param json the factory
   * @return a parser of the body as Jackson is given it: without the left-out contents
   */
  JsonParser parser(JsonFactory json) throws IOException {
    return count > 0 ? json.createParser(stream()) : json.createParser(body);
  }

  /**
   * @return the body without the left-out contents
   */
  private InputStream stream() {
    return new InputStream() {
      private int at;
      private int next;

      @Override
      public int read(byte[] into, int offset, int length) {
        if (length == 0) {
          return 0;
        }
        while (next < count && at == starts[next]) {
          at = ends[next++];
        }
        if (at >= body.length) {
          return -1;
        }
        int stop = next < count ? starts[next] : body.length;
        int n = Math.min(length, stop - at);
        System.arraycopy(body, at, into, offset, n);
        at += n;
        return n;
      }

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }
    };
  }

  /**
   * @param streamOffset an offset in the stream Jackson reads, or a negative one (unknown)
   * @return the same byte's offset in the body, or -1
   */
  int bodyOffset(long streamOffset) {
    if (streamOffset < 0) {
      return -1;
    }
    // The contents left out at or before this point: a closing quote read right after an
    // emptied string is the byte just past its content.
    // Stream starts strictly increase: two quotes at least lie between two contents.
    int k = Arrays.binarySearch(streamStarts, 0, count, streamOffset);
    int through = k >= 0 ? k : -k - 2;
    return (int) (streamOffset + (through < 0 ? 0 : leftOutThrough[through]));
  }

  /**
   * @param contentStart the body offset just past a string's opening quote
   * @return the offset of its closing quote when its content is left out, else -1
   */
  int closingQuote(int contentStart) {
    int k = Arrays.binarySearch(starts, 0, count, contentStart);
    return k >= 0 ? ends[k] : -1;
  }
}
