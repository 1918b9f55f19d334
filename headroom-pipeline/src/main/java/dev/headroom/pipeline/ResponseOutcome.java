package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.pipeline.stream.StreamSummary;
import dev.headroom.pipeline.stream.Usage;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How an exchange ended, as {@code RESPONSE_RECEIVED} reports it.
 *
 * @param status the upstream's HTTP status ({@code 0} when unknown)
 * @param stream whether the response was an event stream
 * @param complete whether the whole response reached the client
 * @param streamStatus the stream's last status, or {@code ""} when it was not a stream
 * @param model the model the response named, or {@code ""}
 * @param usage the provider's token usage (numeric fields, flattened one level)
 * @param response the response body as plain JSON values, or an empty map when it was a stream, was
 *     not JSON, or was not kept
 */
@API(status = INTERNAL, since = "0.1")
public record ResponseOutcome(
    int status,
    boolean stream,
    boolean complete,
    String streamStatus,
    String model,
    Map<String, ?> usage,
    Map<String, Object> response) {

  /** Checks the components. */
  public ResponseOutcome {
    Objects.requireNonNull(streamStatus, "streamStatus must not be null");
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(usage, "usage must not be null");
    Objects.requireNonNull(response, "response must not be null");
  }

  /**
   * @param status the HTTP status
   * @param complete whether the client got it whole
   * @param body the JSON response, parsed, or {@code null} when it was not kept or not JSON
   * @return the outcome of a response read whole
   */
  public static ResponseOutcome whole(int status, boolean complete, Map<String, Object> body) {
    Map<String, Object> response = body == null ? Map.of() : body;
    return new ResponseOutcome(
        status, false, complete, "", Json.modelOf(response), Usage.of(response), response);
  }

  /**
   * @param status the HTTP status
   * @param complete whether the client got the stream to its end
   * @param summary what the stream said
   * @return the outcome of an event stream
   */
  public static ResponseOutcome streamed(int status, boolean complete, StreamSummary summary) {
    return new ResponseOutcome(
        status, true, complete, summary.status(), summary.model(), summary.usage(), Map.of());
  }
}
