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
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The conversations that have been given the retrieval tool, so each of their later requests gets it
 * again at the same place. A conversation is its {@code x-headroom-session-id}, else a hash of the
 * owner scope, model, system prompt and first user message: what stays the same from turn to turn.
 * Bounded: the least recently seen conversations are forgotten first.
 */
@API(status = INTERNAL, since = "0.1")
public final class Conversations {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int capacity;
  private final Map<String, Boolean> withTool;

  /**
   * @param capacity how many conversations are remembered, at least 1
   */
  public Conversations(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.withTool = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > Conversations.this.capacity;
      }
    };
  }

  /** @return whether no conversation has the tool yet (then nothing needs to be looked up) */
  public synchronized boolean isEmpty() {
    return withTool.isEmpty();
  }

  /** @param key a conversation key that now has the tool */
  public synchronized void add(String key) {
    withTool.put(key, Boolean.TRUE);
  }

  /**
   * @param key a conversation key
   * @return whether that conversation has been given the tool
   */
  public synchronized boolean contains(String key) {
    return withTool.get(key) != null;
  }

  /**
   * @param session the {@code x-headroom-session-id} header, or empty
   * @param scope the owner scope
   * @param body the request body
   * @return the conversation's key
   */
  public static String key(String session, String scope, byte[] body) {
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
