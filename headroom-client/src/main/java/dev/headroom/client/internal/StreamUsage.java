package dev.headroom.client.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The final token usage of a server-sent-event stream, whichever provider sent it: OpenAI Chat
 * Completions' last chunk ({@code usage}), Responses' {@code response.completed} ({@code
 * response.usage}), Anthropic's {@code message_start} ({@code message.usage}) merged with {@code
 * message_delta} ({@code usage}).
 */
@API(status = INTERNAL, since = "0.1")
public final class StreamUsage {

  private StreamUsage() {}

  /**
   * @param stream the whole stream as received
   * @return the usage fields, later events overriding earlier ones; empty when none was sent
   */
  public static Map<String, Object> of(byte[] stream) {
    Map<String, Object> usage = new LinkedHashMap<>();
    for (String line : new String(stream, StandardCharsets.UTF_8).split("\r?\n")) {
      if (!line.startsWith("data:")) {
        continue;
      }
      Map<String, Object> event =
          Json.parseObject(line.substring(5).strip().getBytes(StandardCharsets.UTF_8));
      if (event == null) {
        continue;
      }
      mergeFrom(event, usage);
      for (String wrapper : new String[] {"message", "response"}) {
        if (event.get(wrapper) instanceof Map<?, ?> inner) {
          mergeFrom(inner, usage);
        }
      }
    }
    return usage;
  }

  private static void mergeFrom(Map<?, ?> object, Map<String, Object> usage) {
    if (object.get("usage") instanceof Map<?, ?> found) {
      found.forEach(
          (key, value) -> {
            if (value != null) {
              usage.put(String.valueOf(key), value);
            }
          });
    }
  }
}
