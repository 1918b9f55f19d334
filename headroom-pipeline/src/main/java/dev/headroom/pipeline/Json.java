package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Request and response bodies as the plain Java values extensions see, as Jackson trees, and back.
 * Numbers keep their precision (big integers, decimals as written) and re-serialisation is compact
 * UTF-8 in key order.
 */
@API(status = INTERNAL, since = "0.1")
public final class Json {

  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private Json() {}

  /**
   * @param body UTF-8 JSON, or {@code null}
   * @return the object, or {@code null} when the body is not a single JSON object
   */
  public static Map<String, Object> parseObject(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return MAPPER.readValue(body, OBJECT);
    } catch (IOException | RuntimeException notAnObject) {
      return null;
    }
  }

  /**
   * @param node a Jackson tree
   * @return the object, or {@code null} when the tree is not an object
   */
  public static Map<String, Object> toObject(JsonNode node) {
    return node != null && node.isObject() ? MAPPER.convertValue(node, OBJECT) : null;
  }

  /**
   * @param body UTF-8 JSON
   * @return the tree
   * @throws IllegalArgumentException when the body is not JSON
   */
  public static JsonNode tree(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("body is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * @param value plain Java JSON values or a Jackson tree
   * @return compact UTF-8 JSON
   * @throws IllegalArgumentException when the value holds something JSON cannot represent
   */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value holds something JSON cannot represent", e);
    }
  }

  /**
   * @param payload a parsed body, or {@code null}
   * @return its top-level {@code model}, or {@code ""}
   */
  public static String modelOf(Map<String, ?> payload) {
    return payload != null && payload.get("model") instanceof String model ? model : "";
  }

  /**
   * @param payload a parsed body, or {@code null}
   * @return whether it asks for a stream ({@code "stream": true})
   */
  public static boolean streamOf(Map<String, ?> payload) {
    return payload != null && Boolean.TRUE.equals(payload.get("stream"));
  }
}
