package dev.headroom.compress.internal.livezone;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.headroom.compress.BodyOutline;
import dev.headroom.compress.internal.ccr.CcrSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One streaming pass over a request body: every string value under the conversation array (with its
 * path and exact byte span) and the top-level scalars. Everything else is skipped without being
 * materialised.
 */
final class BodyScan {

  static final JsonFactory JSON = JsonFactory.builder().build();

  /**
   * A string value: where it is, the bytes {@code [start, end)} of its JSON token (quotes
   * included), and what it says. Long values are decoded only when asked for: a conversation's
   * older tool outputs, which no live zone holds, are never turned into strings.
   */
  static final class StringValue {
    private final Object[] path;
    private final byte[] body;
    private final int start;
    private final int end;
    private final boolean array;
    private String text;
    private int utf8Length = -1;

    StringValue(Object[] path, byte[] body, int start, int end, String text) {
      this(path, body, start, end, text, false);
    }

    private StringValue(
        Object[] path, byte[] body, int start, int end, String text, boolean array) {
      this.path = path;
      this.body = body;
      this.start = start;
      this.end = end;
      this.text = text;
      this.array = array;
    }

    /**
     * A JSON array of a tool's structured output: its text is its JSON, and compressing it sends
     * the compressed text as a JSON string in its place.
     */
    static StringValue array(Object[] path, byte[] body, int start, int end) {
      return new StringValue(path, body, start, end, null, true);
    }

    /**
     * @return whether this is an array's span rather than a string token
     */
    boolean isArray() {
      return array;
    }

    Object[] path() {
      return path;
    }

    int start() {
      return start;
    }

    int end() {
      return end;
    }

    /**
     * @return the decoded value's UTF-8 length: the span's own when it holds no escape
     */
    int utf8Length() {
      if (array) {
        return end - start;
      }
      if (utf8Length < 0) {
        utf8Length =
            ByteScan.indexOf(body, start + 1, end - 1, (byte) '\\') < 0
                ? end - start - 2
                : CcrSink.utf8Length(text());
      }
      return utf8Length;
    }

    /**
     * @return the decoded value (decoded on first use for long values)
     */
    String text() {
      if (text == null && array) {
        text = new String(body, start, end - start, StandardCharsets.UTF_8);
      }
      if (text == null) {
        text = JsonStrings.decode(body, start, end);
      }
      if (text == null) {
        try (JsonParser parser = JSON.createParser(body, start, end - start)) {
          parser.nextToken();
          text = parser.getText();
        } catch (IOException impossible) {
          // The scan parsed this very token already.
          throw new UncheckedIOException(impossible);
        }
      }
      return text;
    }

    /**
     * @param maxBytes about how many of the value's JSON bytes to decode
     * @return the value's start, decoded from at most {@code maxBytes} of its JSON text (cut before
     *     an escape or a UTF-8 sequence that would not fit), the whole value when it is that short,
     *     or {@code null} when the start cannot be decoded on its own (an escaped surrogate pair
     *     cut in two)
     */
    String prefix(int maxBytes) {
      if (array || end - start - 2 <= maxBytes) {
        return text();
      }
      int cut = start + 1 + maxBytes;
      // An escape is at most twelve bytes (a surrogate pair): one starting that close is left out.
      for (int i = ByteScan.indexOf(body, start + 1, cut, (byte) '\\');
          i >= 0;
          i = ByteScan.indexOf(body, i + 2, cut, (byte) '\\')) {
        if (i + 12 >= cut) {
          cut = i;
          break;
        }
      }
      while (cut > start + 1 && (body[cut] & 0xC0) == 0x80) {
        cut--; // not inside a UTF-8 sequence
      }
      // decode reads the bytes between a quote and the byte before its end: here, up to the cut.
      return JsonStrings.decode(body, start, cut + 1);
    }

    /**
     * @return the value at a path segment, or {@code null} past the end
     */
    Object at(int index) {
      return index < path.length ? path[index] : null;
    }

    String describe() {
      StringBuilder text = new StringBuilder();
      for (Object segment : path) {
        if (segment instanceof Integer) {
          text.append('[').append(segment).append(']');
        } else {
          text.append(text.length() == 0 ? "" : ".").append(segment);
        }
      }
      return text.toString();
    }
  }

  /**
   * Values longer than this many bytes are decoded lazily; shorter ones (roles, types, ids) at
   * once.
   */
  static final int EAGER_BYTES = 256;

  final List<StringValue> strings = new ArrayList<>();

  /**
   * The arrays inside conversation items (below the item's own fields), when asked for: the
   * structured tool outputs of formats whose tool results are JSON, not strings.
   */
  final List<StringValue> arrays = new ArrayList<>();

