package dev.headroom.pipeline;

import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The response half of the pipeline, {@code POST_SEND} then {@code RESPONSE_RECEIVED}: the same
 * metadata from the gateway and the in-process client. Informational: what extensions return is
 * ignored. Synchronous; the gateway calls it on worker threads. Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class ResponseStages {

  private final PipelineExtensions extensions;

  private ResponseStages(PipelineExtensions extensions) {
    this.extensions = extensions;
  }

  /**
   * @param extensions the extensions
   * @return the response stages over them
   */
  public static ResponseStages of(PipelineExtensions extensions) {
    return new ResponseStages(Objects.requireNonNull(extensions, "extensions must not be null"));
  }

  /**
   * @param stage {@code POST_SEND} or {@code RESPONSE_RECEIVED}
   * @return whether any extension listens
   */
  public boolean wants(PipelineStage stage) {
    return extensions.wants(stage);
  }

  /**
   * Emits {@code POST_SEND}: the upstream answered (for a stream: it is about to be relayed).
   *
   * @param request the request
   * @param result what was sent
   * @param status the upstream's HTTP status
   * @param stream whether the response is an event stream
   */
  public void postSend(PipelineRequest request, PipelineResult result, int status, boolean stream) {
    if (extensions.wants(POST_SEND)) {
      extensions.emit(
          POST_SEND,
          event(POST_SEND, request, result, result.model())
              .metadata(metadata(request, result, status, stream))
              .build());
    }
  }

  /**
   * Emits {@code RESPONSE_RECEIVED}.
   *
   * @param request the request
   * @param result what was sent
   * @param outcome how the response ended
   */
  public void responseReceived(
      PipelineRequest request, PipelineResult result, ResponseOutcome outcome) {
    if (!extensions.wants(RESPONSE_RECEIVED)) {
      return;
    }
    Map<String, Object> metadata = metadata(request, result, outcome.status(), outcome.stream());
    metadata.put(MetadataKeys.COMPLETE, outcome.complete());
    metadata.put(MetadataKeys.USAGE, new LinkedHashMap<>(outcome.usage()));
    if (outcome.stream()) {
      metadata.put(MetadataKeys.STREAM_STATUS, outcome.streamStatus());
    }
    String model = result.model().isEmpty() ? outcome.model() : result.model();
    extensions.emit(
        RESPONSE_RECEIVED,
        event(RESPONSE_RECEIVED, request, result, model)
            .metadata(metadata)
            .response(outcome.response())
            .build());
  }

  private static Map<String, Object> metadata(
      PipelineRequest request, PipelineResult result, int status, boolean stream) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(MetadataKeys.ROUTE, request.route().label());
    metadata.put(MetadataKeys.TRANSPORT, request.transport().label());
    metadata.put(MetadataKeys.STREAM, stream);
    metadata.put(MetadataKeys.STATUS, status);
    metadata.put(MetadataKeys.TOKENS_BEFORE, result.tokensBefore());
    metadata.put(MetadataKeys.TOKENS_AFTER, result.tokensAfter());
    metadata.put(MetadataKeys.REPLAYED_TOKENS_BEFORE, result.replayedTokensBefore());
    metadata.put(MetadataKeys.REPLAYED_TOKENS_AFTER, result.replayedTokensAfter());
    metadata.putAll(request.metadata());
    return metadata;
  }

  /** The events carry the headers that were sent, after the extensions. */
  private static PipelineEvent.Builder event(
      PipelineStage stage, PipelineRequest request, PipelineResult result, String model) {
    return PipelineEvent.builder(stage, request.operation())
        .requestId(request.requestId())
        .provider(request.provider().wireName())
        .model(model)
        .headers(result.headers());
  }
}
