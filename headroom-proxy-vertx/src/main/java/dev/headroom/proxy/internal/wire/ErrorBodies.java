package dev.headroom.proxy.internal.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.pipeline.Provider;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The proxy's own errors, shaped like the provider's so SDKs parse them: OpenAI's {@code
 * {"error":{message,type,param,code}}}, Anthropic's {@code
 * {"type":"error","error":{type,message}}}, Google's {@code {"error":{code,message,status}}} and
 * Bedrock's {@code {"message"}}, each with the request id. Messages are fixed texts: never an
 * exception message, stack trace or header value.
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
    return of(provider, 500, type, message, requestId);
  }

  /**
   * @param provider whose shape to use: Google's {@code {"error":{code,message,status}}} for Gemini
   *     and Vertex AI, Bedrock's {@code {"message"}}, Anthropic's or OpenAI's otherwise
   * @param status the HTTP status the body goes with (Google's shape repeats it)
   * @param type the error type, for example {@code request_too_large}
   * @param message a fixed, credential-free message
   * @param requestId the request id
   * @return the JSON body
   */
  public static Buffer of(
      Provider provider, int status, String type, String message, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    Map<String, Object> error = new LinkedHashMap<>();
    if (provider == Provider.GEMINI || provider == Provider.VERTEX) {
      error.put("code", status);
      error.put("message", message);
      error.put("status", googleStatus(status));
      error.put("details", List.of(Map.of("reason", type)));
      body.put("error", error);
    } else if (provider == Provider.BEDROCK) {
      body.put("message", message);
      body.put("type", type);
    } else if (provider == Provider.ANTHROPIC) {
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
    return write(body);
  }

  private static Buffer write(Map<String, Object> body) {
    try {
      return Buffer.buffer(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("plain maps always serialise", impossible);
    }
  }

  /** Google's canonical code of an HTTP status, as its APIs put it in {@code error.status}. */
  private static String googleStatus(int status) {
    return switch (status) {
      case 400, 413 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 502, 503 -> "UNAVAILABLE";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> "INTERNAL";
    };
  }
}
