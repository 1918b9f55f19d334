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
import java.util.HexFormat;
import java.util.List;
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
    MessageDigest identity = sha256();
    identity.update(scope.getBytes(StandardCharsets.UTF_8));
    identity.update((byte) 0);
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          switch (name) {
            case "model", "system", "instructions" -> {
              identity.update(name.getBytes(StandardCharsets.US_ASCII));
              identity.update((byte) '=');
              span(parser, body, identity);
            }
            case "messages", "input" -> {
              if (value == JsonToken.START_ARRAY) {
                firstMessages(parser, body, identity);
              } else {
                span(parser, body, identity);
              }
            }
            default -> parser.skipChildren();
          }
        }
      }
    } catch (IOException | RuntimeException notJson) {
      identity.update(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
    }
    return "h:" + HexFormat.of().formatHex(identity.digest(), 0, 16);
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
    MessageDigest identity = sha256();
    identity.update(scope.getBytes(StandardCharsets.UTF_8));
    identity.update((byte) 0);
    List<BodyOutline.Part> members = outline.members();
    for (int m = 0; m < members.size(); m++) {
      BodyOutline.Part member = members.get(m);
      switch (member.name()) {
        case "model", "system", "instructions" -> {
          if (member.rewritten()) {
            return Optional.empty();
          }
          identity.update(member.name().getBytes(StandardCharsets.US_ASCII));
          identity.update((byte) '=');
          update(identity, sent, member);
        }
        case "messages", "input" -> {
          if (m == outline.conversation()) {
            for (BodyOutline.Part item : outline.items()) {
              String role = item.name();
              if (role.equals("system") || role.equals("developer") || role.equals("user")) {
                if (item.rewritten()) {
                  return Optional.empty();
                }
                update(identity, sent, item);
              }
              if (role.equals("user")) {
                break;
              }
            }
          } else if (sent[member.start()] == '[' || member.rewritten()) {
            return Optional.empty();
          } else {
            update(identity, sent, member);
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
   * Hashes the current value's bytes as sent, then a separator; the parser ends on its last token.
   */
  private static void span(JsonParser parser, byte[] body, MessageDigest identity)
      throws IOException {
    int start = (int) parser.currentTokenLocation().getByteOffset();
    parser.skipChildren();
    if (parser.currentToken().isScalarValue()) {
      parser.finishToken(); // a string's end is known only once it is read
    }
    int end = (int) parser.currentLocation().getByteOffset();
    identity.update(body, start, end - start);
    identity.update((byte) 0);
  }

  /** System/developer messages and the first user message; the rest of the array is skipped. */
  private static void firstMessages(JsonParser parser, byte[] body, MessageDigest identity)
      throws IOException {
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
      if (role.equals("system") || role.equals("developer") || role.equals("user")) {
        identity.update(body, start, end - start);
        identity.update((byte) 0);
      }
      userSeen = role.equals("user");
    }
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