  final Map<String, Object> topLevel = new HashMap<>();

  /** The top-level members' values, in body order, with offsets in the body read. */
  private final List<BodyOutline.Part> members = new ArrayList<>();

  /** The conversation array's items, by role. */
  private final List<BodyOutline.Part> conversationItems = new ArrayList<>();

  /** The index in {@link #members} of the (last) conversation array, or -1. */
  private int conversation = -1;

  /** How many top-level conversation arrays the body has (a name may be given twice). */
  private int conversationArrays;

  /** Whether the members read are a wrapped request's, not the body's own. */
  private boolean wrapped;

  /** The current conversation item's last {@code role} string, or {@code null}. */
  private StringValue itemRole;

  /** The values grouped by item, built once: the zone and the protected outputs both read it. */
  private Map<Integer, Map<String, StringValue>> items;

  private final String conversationKey;
  private final byte[] body;
  private final boolean captureArrays;
  private final LongStrings longStrings;

  private BodyScan(
      String conversationKey, byte[] body, boolean captureArrays, LongStrings longStrings) {
    this.conversationKey = conversationKey;
    this.longStrings = longStrings;
    this.body = body;
    this.captureArrays = captureArrays;
  }

  /**
   * @param body the raw request body
   * @param conversationKey {@code messages} or {@code input}
   * @return the scan, or empty when the body is not a well-formed JSON object
   */
  static Optional<BodyScan> of(byte[] body, String conversationKey) {
    return of(body, conversationKey, false);
  }

  /**
   * @param body the raw request body
   * @param conversationKey {@code messages}, {@code input} or {@code contents}
   * @param captureArrays whether to record the arrays nested in conversation items
   * @return the scan, or empty when the body is not a well-formed JSON object
   */
  static Optional<BodyScan> of(byte[] body, String conversationKey, boolean captureArrays) {
    return of(body, conversationKey, captureArrays, EAGER_BYTES);
  }

