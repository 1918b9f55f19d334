package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The outline a rewrite hands back against a JSON parser reading the body it hands back: the same
 * members and conversation items at the same offsets, and a part marked rewritten exactly when its
 * bytes are no longer the client's. Bodies are generated: members in any order and of any kind,
 * whitespace anywhere, escapes and non-ASCII text, long strings (which the scan leaves out of
 * Jackson's reading), roles escaped, repeated or not strings, and tool outputs that compress, on
 * the first turn and replayed on the next.
 */
class BodyOutlineTest {

  private static final JsonFactory JSON = new JsonFactory();

  @Test
  void theOutlineIsWhereAParserFindsThePartsOfTheBodySent() {
    Random random = new Random(20261207);
    int rewritten = 0;
    int outlined = 0;
    for (int run = 0; run < 150; run++) {
      ProviderApi api =
          List.of(
                  ProviderApi.CHAT_COMPLETIONS,
                  ProviderApi.RESPONSES,
                  ProviderApi.ANTHROPIC_MESSAGES)
              .get(run % 3);
      LiveZoneRewriter rewriter =
          LiveZoneRewriter.create(
              Compressor.create(),
              LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30)),
              ReplayMemory.inMemory());
      Bodies bodies = new Bodies(random, api);
      // The first turn compresses its newest output; the next replays it and compresses another.
      for (String body : List.of(bodies.turn(), bodies.turn())) {
        byte[] sent = body.getBytes(StandardCharsets.UTF_8);
        LiveZoneResult result = rewriter.rewrite(sent, api, CompressContext.defaults());
        BodyOutline outline = result.outline().orElseThrow(() -> new AssertionError(body));
        BodyOutline parsed = parse(result.body(), conversationKey(api));
        assertEquals(withoutFlags(parsed), withoutFlags(outline), body);
        BodyOutline original = parse(sent, conversationKey(api));
        assertFlags(original.members(), sent, outline.members(), result.body(), body);
        assertFlags(original.items(), sent, outline.items(), result.body(), body);
        outlined++;
        rewritten += result.changed() ? 1 : 0;
      }
    }
    assertTrue(rewritten > 100, "most turns compress or replay something: " + rewritten);
    assertEquals(300, outlined);
  }

  @Test
  void aBodyTheScanCannotReadHasNoOutline() {
    LiveZoneRewriter rewriter =
        LiveZoneRewriter.create(Compressor.create(), LiveZoneOptions.defaults());
    for (String body : List.of("[1,2]", "{\"messages\":[}", "{} {}", "not json")) {
      assertTrue(
          rewriter
              .rewrite(utf8(body), ProviderApi.CHAT_COMPLETIONS, CompressContext.defaults())
              .outline()
              .isEmpty(),
          body);
    }
  }

  @Test
  void aConversationArrayGivenTwiceListsNoItems() {
    LiveZoneRewriter rewriter =
        LiveZoneRewriter.create(Compressor.create(), LiveZoneOptions.defaults());
    String message = "{\"role\":\"user\",\"content\":\"hi\"}";
    BodyOutline outline =
        rewriter
            .rewrite(
                utf8("{\"messages\":[" + message + "],\"messages\":[" + message + "]}"),
                ProviderApi.CHAT_COMPLETIONS,
                CompressContext.defaults())
            .outline()
            .orElseThrow();

    assertEquals(2, outline.members().size());
    assertEquals(-1, outline.conversation());
    assertTrue(outline.items().isEmpty());
  }

  @Test
  void partsAndOutlinesRefuseImpossibleOffsets() {
    assertThrows(IllegalArgumentException.class, () -> new BodyOutline.Part("a", 5, 4, false));
    assertThrows(IllegalArgumentException.class, () -> new BodyOutline.Part("a", -1, 4, false));
    assertThrows(IllegalArgumentException.class, () -> new BodyOutline(List.of(), 0, List.of()));
  }

  /** Each part holds the client's bytes exactly when it is not marked rewritten. */
  private static void assertFlags(
      List<BodyOutline.Part> before,
      byte[] original,
      List<BodyOutline.Part> after,
      byte[] sent,
      String body) {
    assertEquals(before.size(), after.size(), body);
    for (int i = 0; i < before.size(); i++) {
      byte[] was = Arrays.copyOfRange(original, before.get(i).start(), before.get(i).end());
      byte[] is = Arrays.copyOfRange(sent, after.get(i).start(), after.get(i).end());
      if (after.get(i).rewritten()) {
        assertFalse(Arrays.equals(was, is), body);
      } else {
        assertArrayEquals(was, is, body);
      }
    }
  }

  private static BodyOutline withoutFlags(BodyOutline outline) {
    return new BodyOutline(
        outline.members().stream().map(BodyOutlineTest::unflagged).toList(),
        outline.conversation(),
        outline.items().stream().map(BodyOutlineTest::unflagged).toList());
  }

  private static BodyOutline.Part unflagged(BodyOutline.Part part) {
    return new BodyOutline.Part(part.name(), part.start(), part.end(), false);
  }

  private static String conversationKey(ProviderApi api) {
    return api == ProviderApi.RESPONSES ? "input" : "messages";
  }

  /** The outline as Jackson alone reads the body. */
  private static BodyOutline parse(byte[] body, String conversationKey) {
    List<BodyOutline.Part> members = new ArrayList<>();
    List<BodyOutline.Part> items = new ArrayList<>();
    int conversation = -1;
    int arrays = 0;
    try (JsonParser parser = JSON.createParser(body)) {
      assertEquals(JsonToken.START_OBJECT, parser.nextToken());
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        int start = (int) parser.currentTokenLocation().getByteOffset();
        if (name.equals(conversationKey) && value == JsonToken.START_ARRAY) {
          conversation = members.size();
          arrays++;
          JsonToken item;
          while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            int itemStart = (int) parser.currentTokenLocation().getByteOffset();
            String role = "";
            if (item == JsonToken.START_OBJECT) {
              while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isRole = parser.currentName().equals("role");
                if (parser.nextToken() == JsonToken.VALUE_STRING && isRole) {
                  role = parser.getText();
                } else {
                  parser.skipChildren();
                }
              }
            } else {
              end(parser);
            }
            items.add(
                new BodyOutline.Part(
                    role, itemStart, (int) parser.currentLocation().getByteOffset(), false));
          }
        } else {
          end(parser);
        }
        members.add(
            new BodyOutline.Part(
                name, start, (int) parser.currentLocation().getByteOffset(), false));
      }
    } catch (IOException notJson) {
      throw new AssertionError(notJson);
    }
    return arrays == 1
        ? new BodyOutline(members, conversation, items)
        : new BodyOutline(members, -1, List.of());
  }

  private static void end(JsonParser parser) throws IOException {
    parser.skipChildren();
    if (parser.currentToken().isScalarValue()) {
      parser.finishToken();
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** One conversation's turns: each adds a tool call and its output, in the format's shape. */
  private static final class Bodies {

    private final Random random;
    private final ProviderApi api;
    private final List<String> before = new ArrayList<>();
    private final List<String> after = new ArrayList<>();
    private final List<String> items = new ArrayList<>();
    private int calls;

    Bodies(Random random, ProviderApi api) {
      this.random = random;
      this.api = api;
      add(member("model", random.nextInt(5) == 0 ? scalar() : string(10)));
      if (random.nextBoolean()) {
        add(member(api == ProviderApi.RESPONSES ? "instructions" : "system", string(400)));
      }
      for (int i = random.nextInt(3); i > 0; i--) {
        add(member(pick("tools", "temperature", "stream", "metadata", "x\\u0079"), anyValue(3)));
      }
      if (api == ProviderApi.CHAT_COMPLETIONS && random.nextBoolean()) {
        items.add(message("system", string(random.nextInt(600))));
      }
      items.add(message("user", string(random.nextInt(600))));
    }

    private void add(String member) {
      (random.nextBoolean() ? before : after).add(member);
    }

    String turn() {
      String id = "call_" + calls++;
      String output = quoted(random.nextBoolean() ? records() : log());
      switch (api) {
        case RESPONSES -> {
          items.add("{\"type\":\"function_call\",\"call_id\":\"" + id + "\",\"name\":\"f\"}");
          items.add(
              "{\"type\":\"function_call_output\",\"call_id\":\""
                  + id
                  + "\","
                  + space()
                  + "\"output\":"
                  + output
                  + "}");
        }
        case ANTHROPIC_MESSAGES -> {
          items.add(
              message(
                  "assistant",
                  "[{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"f\",\"input\":{}}]"));
          items.add(
              message(
                  "user",
                  "[{\"type\":\"tool_result\",\"tool_use_id\":\""
                      + id
                      + "\",\"content\":"
                      + output
                      + "}]"));
        }
        default -> {
          items.add(
              "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\""
                  + id
                  + "\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}");
          items.add(
              "{\"role\":\"tool\",\"tool_call_id\":\""
                  + id
                  + "\","
                  + space()
                  + "\"content\":"
                  + output
                  + "}");
        }
      }
      if (random.nextInt(4) == 0) {
        items.add(random.nextBoolean() ? anyValue(1) : message("user", string(50)));
      }
      List<String> members = new ArrayList<>(before);
      String list = api == ProviderApi.RESPONSES ? "input" : "messages";
      members.add(member(list, "[" + space() + String.join("," + space(), items) + space() + "]"));
      members.addAll(after);
      return space() + "{" + space() + String.join("," + space(), members) + space() + "}";
    }

    private String message(String role, String content) {
      List<String> members = new ArrayList<>();
      String value = "\"" + role + "\"";
      if (random.nextInt(12) == 0) {
        members.add(member("role", value));
        value = pick("5", "null", "[\"x\"]"); // not a string: the one before stands
      } else if (random.nextInt(12) == 0) {
        value =
            "\""
                + role.charAt(0)
                + "\\u00"
                + Integer.toHexString(role.charAt(1))
                + role.substring(2)
                + "\"";
      }
      members.add(member("role", value));
      members.add(member("content", content));
      if (random.nextInt(8) == 0) {
        members.add(member("role", "\"" + role + "\""));
      }
      return "{" + space() + String.join("," + space(), members) + space() + "}";
    }

    /** A JSON array of records, some failing: what the JSON compressor shrinks. */
    private String records() {
      StringBuilder json = new StringBuilder("[");
      int n = 40 + random.nextInt(120);
      for (int i = 0; i < n; i++) {
        json.append(i == 0 ? "" : ",")
            .append("{\"id\":")
            .append(i)
            .append(",\"status\":\"")
            .append(i % 29 == 7 ? "FAILED: é timeout" : "ok")
            .append("\",\"path\":\"/srv/app/module")
            .append(i % 7)
            .append("/file.txt\"}");
      }
      return json.append(']').toString();
    }

    private String log() {
      StringBuilder log = new StringBuilder();
      int n = 60 + random.nextInt(200);
      for (int i = 0; i < n; i++) {
        log.append("2026-12-07T04:")
            .append(10 + i % 50)
            .append(
                i % 41 == 5 ? " ERROR worker \"q\" failed ✗\n" : " INFO request served in 3 ms\n");
      }
      return log.toString();
    }

    private String anyValue(int depth) {
      int kind = random.nextInt(depth > 0 ? 6 : 3);
      return switch (kind) {
        case 0 -> string(random.nextInt(2) == 0 ? 20 : 700);
        case 1, 2 -> scalar();
        case 3 -> {
          List<String> values = new ArrayList<>();
          for (int i = random.nextInt(4); i > 0; i--) {
            values.add(anyValue(depth - 1));
          }
          yield "[" + space() + String.join("," + space(), values) + space() + "]";
        }
        default -> {
          List<String> members = new ArrayList<>();
          for (int i = random.nextInt(4); i > 0; i--) {
            members.add(member(pick("a", "role", "x\\\"y", "é"), anyValue(depth - 1)));
          }
          yield "{" + space() + String.join("," + space(), members) + space() + "}";
        }
      };
    }

    private String scalar() {
      return pick("0", "-12.5e3", "1234567", "true", "false", "null", "0.25");
    }

    /** A string of about {@code length} characters; past 256 bytes the scan leaves it out. */
    private String string(int length) {
      StringBuilder s = new StringBuilder("\"");
      while (s.length() < length) {
        s.append(pick("a", "b c", "\\\"", "\\\\", "\\n", "\\u00e9", "é", "{", "]", ",", ":", "€"));
      }
      return s.append('"').toString();
    }

    private static String quoted(String text) {
      return LiveZoneRewriterTest.quoted(text);
    }

    private String member(String name, String value) {
      return "\"" + name + "\"" + space() + ":" + space() + value;
    }

    private String space() {
      return random.nextInt(3) > 0 ? "" : pick(" ", "\n", "\t ", "\r\n  ");
    }

    private String pick(String... choices) {
      return choices[random.nextInt(choices.length)];
    }
  }
}
