package dev.headroom.client;

import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import dev.headroom.client.internal.Json;
import dev.headroom.client.internal.Prepared;
import dev.headroom.client.internal.StreamUsage;
import dev.headroom.client.internal.TappedBody;
import dev.headroom.compress.BlockDecision;
import java.io.InputStream;
import java.util.LinkedHashMap;
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
 * InputStream)} instead. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Exchange {

  private final PipelineExtensions extensions;
  private final String requestId;
  private final String provider;
  private final Prepared prepared;
  private final AtomicBoolean postSent = new AtomicBoolean();
  private final AtomicBoolean responded = new AtomicBoolean();

  Exchange(PipelineExtensions extensions, String requestId, String provider, Prepared prepared) {
    this.extensions = extensions;
    this.requestId = requestId;
    this.provider = provider;
    this.prepared = prepared;
  }

  /**
   * @return the bytes to send: the caller's own array when nothing changed it
   */
  public byte[] body() {
    return prepared.body();
  }

  /**
   * @return the body to send as a Jackson tree (parsed on each call)
   */
  public JsonNode json() {
    return Json.tree(prepared.body());
  }

  /**
   * @return the headers to send, names in lower case, after the extensions
   */
  public Map<String, String> headers() {
    return prepared.headers();
  }

  /**
   * @return the request id the events of this exchange carry
   */
  public String requestId() {
    return requestId;
  }

  /**
   * @return the model of the body sent, or {@code ""}
   */
  public String model() {
    return prepared.model();
  }

  /**
   * @return tokens of the live-zone blocks before compression
   */
  public int tokensBefore() {
    return prepared.tokensBefore();
  }

  /**
   * @return tokens of the same blocks as sent
   */
  public int tokensAfter() {
    return prepared.tokensAfter();
  }

  /**
   * @return one decision per live-zone string value, in body order
   */
  public List<BlockDecision> blocks() {
    return prepared.blocks();
  }

  /**
   * Emits {@code POST_SEND} (once): the provider answered with this status.
   *
   * @param status the HTTP status, or {@code 0} when not known
   */
  public void sent(int status) {
    if (postSent.compareAndSet(false, true)) {
      extensions.emit(
          POST_SEND,
          event(POST_SEND, Map.of(), Map.of("status", status, "stream", prepared.stream())));
    }
  }

  /**
   * Emits {@code POST_SEND} unless {@link #sent(int)} did, then {@code RESPONSE_RECEIVED} (once)
   * with the response body as JSON values.
   *
   * @param status the HTTP status, or {@code 0} when not known
   * @param responseBody the provider's JSON response, or {@code null}
   */
  public void received(int status, byte[] responseBody) {
    Map<String, Object> response = Json.parseObject(responseBody);
    respond(status, response == null ? Map.of() : response, false, null);
  }

  /**
   * Same as {@link #received(int, byte[])} for a response already parsed.
   *
   * @param status the HTTP status, or {@code 0} when not known
   * @param response the provider's JSON response
   */
  public void received(int status, JsonNode response) {
    Map<String, Object> object = Json.toObject(response);
    respond(status, object == null ? Map.of() : object, false, null);
  }

  /**
   * Emits {@code POST_SEND} unless {@link #sent(int)} did, then {@code RESPONSE_RECEIVED} (once)
   * for a stream, with its final usage in the metadata under {@code usage}.
   *
   * @param status the HTTP status, or {@code 0} when not known
   * @param usage the stream's final usage (for example {@code prompt_tokens}, {@code input_tokens})
   */
  public void streamed(int status, Map<String, ?> usage) {
    respond(status, Map.of(), true, Objects.requireNonNull(usage, "usage must not be null"));
  }

  /**
   * Emits {@code POST_SEND} now and returns the body for the caller's own reader, unchanged: when
   * it has been read to its end or closed, {@code RESPONSE_RECEIVED} follows with the parsed
   * response, or for an event stream ({@code text/event-stream}) with the final usage parsed from
   * its events.
   *
   * @param status the HTTP status
   * @param contentType the response's content type, or {@code null}
   * @param body the response body
   * @return a stream that yields exactly the bytes of {@code body}
   */
  public InputStream observe(int status, String contentType, InputStream body) {
    sent(status);
    boolean eventStream =
        contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    return new TappedBody(
        body,
        whole -> {
          if (eventStream) {
            streamed(status, whole == null ? Map.of() : StreamUsage.of(whole));
          } else {
            received(status, whole);
          }
        });
  }

  private void respond(int status, Map<String, ?> response, boolean stream, Map<String, ?> usage) {
    sent(status);
    if (!responded.compareAndSet(false, true)) {
      return;
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("status", status);
    metadata.put("stream", stream);
    metadata.put("tokens_before", prepared.tokensBefore());
    metadata.put("tokens_after", prepared.tokensAfter());
    if (usage != null) {
      metadata.put("usage", usage);
    }
    extensions.emit(RESPONSE_RECEIVED, event(RESPONSE_RECEIVED, response, metadata));
  }

  private PipelineEvent event(
      PipelineStage stage, Map<String, ?> response, Map<String, ?> metadata) {
    return PipelineEvent.builder(stage, HeadroomClient.OPERATION)
        .requestId(requestId)
        .provider(provider)
        .model(prepared.model())
        .headers(prepared.headers())
        .response(response)
        .metadata(metadata)
        .build();
  }
}
