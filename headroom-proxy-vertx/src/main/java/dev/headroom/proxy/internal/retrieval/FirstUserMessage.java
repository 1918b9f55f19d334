package dev.headroom.proxy.internal.retrieval;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Finds a request body's first user message — the first object with {@code "role":"user"} in a
 * top-level {@code messages} or {@code input} array — by the body's structure alone, reading it
 * from the front and no further than that message: members before the array and the messages before
 * it are stepped over by their quotes and brackets (a string to its closing quote, an object or
 * array to its matching bracket), the rest of the body is never read. Nothing else of the JSON is
 * checked.
 *
 * <p>Gives up ({@link ConversationKeys#UNKNOWN}) on anything it does not expect: a body that is not
 * an object, an escaped member name or role, a {@code messages} or {@code input} that is not an
 * array, a body that ends too soon.
 */
final class FirstUserMessage {

  private static final byte[] MESSAGES = ascii("messages");
  private static final byte[] INPUT = ascii("input");
  private static final byte[] ROLE = ascii("role");
  private static final byte[] USER = ascii("user");

  private final byte[] body;

  /** Where the member name just read starts and ends (between its quotes). */
  private int nameStart;

  private int nameEnd;

  /** Whether the message {@link #message} just read was a user message. */
  private boolean user;

  /** {@link #first} and {@link #next}: the object or array closes there. */
  private static final int CLOSED = -2;

  /** The end of the object or array {@link #first} or {@link #next} last saw close. */
  private int closedAt;

  private FirstUserMessage(byte[] body) {
    this.body = body;
  }

  /**
   * @param scope the owner scope
   * @param body a request body
   * @return the fingerprint of the scope and the first user message's bytes as sent, {@link
   *     ConversationKeys#NO_USER_MESSAGE} when the body's arrays hold none, {@link
   *     ConversationKeys#UNKNOWN} when the body is not one this reads
   */
  static long fingerprint(String scope, byte[] body) {
    FirstUserMessage walk = new FirstUserMessage(body);
    long span = walk.find();
    if (span == ConversationKeys.UNKNOWN || span == ConversationKeys.NO_USER_MESSAGE) {
      return span;
    }
    int start = (int) (span >>> 32);
    int end = (int) span;
    CRC32C crc = new CRC32C();
    crc.update(scope.getBytes(StandardCharsets.UTF_8));
    crc.update(0);
    crc.update(body, start, end - start);
    // A length of at least 2 (the braces) keeps it apart from both sentinels.
    return crc.getValue() << 32 | (end - start);
  }

  /**
   * @return the first user message's span, start in the high 32 bits and end in the low, or one of
   *     the sentinels
   */
  private long find() {
    int i = space(0);
    if (i >= body.length || body[i] != '{') {
      return ConversationKeys.UNKNOWN;
    }
    int end = 0;
    for (i = first(i, '}'); i != CLOSED; i = next(end, '}')) {
      int value = memberValue(i);
      if (value < 0) {
        return ConversationKeys.UNKNOWN;
      }
      if (named(MESSAGES) || named(INPUT)) {
        if (body[value] != '[') {
          return ConversationKeys.UNKNOWN;
        }
        long found = inList(value);
        if (found != ConversationKeys.NO_USER_MESSAGE) {
          return found;
        }
        end = closedAt;
      } else {
        end = valueEnd(value);
      }
    }
    return ConversationKeys.NO_USER_MESSAGE;
  }

  /**
   * @return the span of the list's first user message (as {@link #find}); {@link
   *     ConversationKeys#NO_USER_MESSAGE} when it holds none (its end then in {@link #closedAt});
   *     or {@link ConversationKeys#UNKNOWN}
   */
  private long inList(int at) {
    int end = 0;
    for (int i = first(at, ']'); i != CLOSED; i = next(end, ']')) {
      if (i < 0 || i >= body.length) {
        return ConversationKeys.UNKNOWN;
      }
      if (body[i] == '{') {
        end = message(i);
        if (end >= 0 && user) {
          return (long) i << 32 | end;
        }
      } else {
        end = valueEnd(i);
      }
    }
    return ConversationKeys.NO_USER_MESSAGE;
  }

  /**
   * Reads the message object at {@code at}; {@link #user} tells whether its role is {@code user}
   * (the last string given for {@code role}, as a JSON parser reads it).
   *
   * @return the end of the object, or -1
   */
  private int message(int at) {
    user = false;
    int end = 0;
    for (int i = first(at, '}'); i != CLOSED; i = next(end, '}')) {
      int value = memberValue(i);
      end = valueEnd(value);
      if (end < 0) {
        return -1;
      }
      if (named(ROLE) && body[value] == '"') {
        boolean escaped = false;
        for (int k = value + 1; k < end - 1; k++) {
          if (body[k] == '\\') {
            if (body[k + 1] == 'u') {
              return -1; // a \\u escape may spell "user": left to the JSON parser
            }
            escaped = true; // any other escape stands for a character "user" does not have
            k++;
          }
        }
        user = !escaped && Arrays.equals(body, value + 1, end - 1, USER, 0, USER.length);
      }
    }
    return closedAt;
  }

  /**
   * Where the first member or item of the object or array opened at {@code open} starts; {@link
   * #CLOSED} when {@code close} follows at once (its end in {@link #closedAt}).
   */
  private int first(int open, char close) {
    int i = space(open + 1);
    if (i < body.length && body[i] == close) {
      closedAt = i + 1;
      return CLOSED;
    }
    return i;
  }

  /**
   * After a member or item that ends at {@code end} (-1: it did not): where the next one starts,
   * past the comma; {@link #CLOSED} when {@code close} ends the container (its end in {@link
   * #closedAt}); -1 otherwise.
   */
  private int next(int end, char close) {
    if (end < 0) {
      return -1;
    }
    int i = space(end);
    if (i >= body.length) {
      return -1;
    }
    if (body[i] == close) {
      closedAt = i + 1;
      return CLOSED;
    }
    return body[i] == ',' ? space(i + 1) : -1;
  }

  /**
   * Reads the member name at {@code i} (-1: none) into {@link #nameStart}/{@link #nameEnd}, and its
   * colon.
   *
   * @return where the member's value starts, or -1 (an escaped name; no name and colon there)
   */
  private int memberValue(int i) {
    if (i < 0 || i >= body.length || body[i] != '"') {
      return -1;
    }
    int k = i + 1;
    while (k < body.length && body[k] != '"') {
      if (body[k] == '\\') {
        return -1;
      }
      k++;
    }
    if (k >= body.length) {
      return -1;
    }
    nameStart = i + 1;
    nameEnd = k;
    int colon = space(k + 1);
    if (colon >= body.length || body[colon] != ':') {
      return -1;
    }
    int value = space(colon + 1);
    return value < body.length ? value : -1;
  }

  /**
   * The end (exclusive) of the value at {@code i} (-1: none), or -1 when the body ends inside it.
   */
  private int valueEnd(int i) {
    if (i < 0 || i >= body.length) {
      return -1;
    }
    byte b = body[i];
    if (b == '"') {
      return stringEnd(i);
    }
    if (b == '{' || b == '[') {
      int depth = 0;
      int k = i;
      while (k < body.length) {
        byte c = body[k];
        if (c == '"') {
          k = stringEnd(k);
          if (k < 0) {
            return -1;
          }
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          return k + 1;
        }
        k++;
      }
      return -1;
    }
    int k = i;
    while (k < body.length && !endsScalar(body[k])) {
      k++;
    }
    return k > i && k < body.length ? k : -1;
  }

  /** The end of the string whose opening quote is at {@code i}, or -1. */
  private int stringEnd(int i) {
    int k = i + 1;
    while (k < body.length) {
      byte c = body[k];
      if (c == '"') {
        return k + 1;
      }
      k += c == '\\' ? 2 : 1;
    }
    return -1;
  }

  private boolean named(byte[] name) {
    return Arrays.equals(body, nameStart, nameEnd, name, 0, name.length);
  }

  private int space(int i) {
    int k = i;
    while (k < body.length && isSpace(body[k])) {
      k++;
    }
    return k;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  private static boolean endsScalar(byte b) {
    return b == ','
        || b == '}'
        || b == ']'
        || b == ':'
        || b == '{'
        || b == '['
        || b == '"'
        || isSpace(b);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
