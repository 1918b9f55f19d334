package dev.headroom.proxy.internal.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.pipeline.Provider;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The proxy's own errors, shaped like the provider's so SDKs parse them: OpenAI's {@code
 * {"error":{message,type,param,code}}} and Anthropic's {@code
 * {"type":"error","error":{type,message}}}, each with the request id. Messages are fixed texts:
 * never an exception message, stack trace or header value.
 */
@API(status = INTERNAL, since = "0.1")
public final class ErrorBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorBodies() {}

  /**
   * @param provider whose shape to use
   * @param type the error type, for example {@code request_too_large}
   * @param message a fixed, credential-free message
   * @param requestId the request id
   * @return the JSON body
   */
  public static Buffer of(Provider provider, String type, String message, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    Map<String, Object> error = new LinkedHashMap<>();
    if (provider == Provider.ANTHROPIC) {
      body.put("type", "error");
      error.put("type", type);
      error.put("message", message);
      body.put("error", error);
    } else {
      error.put("message", message);
      error.put("type", type);
      error.put("param", null);
      error.put("code", type);
      body.put("error", error);
    }
    body.put("request_id", requestId);
    try {
      return Buffer.buffer(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("plain maps always serialise", impossible);
    }
  }
}
