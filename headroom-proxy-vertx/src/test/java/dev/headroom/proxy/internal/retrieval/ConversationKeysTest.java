package dev.headroom.proxy.internal.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.headroom.compress.BodyOutline;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import dev.headroom.proxy.internal.ccr.Conversations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The first-user fingerprint against a JSON parser finding the same message, on generated chat
 * bodies (members in any order, whitespace anywhere, escapes, roles that are not strings or given
 * twice, histories of any shape), and the property the proxy relies on: every later turn of a
 * conversation — the same key — has the same fingerprint.
 */
class ConversationKeysTest {

  private static final JsonFactory JSON = new JsonFactory();

  @Test
  void theFingerprintIsThatOfTheFirstUserMessageAParserFinds() {
    Random random = new Random(20261207);
    int read = 0;
    for (int run = 0; run < 3_000; run++) {
      Bodies bodies = new Bodies(random);
      byte[] body = utf8(bodies.body());
      long fingerprint = ConversationKeys.firstUser("", "key:a", body);
      if (bodies.plain) {
        assertNotEquals(ConversationKeys.UNKNOWN, fingerprint, () -> text(body));
      }
      if (fingerprint != ConversationKeys.UNKNOWN) {
        read++;
        assertEquals(parsed("key:a", body), fingerprint, () -> text(body));
      }
    }
    assertTrue(read > 1_500, "most bodies are read, not given up on: " + read);
  }

  @Test
  void everyTurnOfAConversationHasItsFirstTurnsFingerprint() {
    Random random = new Random(7122026);
    for (int run = 0; run < 2_000; run++) {
      Bodies bodies = new Bodies(random);
      byte[] first = utf8(bodies.body());
      byte[] later = utf8(bodies.laterTurn());
      // The precondition: the same conversation by its key.
      assertEquals(
          ConversationKeys.of("", "key:a", first),
          ConversationKeys.of("", "key:a", later),
          () -> text(first) + "\n" + text(later));
      long a = ConversationKeys.firstUser("", "key:a", first);
      long b = ConversationKeys.firstUser("", "key:a", later);
      if (a != ConversationKeys.UNKNOWN && b != ConversationKeys.UNKNOWN) {
        assertEquals(a, b, () -> text(first) + "\n" + text(later));
      }
    }
  }

  @Test
  void theKeyAndTheSpliceFromTheRewritesOutlineAreThoseOfTheClientsBody() {
    Random random = new Random(4112026);
    LiveZoneRewriter rewriter =
        LiveZoneRewriter.create(Compressor.create(), LiveZoneOptions.defaults());
    int outlined = 0;
    for (int run = 0; run < 2_000; run++) {
      Bodies bodies = new Bodies(random);
      byte[] body = utf8(random.nextBoolean() ? bodies.body() : bodies.laterTurn());
      // Mostly the format whose conversation the body's list is; now and then the other.
      ProviderApi api =
          (random.nextInt(5) > 0) == bodies.listName.equals("messages")
              ? ProviderApi.CHAT_COMPLETIONS
              : ProviderApi.RESPONSES;
      LiveZoneResult result = rewriter.rewrite(body, api, CompressContext.defaults());
      BodyOutline outline = result.outline().orElseThrow(() -> new AssertionError(text(body)));
      Optional<String> key = ConversationKeys.of("", "key:a", result.body(), outline);
      if (key.isPresent()) {
        outlined++;
        assertEquals(ConversationKeys.of("", "key:a", body), key.get(), () -> text(body));
      }
      assertArrayEquals(
          RetrieveTools.splice(result.body(), api),
          RetrieveTools.splice(result.body(), api, outline),
          () -> text(body));
    }
    // Only a messages or input array that is not the format's conversation is not outlined.
    assertTrue(outlined > 1_400, "most keys are read from the outline: " + outlined);
  }

