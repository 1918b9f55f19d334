package dev.headroom.proxy.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the pipeline decided. An absent body or headers means "send what the client sent".
 *
 * @param body the replacement body (UTF-8 JSON, not content-encoded), or {@code null}
 * @param headers the replacement upstream headers, or {@code null}
 * @param model the model named in the payload, or {@code ""}
 * @param tokensBefore live-zone tokens before compression ({@code 0} when nothing was compressed)
 * @param tokensAfter the same blocks' tokens as sent
 * @param blocks the live-zone decisions, one per block (empty when compression did not run)
 * @param compressNanos how long the live-zone rewrite took
 */
@API(status = INTERNAL, since = "0.1")
public record Outbound(
    byte[] body,
    Map<String, String> headers,
    String model,
    int tokensBefore,
    int tokensAfter,
    List<Map<String, Object>> blocks,
    long compressNanos) {

  static final Outbound UNCHANGED = new Outbound(null, null, "", 0, 0, List.of(), 0);

  /**
   * @return the decision "send what the client sent"
   */
  public static Outbound unchanged() {
    return UNCHANGED;
  }

  /**
   * @return the replacement body, if any
   */
  public Optional<byte[]> replacedBody() {
    return Optional.ofNullable(body);
  }

  /**
   * @return the replacement headers, if any
   */
  public Optional<Map<String, String>> replacedHeaders() {
    return Optional.ofNullable(headers);
  }
}
