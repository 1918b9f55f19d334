package dev.headroom.compress.internal.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.headroom.compress.internal.spi.JNode;
import dev.headroom.compress.internal.spi.JNode.JArray;
import dev.headroom.compress.internal.spi.JNode.JLiteral;
import dev.headroom.compress.internal.spi.JNode.JNumber;
import dev.headroom.compress.internal.spi.JNode.JObject;
import dev.headroom.compress.internal.spi.JNode.JString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Reads a {@link JNode} tree with Jackson's streaming parser and writes it back compactly. */
@API(status = INTERNAL, since = "0.1")
public final class JsonTrees {

  /**
   * Deeper documents are not parsed (so not treated as JSON): every pass over the tree recurses.
   */
  static final int MAX_DEPTH = 400;

  // Tool outputs hold long strings and numbers; lift Jackson's length limits, keep a depth limit.
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNumberLength(10_000)
                  .build())
          .build();

  private JsonTrees() {}

  /**
   * @param text a JSON document
   * @return its tree, or empty if it is not exactly one JSON value
   */
  public static Optional<JNode> parse(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return Optional.empty();
      }
      JNode root = new Reader(p).read(t, 0);
      return p.nextToken() == null ? Optional.of(root) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * One parse. Containers are collected in scratch arrays (one per depth, reused) and copied once
   * at their exact size, and objects whose member names equal the previous object's at the same
   * depth share its key list: rows of an array of records then hold one list of names between them.
   */
  private static final class Reader {
    private final JsonParser p;
    private Object[][] scratch = new Object[8][];
    private List<String>[] lastKeys = newKeyLists(8);

    Reader(JsonParser p) {
      this.p = p;
    }

    JNode read(JsonToken t, int depth) throws IOException {
      switch (t) {
        case START_OBJECT -> {
          Object[] names = scratch(2 * depth);
          Object[] values = scratch(2 * depth + 1);
          int n = 0;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (n == names.length) {
              names = scratch[2 * depth] = Arrays.copyOf(names, n * 2);
              values = scratch[2 * depth + 1] = Arrays.copyOf(values, n * 2);
            }
            names[n] = p.currentName();
            values[n] = read(p.nextToken(), depth + 1);
            n++;
          }
          return new JObject(keys(names, n, depth), list(values, n));
        }
        case START_ARRAY -> {
          Object[] items = scratch(2 * depth);
          int n = 0;
          JsonToken next;
          while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            JNode item = read(next, depth + 1);
            if (n == items.length) {
              items = scratch[2 * depth] = Arrays.copyOf(items, n * 2);
            }
            items[n++] = item;
          }
          return new JArray(list(items, n));
        }
        case VALUE_STRING -> {
          return new JString(p.getText());
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          return new JNumber(p.getText());
        }
        case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
          return t == JsonToken.VALUE_NULL ? JNode.NULL : new JLiteral(p.getText());
        }
        default -> throw new IOException("unexpected token " + t);
      }
    }

    private Object[] scratch(int slot) {
      if (slot >= scratch.length) {
        scratch = Arrays.copyOf(scratch, Math.max(slot + 1, scratch.length * 2));
      }
      Object[] array = scratch[slot];
      if (array == null) {
        array = scratch[slot] = new Object[16];
      }
      return array;
    }

    /**
     * The names as a list, the previous object's list at this depth when the names are the same.
     */
    private List<String> keys(Object[] names, int n, int depth) {
      if (depth >= lastKeys.length) {
        lastKeys = Arrays.copyOf(lastKeys, Math.max(depth + 1, lastKeys.length * 2));
      }
      List<String> last = lastKeys[depth];
      if (last != null && last.size() == n) {
        boolean same = true;
        for (int i = 0; i < n && same; i++) {
          same = last.get(i).equals(names[i]);
        }
        if (same) {
          return last;
        }
      }
      List<String> keys = list(names, n);
      lastKeys[depth] = keys;
      return keys;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object[] items, int n) {
      // Unmodifiable, as every tree list is treated: compressors copy before they change anything.
      return n == 0
          ? List.of()
          : (List<T>) Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(items, n)));
    }

    @SuppressWarnings("unchecked")
    private static List<String>[] newKeyLists(int n) {
      return new List[n];
    }
  }

  /**
   * @param node a tree
   * @return compact JSON text; non-ASCII is written as is, numbers as their source text
   */
  public static String write(JNode node) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void write(JsonGenerator g, JNode node) throws IOException {
    if (node instanceof JObject o) {
      g.writeStartObject();
      for (int i = 0; i < o.keys().size(); i++) {
        g.writeFieldName(o.keys().get(i));
        write(g, o.values().get(i));
      }
      g.writeEndObject();
    } else if (node instanceof JArray a) {
      g.writeStartArray();
      for (JNode item : a.items()) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (node instanceof JString s) {
      g.writeString(s.value());
    } else if (node instanceof JNumber n) {
      g.writeNumber(n.text());
    } else {
      g.writeRawValue(((JLiteral) node).text());
    }
  }

  /**
   * {@code size(node) >= limit}, without walking more of the tree than it takes to reach the limit.
   *
   * @param node a tree
   * @param limit a length in characters
   * @return whether {@link #size(JNode)} is at least {@code limit}
   */
  public static boolean sizeAtLeast(JNode node, int limit) {
    return sizeUpTo(node, limit) >= limit;
  }

  /**
   * {@link #size(JNode)}, or any value of at least {@code limit} once the walk has got that far.
   */
  private static int sizeUpTo(JNode node, int limit) {
    if (node instanceof JObject o) {
      int n = 2;
      for (int i = 0; i < o.keys().size() && n < limit; i++) {
        n += o.keys().get(i).length() + 4 + sizeUpTo(o.values().get(i), limit - n);
      }
      return n;
    }
    if (node instanceof JArray a) {
      int n = 2;
      for (int i = 0; i < a.items().size() && n < limit; i++) {
        n += sizeUpTo(a.items().get(i), limit - n) + 1;
      }
      return n;
    }
    return size(node);
  }

  /**
   * @param node a tree
   * @return a cheap estimate of its compact length in characters
   */
  public static int size(JNode node) {
    if (node instanceof JObject o) {
      int n = 2;
      for (int i = 0; i < o.keys().size(); i++) {
        n += o.keys().get(i).length() + 4 + size(o.values().get(i));
      }
      return n;
    }
    if (node instanceof JArray a) {
      int n = 2;
      for (JNode item : a.items()) {
        n += size(item) + 1;
      }
      return n;
    }
    if (node instanceof JString s) {
      return s.value().length() + 2;
    }
    return node instanceof JNumber num ? num.text().length() : ((JLiteral) node).text().length();
  }
}