  /**
   * @param longerThan strings with more content bytes than this are found by a byte scan and not
   *     read by Jackson ({@link LongStrings}); {@link Integer#MAX_VALUE} reads them all with it
   */
  static Optional<BodyScan> of(
      byte[] body, String conversationKey, boolean captureArrays, int longerThan) {
    BodyScan scan =
        new BodyScan(conversationKey, body, captureArrays, LongStrings.of(body, longerThan));
    try (JsonParser parser = scan.longStrings.parser(JSON)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      scan.readObjectFields(parser, new ArrayList<>());
      if (parser.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.of(scan);
    } catch (IOException | RuntimeException malformed) {
      return Optional.empty();
    }
  }

  /** Reads the fields of an object whose START_OBJECT is the current token. */
  private void readObjectFields(JsonParser parser, List<Object> path) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (path.isEmpty()) {
        int start = offset(parser.currentTokenLocation());
        int end;
        if (name.equals("response")
            && value == JsonToken.START_OBJECT
            && conversationKey.equals("input")) {
          // A wrapped WebSocket frame, {"type":"response.create","response":{…}}: its inner object
          // is the request.
          boolean was = wrapped;
          wrapped = true;
          readObjectFields(parser, path);
          wrapped = was;
          end = offset(parser.currentTokenLocation()) + 1;
        } else if (name.equals(conversationKey) && value == JsonToken.START_ARRAY) {
          path.add(name);
          readArray(parser, path);
          path.remove(path.size() - 1);
          end = offset(parser.currentTokenLocation()) + 1;
          if (!wrapped) {
            conversation = members.size();
            conversationArrays++;
          }
        } else if (value == JsonToken.VALUE_STRING) {
          int longEnd = start < 0 ? -1 : longStrings.closingQuote(start + 1);
          if (longEnd < 0) {
            topLevel.put(name, parser.getText());
            end = offset(parser.currentLocation());
          } else {
            topLevel.put(name, new StringValue(null, body, start, longEnd + 1, null).text());
            end = longEnd + 1;
          }
        } else if (value.isScalarValue()) {
          topLevel.put(name, value.isNumeric() ? parser.getNumberValueExact() : parser.getText());
          parser.finishToken();
          end = offset(parser.currentLocation());
        } else {
          parser.skipChildren();
          end = offset(parser.currentTokenLocation()) + 1;
        }
        if (!wrapped) {
          members.add(new BodyOutline.Part(name, start, end, false));
        }
        continue;
      }
      path.add(name);
      readValue(parser, value, path);
      path.remove(path.size() - 1);
    }
  }

  private void readArray(JsonParser parser, List<Object> path) throws IOException {
    boolean conversationArray = path.size() == 1 && !wrapped;
    int index = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      int start = -1;
      if (conversationArray) {
        start = offset(parser.currentTokenLocation());
        itemRole = null;
      }
      int stringsBefore = strings.size();
      path.add(index++);
      readValue(parser, token, path);
      path.remove(path.size() - 1);
      if (conversationArray) {
        int end;
        if (token == JsonToken.VALUE_STRING) {
          end = strings.get(stringsBefore).end();
        } else if (token.isScalarValue()) {
          parser.finishToken();
          end = offset(parser.currentLocation());
        } else {
          end = offset(parser.currentTokenLocation()) + 1;
        }
        String role = token == JsonToken.START_OBJECT && itemRole != null ? itemRole.text() : "";
        conversationItems.add(new BodyOutline.Part(role, start, end, false));
      }
    }
  }

  private void readValue(JsonParser parser, JsonToken token, List<Object> path) throws IOException {
    switch (token) {
      case START_OBJECT -> readObjectFields(parser, path);
      case START_ARRAY -> {
        int start = offset(parser.currentTokenLocation());
        readArray(parser, path);
        // Below an item's own fields: messages[i].content is the item's, not a tool's output.
        if (captureArrays && path.size() >= 4 && start >= 0 && body[start] == '[') {
          int end = offset(parser.currentTokenLocation()) + 1;
          if (end > start && end <= body.length && body[end - 1] == ']') {
            arrays.add(StringValue.array(path.toArray(), body, start, end));
          }
        }
      }
      case VALUE_STRING -> {
        int start = offset(parser.currentTokenLocation());
        int longEnd = start < 0 ? -1 : longStrings.closingQuote(start + 1);
        if (longEnd >= 0) {
          // Its content never reached the parser (an empty string in its place): decoded when
          // asked for, from the body.
          note(new StringValue(path.toArray(), body, start, longEnd + 1, null), path);
          return;
        }
        int end = closingQuote(start);
        if (end < 0 || end - start <= EAGER_BYTES) {
          String text = parser.getText();
          end = offset(parser.currentLocation());
          note(new StringValue(path.toArray(), body, start, end, text), path);
        } else {
          // Not decoded here: the parser skips the token's content without building it.
          note(new StringValue(path.toArray(), body, start, end, null), path);
        }
      }
      default -> {
        // numbers, booleans, null: nothing in them is ever compressed
      }
    }
  }

  private void note(StringValue value, List<Object> path) {
    strings.add(value);
    if (path.size() == 3 && "role".equals(path.get(2))) {
      itemRole = value;
    }
  }

  /**
   * @return where the body's parts lie, when it has them all: {@code null} when an offset was not
   *     known
   */
  BodyOutline outline() {
    int index = conversationArrays == 1 ? conversation : -1;
    try {
      return new BodyOutline(members, index, index < 0 ? List.of() : conversationItems);
    } catch (IllegalArgumentException unknownOffset) {
      return null;
    }
  }

  /** A location of the parser's as an offset in the body, or -1 when it has none. */
  private int offset(JsonLocation location) {
    return longStrings.bodyOffset(location.getByteOffset());
  }

  /**
   * @param start the offset of a string token's opening quote
   * @return the offset just past its closing quote, or -1 when it is not where expected (then the
   *     parser's own account is used)
   */
  private int closingQuote(int start) {
    if (start < 0 || start >= body.length || body[start] != '"') {
      return -1;
    }
    long end = ByteScan.stringEnd(body, start + 1, body.length);
    return end < 0 ? -1 : (int) end + 1;
  }

  /**
   * The string values of each conversation item, by item index, keyed by their path inside the item
   * ({@code role}, {@code content}, {@code content/0/text}, …), in body order.
   */
  Map<Integer, Map<String, StringValue>> items() {
    if (items == null) {
      items = groupItems();
    }
    return items;
  }

  private Map<Integer, Map<String, StringValue>> groupItems() {
    Map<Integer, Map<String, StringValue>> items = new TreeMap<>();
    List<StringValue> values = strings;
    if (!arrays.isEmpty()) {
      values = new ArrayList<>(strings);
      values.addAll(arrays);
    }
    for (StringValue value : values) {
      if (value.path().length >= 3 && value.at(1) instanceof Integer item) {
        StringBuilder key = new StringBuilder();
        for (int i = 2; i < value.path().length; i++) {
          key.append(i == 2 ? "" : "/").append(value.at(i));
        }
        items.computeIfAbsent(item, k -> new LinkedHashMap<>()).put(key.toString(), value);
      }
    }
    return items;
  }
}
