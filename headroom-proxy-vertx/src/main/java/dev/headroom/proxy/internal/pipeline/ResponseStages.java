package dev.headroom.proxy.internal.pipeline;

import static dev.headroom.api.PipelineStage.POST_SEND;
import static dev.headroom.api.PipelineStage.RESPONSE_RECEIVED;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The informational response-side stages, {@code POST_SEND} and {@code RESPONSE_RECEIVED}.
 * Synchronous; callers run them on a worker thread and ignore what extensions return.
 */
@API(status = INTERNAL, since = "0.1")
public final class ResponseStages {

  private final PipelineExtensions extensions;

  /**
   * @param extensions the extensions
   */
  public ResponseStages(PipelineExtensions extensions) {
    this.extensions = extensions;
  }

  /**
   * @param stage {@code POST_SEND} or {@code RESPONSE_RECEIVED}
   * @return whether any extension listens
   */
  public boolean wants(PipelineStage stage) {
    return extensions.wants(stage);
  }

  /**
   * Emits {@code POST_SEND}.
   *
   * @param requestId the request id
   * @param provider the provider wire name
   * @param model the model, or {@code ""}
   * @param metadata route, upstream status, streaming flag
   */
  public void postSend(
      String requestId, String provider, String model, Map<String, Object> metadata) {
    extensions.emit(POST_SEND, event(POST_SEND, requestId, provider, model, Map.of(), metadata));
  }

  /**
   * Emits {@code RESPONSE_RECEIVED}.
   *
   * @param requestId the request id
   * @param provider the provider wire name
   * @param model the model, or {@code ""}
   * @param responseBody the upstream body when it was a JSON object (non-streaming), else {@code
   *     null}
   * @param metadata route, status, and for streams the parsed usage and status
   */
  public void responseReceived(
      String requestId,
      String provider,
      String model,
      byte[] responseBody,
      Map<String, Object> metadata) {
    Map<String, Object> response =
        responseBody == null ? null : JsonBodies.parseObject(responseBody);
    extensions.emit(
        RESPONSE_RECEIVED,
        event(
            RESPONSE_RECEIVED,
            requestId,
            provider,
            model,
            response == null ? Map.of() : response,
            metadata));
  }

  private static PipelineEvent event(
      PipelineStage stage,
      String requestId,
      String provider,
      String model,
      Map<String, Object> response,
      Map<String, Object> metadata) {
    return PipelineEvent.builder(stage, "proxy.request")
        .requestId(requestId)
        .provider(provider)
        .model(model)
        .response(response)
        .metadata(metadata)
        .build();
  }
}
