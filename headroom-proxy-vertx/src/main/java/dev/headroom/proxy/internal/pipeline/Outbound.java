package dev.headroom.proxy.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the pipeline decided. An absent body or headers means "send what the client sent".
 *
 * @param body the replacement body (UTF-8 JSON, not content-encoded), or {@code null}
 * @param headers the replacement upstream headers, or {@code null}
 * @param model the model named in the payload, or {@code ""}
 */
@API(status = INTERNAL, since = "0.1")
public record Outbound(byte[] body, Map<String, String> headers, String model) {

  static final Outbound UNCHANGED = new Outbound(null, null, "");

  /** @return the decision "send what the client sent" */
  public static Outbound unchanged() {
    return UNCHANGED;
  }

  /** @return the replacement body, if any */
  public Optional<byte[]> replacedBody() {
    return Optional.ofNullable(body);
  }

  /** @return the replacement headers, if any */
  public Optional<Map<String, String>> replacedHeaders() {
    return Optional.ofNullable(headers);
  }
}
