package dev.headroom.client;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.client.internal.BoundedCopy;
import dev.headroom.client.internal.TappedBody;
import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.ProviderApi;
import dev.headroom.pipeline.Json;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.PipelineResult;
import dev.headroom.pipeline.ResponseOutcome;
import dev.headroom.pipeline.ResponseStages;
import dev.headroom.pipeline.stream.StreamTap;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * One request through {@link HeadroomClient}: the body to send, and the response side of the
 * pipeline.
 *
 * <p>Send {@link #body()} (or {@link #json()}) with {@link #headers()} yourself, then report the
 * outcome with {@link #received(int, byte[])}, {@link #received(int, JsonNode)} or, for a stream,
 * {@link #streamed(int, Map)}: that emits {@code POST_SEND} and {@code RESPONSE_RECEIVED}, once
 * each. HTTP-level integrations hand the response body to {@link #observe(int, String,
 * InputStream)} instead. Token counts describe exactly the body to send. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Exchange {

  private final ResponseStages stages;
  private final PipelineRequest request;
  private final PipelineResult result;
  private final AtomicBoolean postSent = new AtomicBoolean();
  private final AtomicBoolean responded = new AtomicBoolean();

  Exchange(ResponseStages stages, PipelineRequest request, PipelineResult result) {
    this.stages = stages;
    this.request = request;
    this.result = result;
  }

  /**
   * @return the bytes to send: the caller's own array when nothing changed it
   */
  public byte[] body() {
    return result.body();
  }

  /**
   * @return the body to send as a Jackson tree (parsed on each call)
   */
  public JsonNode json() {
    return Json.tree(result.body());
  }

  /**
   * @return the headers to send, names in lower case, after the extensions
   */
  public Map<String, String> headers() {
    return result.headers();
  }

  /**
   * @return the request id the events of this exchange carry
   */
  public String requestId() {
    return request.requestId();
  }

  /**
   * @return the model of the body to send, or {@code ""}
   */
  public String model() {
    return result.model().isEmpty()
        ? Json.modelOf(Json.parseObject(result.body()))
        : result.model();
  }

  /**
   * @return tokens, before compression, of the live-zone blocks whose compressed text {@link
   *     #body()} holds ({@code 0} when it holds none)
   */
  public int tokensBefore() {
    return result.tokensBefore();
  }

  /**
   * @return tokens of the same blocks as sent
   */
  public int tokensAfter() {
    return result.tokensAfter();
  }

  /**
   * @return one decision per live-zone string value, in body order
   */
  public List<BlockDecision> blocks() {
    return result.blocks();
  }

  /**
   * Emits {@code POST_SEND} (once): the provider answered with this status.
   *
   * @param status the HTTP status, or {@code 0} when not known
   */
  public void sent(int status) {
    sent(status, result.stream());
  }

  /**
   * Emits {@code POST_SEND} unless {@link #sent(int)} did, then {@code RESPONSE_RECEIVED} (once)
   * with the response body as JSON values and its usage.
   *
   * @param status the HTTP status, or {@code 0} when not known
   * @param responseBody the provider's JSON response, or {@code null}
   */
  public void received(int status, byte[] responseBody) {
    sent(status, false);
    respond(ResponseOutcome.whole(status, true, Json.parseObject(responseBody)));
  }

  /**
   * Same as {@link #received(int, byte[])} for a response already parsed.
   *
   * @param status the HTTP status, or {@code 0} when not known
   * @param response the provider's JSON response
   */
  public void received(int status, JsonNode response) {
    sent(status, false);
    respond(ResponseOutcome.whole(status, true, Json.toObject(response)));
  }

  /**
   * Emits {@code POST_SEND} unless {@link #sent(int)} did, then {@code RESPONSE_RECEIVED} (once)
   * for a stream, with its final usage in the metadata under {@code usage}.
   *
   * @param status the HTTP status, or {@code 0} when not known
   * @param usage the stream's final usage (for example {@code prompt_tokens}, {@code input_tokens})
   */
  public void streamed(int status, Map<String, ?> usage) {
    Objects.requireNonNull(usage, "usage must not be null");
    sent(status, true);
    respond(new ResponseOutcome(status, true, true, "", "", usage, Map.of()));
  }

  /**
   * Emits {@code POST_SEND} now and returns the body for the caller's own reader, unchanged: when
   * it has been read to its end or closed, {@code RESPONSE_RECEIVED} follows with the parsed
   * response, or for an event stream ({@code text/event-stream}) with the usage and status read
   * from its events as they went by.
   *
   * @param status the HTTP status
   * @param contentType the response's content type, or {@code null}
   * @param body the response body
   * @return a stream that yields exactly the bytes of {@code body}
   */
  public InputStream observe(int status, String contentType, InputStream body) {
    boolean eventStream =
        contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    sent(status, eventStream);
    ProviderApi api = request.route().api().orElseThrow();
    if (eventStream) {
      StreamTap tap = StreamTap.of(api);
      return new TappedBody(
          body,
          new TappedBody.Observer() {
            @Override
            public void read(byte[] bytes, int offset, int length) {
              tap.accept(bytes, offset, length);
            }

            @Override
            public void ended(boolean complete) {
              respond(ResponseOutcome.streamed(status, complete, tap.summary()));
            }
          });
    }
    BoundedCopy copy = new BoundedCopy();
    return new TappedBody(
        body,
        new TappedBody.Observer() {
          @Override
          public void read(byte[] bytes, int offset, int length) {
            copy.add(bytes, offset, length);
          }

          @Override
          public void ended(boolean complete) {
            respond(ResponseOutcome.whole(status, complete, Json.parseObject(copy.bytes())));
          }
        });
  }

  private void sent(int status, boolean stream) {
    if (postSent.compareAndSet(false, true)) {
      stages.postSend(request, result, status, stream);
    }
  }

  private void respond(ResponseOutcome outcome) {
    if (responded.compareAndSet(false, true)) {
      stages.responseReceived(request, result, outcome);
    }
  }
}