  /**
   * Keys are stored (in Redis, by earlier versions of the gateway too): the rule must not drift.
   * The expected values are SHA-256 of the scope and the parts' bytes, computed outside Java.
   */
  @Test
  void theKeyIsTheDigestOfTheScopeAndThePartsAsSentWhicheverWayTheyAreFound() {
    byte[] chat =
        utf8(
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"Be"
                + " brief.\"},{\"role\":\"user\",\"content\":\"why?\"},{\"role\":\"assistant\","
                + "\"content\":\"ok\"}],\"stream\":true}");
    byte[] anthropic =
        utf8(
            "{\"messages\":[{ \"role\" : \"user\", \"content\" : [ {\"type\":\"text\",\"text\":"
                + "\"fix it é\"} ] },{\"role\":\"assistant\",\"content\":\"done\"}], \"system\" :"
                + " [{\"type\":\"text\",\"text\":\"You fix builds.\"}],\"model\":\"claude-sonnet-4\","
                + "\"max_tokens\":100}");
    assertPinned("h:26c18b18266fe3b06ed9cc6d223a1cfe", "key:a", chat, ProviderApi.CHAT_COMPLETIONS);
    assertPinned(
        "h:8fd5704e4439db4b548c988900be7cfe", "key:b", anthropic, ProviderApi.ANTHROPIC_MESSAGES);
    assertEquals("key:a|s:s-1", ConversationKeys.of(" s-1 ", "key:a", chat));
  }

  /**
   * The key of the client's body, and the key from the scan's outline of it, are both {@code key}.
   */
  private static void assertPinned(String key, String scope, byte[] body, ProviderApi api) {
    assertEquals(key, ConversationKeys.of("", scope, body));
    BodyOutline outline =
        LiveZoneRewriter.create(Compressor.create(), LiveZoneOptions.defaults())
            .rewrite(body, api, CompressContext.defaults())
            .outline()
            .orElseThrow();
    assertEquals(Optional.of(key), ConversationKeys.of("", scope, body, outline));
  }

