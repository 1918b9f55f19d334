package dev.headroom.proxy.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Request bodies as plain Java JSON values and back. Numbers keep their precision (big integers,
 * decimals as written) and re-serialisation is compact UTF-8 in key order.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonBodies {

  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private JsonBodies() {}

  /**
   * @param body UTF-8 JSON
   * @return the object, or {@code null} when the body is not a single JSON object
   */
  public static Map<String, Object> parseObject(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return JSON.readValue(body, OBJECT);
    } catch (IOException | RuntimeException notAnObject) {
      return null;
    }
  }

  /**
   * @param value plain Java JSON values
   * @return compact UTF-8 JSON
   */
  public static byte[] write(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("payload holds a value JSON cannot represent", e);
    }
  }
}
