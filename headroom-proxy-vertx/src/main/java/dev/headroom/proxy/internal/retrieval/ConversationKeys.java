package dev.headroom.proxy.internal.retrieval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.headroom.compress.BodyOutline;
import dev.headroom.proxy.internal.ccr.Conversations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Names a conversation: its {@code x-headroom-session-id}, else a hash of the owner scope, model,
 * system prompt and first user message — what stays the same from turn to turn. Either way the
 * owner scope is part of the key, so two API keys never share a conversation.
 *
 * <p>The hash covers those values' bytes exactly as the client sent them (one streaming pass, no
 * trees): a client re-sends its history byte for byte from turn to turn, which is also what the
 * provider's prompt cache relies on.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConversationKeys {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** The {@link #firstUser} of a body it cannot tell: any conversation may have it. */
  public static final long UNKNOWN = Conversations.UNKNOWN_FIRST_USER;

  /** The {@link #firstUser} of a body whose message arrays hold no user message. */
  public static final long NO_USER_MESSAGE = -1;

  private ConversationKeys() {}

  /**
   * A cheap pre-key: a fingerprint of the owner scope and the first user message, which every body
   * with the same {@link #of key} shares (the key hashes that message too). Unlike the key it reads
   * the body only up to that message, never the history after it nor the members after the message
   * list: so a request whose fingerprint no conversation with the tool has need not be keyed at all
   * ({@link Conversations#mayContain}).
   *
   * @param session the {@code x-headroom-session-id} header, or empty
   * @param scope the owner scope
   * @param body the request body
   * @return the fingerprint; {@link Conversations#NAMED_SESSION} when a session names the
   *     conversation; {@link #UNKNOWN} when the body is not one the fingerprint reads (then only
   *     the key tells); {@link #NO_USER_MESSAGE}
   */
  public static long firstUser(String session, String scope, byte[] body) {
    if (session != null && !session.isBlank()) {
      return Conversations.NAMED_SESSION;
    }
    try {
      return FirstUserMessage.fingerprint(scope, body);
    } catch (RuntimeException bug) {
      // The walk is tested not to throw on any bytes; should it, the key decides, as for a body it
      // gives up on: the request goes on either way.
      return UNKNOWN;
    }
  }

  /**
   * @param session the {@code x-headroom-session-id} header, or empty
   * @param scope the owner scope
   * @param body the request body
   * @return the conversation's key
   */
  public static String of(String session, String scope, byte[] body) {
    if (session != null && !session.isBlank()) {
      return scope + "|s:" + session.strip();
    }
    List<BodyOutline.Part> members = new ArrayList<>();
    Map<Integer, List<BodyOutline.Part>> arrays = new HashMap<>();
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          int start = (int) parser.currentTokenLocation().getByteOffset();
          if ((name.equals("messages") || name.equals("input")) && value == JsonToken.START_ARRAY) {
            arrays.put(members.size(), firstMessages(parser));
          } else {
            parser.skipChildren();
            if (parser.currentToken().isScalarValue()) {
              parser.finishToken(); // a string's end is known only once it is read
            }
          }
          int end = (int) parser.currentLocation().getByteOffset();
          members.add(new BodyOutline.Part(name, start, end, false));
        }
      }
    } catch (IOException | RuntimeException notJson) {
      // The scope, what was read and the length (no conversation is ever stored under it: the tool
      // is spliced only into a JSON object).
      return key(scope, body, members, arrays).orElseThrow() + ":" + body.length;
    }
    return key(scope, body, members, arrays).orElseThrow();
  }

  /**
   * The {@link #of(String, String, byte[]) key} of the client's body, read from where the live-zone
   * rewrite's scan found its parts instead of by parsing it again (on a long session's later turns
   * that parse read a megabyte of earlier tool outputs to hash a few hundred bytes). The parts the
   * key hashes are the client's own bytes whenever the rewrite replaced nothing inside them.
   *
   * @param session the {@code x-headroom-session-id} header, or empty
   * @param scope the owner scope
   * @param sent the body the outline is of: the client's, or the rewrite's of it
   * @param outline where the parts of {@code sent} lie
   * @return the key, the same as of the client's body; empty when the outline cannot tell it: a
   *     part it hashes was rewritten, or a {@code messages} or {@code input} array is not the
   *     conversation the outline lists
   */
  public static Optional<String> of(
      String session, String scope, byte[] sent, BodyOutline outline) {
    if (session != null && !session.isBlank()) {
      return Optional.of(of(session, scope, sent));
    }
    Map<Integer, List<BodyOutline.Part>> arrays =
        outline.conversation() < 0 ? Map.of() : Map.of(outline.conversation(), outline.items());
    return key(scope, sent, outline.members(), arrays);
  }

  /**
   * The key's one rule: a digest of the scope, then, in body order, each {@code model}, {@code
   * system} and {@code instructions} value and, of each {@code messages} or {@code input} array,
   * its system and developer messages and its first user message, each as the bytes sent.
   *
   * @param members the body's top-level members
   * @param arrays the items of the members that are {@code messages} or {@code input} arrays, by
   *     member index, at least up to the first user message
   * @return the key; empty when a part it hashes was rewritten or an array's items are not known
   */
  private static Optional<String> key(
      String scope,
      byte[] body,
      List<BodyOutline.Part> members,
      Map<Integer, List<BodyOutline.Part>> arrays) {
    MessageDigest identity = sha256();
    identity.update(scope.getBytes(StandardCharsets.UTF_8));
    identity.update((byte) 0);
    for (int m = 0; m < members.size(); m++) {
      BodyOutline.Part member = members.get(m);
      switch (member.name()) {
        case "model", "system", "instructions" -> {
          if (member.rewritten()) {
            return Optional.empty();
          }
          identity.update(member.name().getBytes(StandardCharsets.US_ASCII));
          identity.update((byte) '=');
          update(identity, body, member);
        }
        case "messages", "input" -> {
          List<BodyOutline.Part> items = arrays.get(m);
          if (items == null && body[member.start()] == '[') {
            return Optional.empty();
          }
          if (items == null) {
            if (member.rewritten()) {
              return Optional.empty();
            }
            update(identity, body, member);
            continue;
          }
          for (BodyOutline.Part item : items) {
            String role = item.name();
            if (role.equals("system") || role.equals("developer") || role.equals("user")) {
              if (item.rewritten()) {
                return Optional.empty();
              }
              update(identity, body, item);
            }
            if (role.equals("user")) {
              break;
            }
          }
        }
        default -> {
          // not part of the key
        }
      }
    }
    return Optional.of("h:" + HexFormat.of().formatHex(identity.digest(), 0, 16));
  }

  private static void update(MessageDigest identity, byte[] body, BodyOutline.Part part) {
    identity.update(body, part.start(), part.end() - part.start());
    identity.update((byte) 0);
  }

  /**
   * The items of the array whose START_ARRAY is the current token, each named by its role (objects
   * without one, and other values, named {@code ""}), up to the first user message; the rest of the
   * array is skipped. The parser ends on the END_ARRAY.
   */
  private static List<BodyOutline.Part> firstMessages(JsonParser parser) throws IOException {
    List<BodyOutline.Part> items = new ArrayList<>();
    boolean userSeen = false;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (userSeen || token != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      int start = (int) parser.currentTokenLocation().getByteOffset();
      String role = role(parser);
      int end = (int) parser.currentLocation().getByteOffset();
      items.add(new BodyOutline.Part(role, start, end, false));
      userSeen = role.equals("user");
    }
    return items;
  }

  /**
   * Reads a message object, from its START_OBJECT (the current token) to its END_OBJECT.
   *
   * @return its role: the last string value given for {@code role}, empty when none is
   */
  static String role(JsonParser parser) throws IOException {
    String role = "";
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean isRole = parser.currentName().equals("role");
      if (parser.nextToken() == JsonToken.VALUE_STRING && isRole) {
        role = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return role;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is required of every JDK", impossible);
    }
  }
}
