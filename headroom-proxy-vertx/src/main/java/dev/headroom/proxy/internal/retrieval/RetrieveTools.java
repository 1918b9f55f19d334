package dev.headroom.proxy.internal.retrieval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.compress.BodyOutline;
import dev.headroom.compress.ProviderApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The {@code headroom_retrieve} tool, in each provider's shape, as fixed bytes: the proxy splices
 * exactly these bytes into a request's {@code tools} array, so every turn of a conversation carries
 * the same tools prefix and the provider's prompt cache keeps hitting.
 */
@API(status = INTERNAL, since = "0.1")
public final class RetrieveTools {

  /** The tool's name. */
  public static final String NAME = "headroom_retrieve";

  private static final byte[] NAME_BYTES = NAME.getBytes(StandardCharsets.US_ASCII);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DESCRIPTION =
      "Returns the original content that Headroom compressed out of a"
          + " tool result. Call it with the hash of a <<ccr:HASH ...>> marker when you need what it omitted.";
  private static final String PARAMETERS =
      "{\"type\":\"object\",\"properties\":{\"hash\":{\"type\":\"string\","
          + "\"description\":\"The HASH of the <<ccr:HASH ...>> marker\"}},\"required\":[\"hash\"]}";
  private static final byte[] CHAT =
      utf8(
          "{\"type\":\"function\",\"function\":{\"name\":\""
              + NAME
              + "\",\"description\":\""
              + DESCRIPTION
              + "\",\"parameters\":"
              + PARAMETERS
              + "}}");
  private static final byte[] RESPONSES =
      utf8(
          "{\"type\":\"function\",\"name\":\""
              + NAME
              + "\",\"description\":\""
              + DESCRIPTION
              + "\",\"parameters\":"
              + PARAMETERS
              + "}");
  private static final byte[] ANTHROPIC =
      utf8(
          "{\"name\":\""
              + NAME
              + "\",\"description\":\""
              + DESCRIPTION
              + "\",\"input_schema\":"
              + PARAMETERS
              + "}");

  private RetrieveTools() {}

  /**
   * @param api the request format
   * @return the tool definition's bytes (a copy)
   */
  public static byte[] definition(ProviderApi api) {
    return bytes(api).clone();
  }

  /**
   * Adds the tool at the end of the body's top-level {@code tools} array, or adds a {@code tools}
   * key before the closing brace; every other byte stays the client's.
   *
   * @param body a request body
   * @param api its format
   * @return the new body, or {@code body} itself when the client defines a tool of that name, the
   *     body is not one JSON object, or its {@code tools} is not an array
   */
  public static byte[] splice(byte[] body, ProviderApi api) {
    List<BodyOutline.Part> members = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return body;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        if (parser.currentToken().isScalarValue()) {
          parser.finishToken();
        }
        members.add(
            new BodyOutline.Part(
                name, start, (int) parser.currentLocation().getByteOffset(), false));
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return body;
      }
    } catch (IOException | RuntimeException notJson) {
      return body;
    }
    return splice(body, api, members);
  }

  /**
   * {@link #splice(byte[], ProviderApi)} of a body whose parts are known: only its {@code tools}
   * arrays are read.
   *
   * @param body a request body, one JSON object
   * @param api its format
   * @param outline where the parts of {@code body} lie
   * @return the new body, or {@code body} itself as {@link #splice(byte[], ProviderApi)} says
   */
  public static byte[] splice(byte[] body, ProviderApi api, BodyOutline outline) {
    return splice(body, api, outline.members());
  }

  private static byte[] splice(byte[] body, ProviderApi api, List<BodyOutline.Part> members) {
    int closing = body.length - 1;
    while (closing >= 0 && isSpace(body[closing])) {
      closing--;
    }
    if (closing < 0 || body[closing] != '}') {
      return body;
    }
    BodyOutline.Part tools = null;
    boolean toolsEmpty = true;
    for (BodyOutline.Part member : members) {
      if (!member.name().equals("tools")) {
        continue;
      }
      if (body[member.start()] != '[') {
        return body;
      }
      try (JsonParser parser =
          JSON.createParser(body, member.start(), member.end() - member.start())) {
        parser.nextToken();
        toolsEmpty = true;
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
          toolsEmpty = false;
          if (element == JsonToken.START_OBJECT && NAME.equals(nameOf(JSON.readTree(parser)))) {
            return body;
          }
          parser.skipChildren();
        }
        if (parser.nextToken() != null || body[member.end() - 1] != ']') {
          return body; // not the array's bytes: the outline is not this body's
        }
      } catch (IOException | RuntimeException notJson) {
        return body;
      }
      tools = member;
    }
    byte[] tool = bytes(api);
    if (tools != null) {
      // The last tools array, as a parser reading the object keeps the last value of a name.
      return insert(body, tools.end() - 1, toolsEmpty ? tool : concat(utf8(","), tool));
    }
    byte[] key = concat(utf8(members.isEmpty() ? "\"tools\":[" : ",\"tools\":["), tool);
    return insert(body, closing, concat(key, utf8("]")));
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /**
   * @param body a request body as sent upstream
   * @param api its format
   * @return whether it carries the proxy's own tool definition, byte for byte
   */
  public static boolean carries(byte[] body, ProviderApi api) {
    return indexOf(body, bytes(api)) >= 0;
  }

  /**
   * @param body a response body
   * @return whether it names the tool anywhere: a cheap necessary condition for a call to it
   */
  public static boolean mentioned(byte[] body) {
    return indexOf(body, NAME_BYTES) >= 0;
  }

  private static String nameOf(JsonNode tool) {
    JsonNode name = tool.path("function").path("name");
    return name.isTextual() ? name.asText() : tool.path("name").asText("");
  }

  /**
   * @param api a request format
   * @return whether the retrieval tool is offered on it: Chat Completions, Responses and Anthropic
   *     Messages (Gemini's and Bedrock's compressed blocks keep their markers, without the tool)
   */
  public static boolean supports(ProviderApi api) {
    return api == ProviderApi.CHAT_COMPLETIONS
        || api == ProviderApi.RESPONSES
        || api == ProviderApi.ANTHROPIC_MESSAGES;
  }

  private static byte[] bytes(ProviderApi api) {
    return switch (api) {
      case CHAT_COMPLETIONS -> CHAT;
      case RESPONSES -> RESPONSES;
      case ANTHROPIC_MESSAGES -> ANTHROPIC;
      case GEMINI, BEDROCK_CONVERSE ->
          throw new IllegalArgumentException("no retrieval tool on " + api);
    };
  }

  private static byte[] insert(byte[] body, int at, byte[] what) {
    byte[] out = new byte[body.length + what.length];
    System.arraycopy(body, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(body, at, out, at + what.length, body.length - at);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
