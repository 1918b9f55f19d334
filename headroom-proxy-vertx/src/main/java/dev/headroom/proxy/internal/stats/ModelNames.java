package dev.headroom.proxy.internal.stats;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/** The model a request names in its path, for the routes whose body does not name it. */
@API(status = INTERNAL, since = "0.1")
public final class ModelNames {

  private static final JsonFactory JSON = new JsonFactory();

  private ModelNames() {}

  /**
   * @param path a request path
   * @return the model of a Gemini or Vertex path ({@code …/models/{m}:verb}), of a Bedrock path
   *     ({@code /model/{id}/verb}), the deployment of an Azure OpenAI path, or {@code ""}
   */
  public static String fromPath(String path) {
    int models = path.lastIndexOf("/models/");
    if (models >= 0) {
      int start = models + "/models/".length();
      int colon = path.indexOf(':', start);
      return decode(path.substring(start, colon < 0 ? path.length() : colon));
    }
    if (path.startsWith("/model/")) {
      int start = "/model/".length();
      int slash = path.indexOf('/', start);
      return slash < 0 ? "" : decode(path.substring(start, slash));
    }
    if (path.startsWith("/openai/deployments/")) {
      int start = "/openai/deployments/".length();
      int slash = path.indexOf('/', start);
      return slash < 0 ? "" : decode(path.substring(start, slash));
    }
    return "";
  }

  /**
   * Reads the top-level {@code model} of a JSON body, skipping everything else without building it.
   *
   * @param body a request body
   * @return its {@code model}, or {@code ""} when it names none or is not JSON
   */
  public static String fromBody(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return "";
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean model = parser.currentName().equals("model");
        JsonToken value = parser.nextToken();
        if (model) {
          return value == JsonToken.VALUE_STRING ? parser.getText() : "";
        }
        parser.skipChildren();
      }
    } catch (IOException notJson) {
      return "";
    }
    return "";
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return part;
    }
  }
}
