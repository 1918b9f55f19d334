package dev.headroom.proxy.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apiguardian.api.API;

/**
 * Names a conversation: its {@code x-headroom-session-id}, else a hash of the owner scope, model,
 * system prompt and first user message — what stays the same from turn to turn. Either way the owner
 * scope is part of the key, so two API keys never share a conversation.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConversationKeys {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConversationKeys() {}

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
    StringBuilder identity = new StringBuilder(scope).append('\u0000');
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          switch (name) {
            case "model", "system", "instructions" ->
                identity.append(name).append('=').append(String.valueOf((JsonNode) JSON.readTree(parser))).append('\u0000');
            case "messages", "input" -> {
              if (value == JsonToken.START_ARRAY) {
                firstMessages(parser, identity);
              } else {
                identity.append(String.valueOf((JsonNode) JSON.readTree(parser))).append('\u0000');
              }
            }
            default -> parser.skipChildren();
          }
        }
      }
    } catch (IOException | RuntimeException notJson) {
      identity.append(body.length);
    }
    return "h:" + sha256(identity.toString());
  }

  /** System/developer messages and the first user message; the rest of the array is skipped. */
  private static void firstMessages(JsonParser parser, StringBuilder identity) throws IOException {
    boolean userSeen = false;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (userSeen) {
        parser.skipChildren();
        continue;
      }
      JsonNode message = JSON.readTree(parser);
      String role = message.path("role").asText("");
      if (role.equals("system") || role.equals("developer") || role.equals("user")) {
        identity.append(message).append('\u0000');
      }
      userSeen = role.equals("user");
    }
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is required of every JDK", impossible);
    }
  }
}