  @Test
  void aKeyPartTheRewriteChangedIsNotReadFromTheOutline() {
    LiveZoneRewriter rewriter =
        LiveZoneRewriter.create(Compressor.create(), LiveZoneOptions.defaults());
    StringBuilder records = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      records.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"ok\":true}");
    }
    String output = "\"" + records.append(']').toString().replace("\"", "\\\"") + "\"";
    String later =
        "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
            + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
            + output
            + "}";
    // The newest tool output compressed: the key's parts are the client's bytes still.
    byte[] body =
        utf8(
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"why?\"},"
                + later
                + "]}");
    LiveZoneResult result =
        rewriter.rewrite(body, ProviderApi.CHAT_COMPLETIONS, CompressContext.defaults());
    assertTrue(result.changed());
    assertEquals(
        Optional.of(ConversationKeys.of("", "key:a", body)),
        ConversationKeys.of("", "key:a", result.body(), result.outline().orElseThrow()));

    // A first user message that is itself a compressed output: its client bytes are gone.
    byte[] pasted =
        utf8(
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":" + output + "}]}");
    LiveZoneResult rewritten =
        rewriter.rewrite(pasted, ProviderApi.CHAT_COMPLETIONS, CompressContext.defaults());
    assertTrue(rewritten.changed());
    assertEquals(
        Optional.empty(),
        ConversationKeys.of("", "key:a", rewritten.body(), rewritten.outline().orElseThrow()));
  }

  @Test
  void aCutBodyIsGivenUpOnOrReadAsTheWholeAndAGarbledOneNeverFailsTheWalk() {
    Random random = new Random(612);
    String bytes = "{}[]\":,\\ x1";
    int read = 0;
    for (int run = 0; run < 3_000; run++) {
      String text = new Bodies(random).body();
      long whole = ConversationKeys.firstUser("", "key:a", utf8(text));
      byte[] cut = utf8(text.substring(0, random.nextInt(text.length() + 1)));
      long part = ConversationKeys.firstUser("", "key:a", cut);
      // Cut past its first user message, a body still has that message: the same fingerprint.
      if (part != ConversationKeys.UNKNOWN) {
        read++;
        assertEquals(whole, part, () -> text(cut));
      }
      StringBuilder garbled = new StringBuilder(text);
      garbled.setCharAt(
          random.nextInt(garbled.length()), bytes.charAt(random.nextInt(bytes.length())));
      // The walk itself (firstUser would turn a failure into UNKNOWN) throws on nothing.
      FirstUserMessage.fingerprint("key:a", utf8(garbled.toString()));
      FirstUserMessage.fingerprint("key:a", cut);
    }
    assertTrue(read > 300, "cuts past the first user message are read: " + read);
  }

  @Test
  void theScopeTheSessionAndTheFirstUserMessageTellConversationsApart() {
    byte[] body = utf8("{\"messages\":[{\"role\":\"user\",\"content\":\"why?\"}]}");
    byte[] other = utf8("{\"messages\":[{\"role\":\"user\",\"content\":\"how?\"}]}");

    assertNotEquals(
        ConversationKeys.firstUser("", "key:a", body),
        ConversationKeys.firstUser("", "key:b", body));
    assertNotEquals(
        ConversationKeys.firstUser("", "key:a", body),
        ConversationKeys.firstUser("", "key:a", other));
    assertEquals(Conversations.NAMED_SESSION, ConversationKeys.firstUser("s1", "key:a", body));
    assertEquals(
        ConversationKeys.NO_USER_MESSAGE,
        ConversationKeys.firstUser(
            "", "key:a", utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"system\"}]}")));
  }

  /** The fingerprint of the first user message a JSON parser finds, as the proxy computes it. */
  private static long parsed(String scope, byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return ConversationKeys.UNKNOWN;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!(name.equals("messages") || name.equals("input"))) {
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          return ConversationKeys.UNKNOWN;
        }
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (item != JsonToken.START_OBJECT) {
            parser.skipChildren();
            continue;
          }
          int start = (int) parser.currentTokenLocation().getByteOffset();
          // The key's rule for a message's role; what is tested is where the walk finds it.
          boolean user = ConversationKeys.role(parser).equals("user");
          int end = (int) parser.currentLocation().getByteOffset();
          if (user) {
            CRC32C crc = new CRC32C();
            crc.update(scope.getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            crc.update(body, start, end - start);
            return crc.getValue() << 32 | (end - start);
          }
        }
      }
      return ConversationKeys.NO_USER_MESSAGE;
    } catch (IOException notJson) {
      throw new AssertionError("the generator makes JSON", notJson);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Random chat bodies: {@link #body()}, then {@link #laterTurn()} the same conversation a few
   * turns on (more history after the first user message, other values for members that are not part
   * of the key). {@link #plain} when nothing in it is escaped where the fingerprint reads.
   */
  private static final class Bodies {

    private final Random random;
    boolean plain = true;
    private final List<String> before = new ArrayList<>();
    private final List<String> after = new ArrayList<>();
    private final List<String> opening = new ArrayList<>();
    String listName;
    private boolean hasUser;
    private boolean shuffledFirst;

    Bodies(Random random) {
      this.random = random;
      if (random.nextInt(4) > 0) {
        add(member("model", random.nextInt(6) == 0 ? scalar() : string()));
      }
      if (random.nextBoolean()) {
        add(member(random.nextBoolean() ? "system" : "instructions", anyValue(2)));
      }
      listName = random.nextBoolean() ? "messages" : "input";
      int systems = random.nextInt(3);
      for (int i = 0; i < systems; i++) {
        opening.add(random.nextInt(6) == 0 ? anyValue(1) : message(pick("system", "developer")));
      }
      if (random.nextInt(10) > 0) {
        opening.add(message("user"));
        hasUser = true;
      }
      shuffledFirst = random.nextBoolean();
    }

    private void add(String member) {
      (random.nextBoolean() ? before : after).add(member);
    }

    String body() {
      return assemble(opening, extras(random.nextInt(3)));
    }

    String laterTurn() {
      List<String> messages = new ArrayList<>(opening);
      // After the first user message only: what comes there is never part of the key.
      if (hasUser) {
        int more = 1 + random.nextInt(5);
        for (int i = 0; i < more; i++) {
          messages.add(
              random.nextInt(5) == 0
                  ? anyValue(2)
                  : message(pick("assistant", "tool", "user", "system")));
        }
      }
      return assemble(messages, extras(random.nextInt(3)));
    }

    private List<String> extras(int n) {
      List<String> extras = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        extras.add(member(pick("tools", "temperature", "stream", "metadata"), anyValue(3)));
      }
      return extras;
    }

    private String assemble(List<String> messages, List<String> extras) {
      List<String> members = new ArrayList<>(before);
      members.addAll(extras.subList(0, extras.size() / 2));
      members.add(
          member(listName, "[" + space() + String.join("," + space(), messages) + space() + "]"));
      members.addAll(after);
      members.addAll(extras.subList(extras.size() / 2, extras.size()));
      if (shuffledFirst && members.size() > 1) {
        // Members before the list stay before it and after stay after: the key hashes in order.
        Collections.rotate(members.subList(0, 1), 0);
      }
      return space()
          + "{"
          + space()
          + String.join("," + space(), members)
          + space()
          + "}"
          + space();
    }

    private String message(String role) {
      List<String> members = new ArrayList<>();
      String value = "\"" + role + "\"";
      if (random.nextInt(12) == 0) {
        value = pick("5", "null", "[\"x\"]");
        if (role.equals("user")) {
          // Not a string: the role stays whatever string came before it (none: not a user).
          members.add(member("role", "\"user\""));
        }
      } else if (random.nextInt(15) == 0) {
        plain = plain && !role.equals("user");
        value = "\"" + (role.equals("user") ? "us\\u0065r" : role) + "\"";
      }
      members.add(member("role", value));
      if (random.nextInt(8) == 0) {
        members.add(member("role", "\"" + role + "\""));
      }
      members.add(member("content", random.nextBoolean() ? string() : anyValue(3)));
      if (random.nextInt(10) == 0) {
        plain = false;
        members.add(member("na\\u006de", string()));
      }
      if (random.nextBoolean()) {
        members.add(member("name", string()));
      }
      return "{" + space() + String.join("," + space(), members) + space() + "}";
    }

    private String anyValue(int depth) {
      int kind = random.nextInt(depth > 0 ? 6 : 3);
      return switch (kind) {
        case 0 -> string();
        case 1, 2 -> scalar();
        case 3 -> {
          List<String> items = new ArrayList<>();
          for (int i = random.nextInt(4); i > 0; i--) {
            items.add(anyValue(depth - 1));
          }
          yield "[" + space() + String.join("," + space(), items) + space() + "]";
        }
        default -> {
          List<String> members = new ArrayList<>();
          for (int i = random.nextInt(4); i > 0; i--) {
            String name = pick("a", "role", "user", "x\\\"y", "é");
            // An escaped name, or a role that may be escaped, where a message's members are read
            // makes
            // the fingerprint give up.
            plain = plain && !name.contains("\\") && !name.equals("role");
            members.add(member(name, anyValue(depth - 1)));
          }
          yield "{" + space() + String.join("," + space(), members) + space() + "}";
        }
      };
    }

    private String scalar() {
      return pick("0", "-12.5e3", "1234567", "true", "false", "null", "0.25");
    }

    private String string() {
      StringBuilder s = new StringBuilder("\"");
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        s.append(
            pick(
                "a", "b c", "\\\"", "\\\\", "\\n", "\\u00e9", "é", "{", "]", ",", ":", "€",
                "user"));
      }
      return s.append('"').toString();
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
