package dev.headroom.pipeline;

import static dev.headroom.api.PipelineStage.POST_START;
import static dev.headroom.api.PipelineStage.PRE_START;
import static dev.headroom.api.PipelineStage.SETUP;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The component stages: {@code SETUP} when the gateway or a client is built, {@code PRE_START} and
 * {@code POST_START} around the gateway's listening. Informational; synchronous.
 */
@API(status = INTERNAL, since = "0.1")
public final class Lifecycle {

  private Lifecycle() {}

  /**
   * Emits {@code SETUP} with the extensions in order and whether compression is on.
   *
   * @param extensions the extensions
   * @param operation {@code proxy.lifecycle} or {@code sdk.setup}
   * @param compression whether the component compresses live zones
   */
  public static void setup(PipelineExtensions extensions, String operation, boolean compression) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(
        MetadataKeys.EXTENSIONS,
        extensions.extensions().stream().map(PipelineExtension::id).toList());
    metadata.put(MetadataKeys.COMPRESSION, compression);
    emit(extensions, SETUP, operation, metadata);
  }

  /**
   * Emits {@code PRE_START}: about to listen.
   *
   * @param extensions the extensions
   * @param operation the operation
   * @param host the interface
   * @param port the configured port
   */
  public static void starting(
      PipelineExtensions extensions, String operation, String host, int port) {
    emit(
        extensions, PRE_START, operation, Map.of(MetadataKeys.HOST, host, MetadataKeys.PORT, port));
  }

  /**
   * Emits {@code POST_START}: listening.
   *
   * @param extensions the extensions
   * @param operation the operation
   * @param host the interface
   * @param port the bound port
   */
  public static void started(
      PipelineExtensions extensions, String operation, String host, int port) {
    emit(
        extensions,
        POST_START,
        operation,
        Map.of(MetadataKeys.HOST, host, MetadataKeys.PORT, port));
  }

  private static void emit(
      PipelineExtensions extensions,
      PipelineStage stage,
      String operation,
      Map<String, ?> metadata) {
    if (extensions.wants(stage)) {
      extensions.emit(stage, PipelineEvent.builder(stage, operation).metadata(metadata).build());
    }
  }
}
