/**
 * The stable extension contract of Headroom: {@link dev.headroom.api.PipelineStage the lifecycle
 * stages}, the immutable {@link dev.headroom.api.PipelineEvent event} an extension sees at each,
 * the {@link dev.headroom.api.PipelineExtension extension} interface itself, and {@link
 * dev.headroom.api.PipelineExtensions} which orders and runs extensions fail-open.
 *
 * <p>This module depends on {@code java.base} only, so an extension author pulls in nothing else.
 * It reads no system properties or configuration keys; consumers (the proxy, the in-process client,
 * the testkit) discover extensions with their own {@code ServiceLoader} and declare {@code uses
 * dev.headroom.api.PipelineExtension} themselves.
 */
module dev.headroom.api {
  // Annotation-only: @API marks stability and is not needed at run time.
  requires static transitive org.apiguardian.api;

  exports dev.headroom.api;
}
