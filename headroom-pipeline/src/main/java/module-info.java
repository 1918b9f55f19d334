/**
 * The one request pipeline of Headroom, shared by the gateway ({@code dev.headroom.proxy}) and the
 * in-process client ({@code dev.headroom.client}): the order of the request stages, the metadata
 * keys every event carries, the live-zone rewrite call between {@code INPUT_ROUTED} and {@code
 * INPUT_COMPRESSED}, the token accounting of what is sent, the response-side stages, and one class
 * per wire format that reads its event streams (usage, completion, tool calls).
 *
 * <p>Its packages are exported to those two modules only: it is their common implementation, not an
 * API of its own. It reads no system properties, environment variables or configuration keys.
 */
// The two friends are compiled after this module: their names are not known here yet.
@SuppressWarnings("module")
module dev.headroom.pipeline {
  // PipelineExtensions, PipelineEvent appear in our signatures.
  requires transitive dev.headroom.api;
  // ProviderApi, LiveZoneRewriter, BlockDecision appear in our signatures.
  requires transitive dev.headroom.compress;
  // Stream events are Jackson trees in our signatures.
  requires transitive com.fasterxml.jackson.databind;
  // Annotation-only: @API marks stability and is not needed at run time.
  requires static transitive org.apiguardian.api;

  exports dev.headroom.pipeline to
      dev.headroom.proxy,
      dev.headroom.client;
  exports dev.headroom.pipeline.stream to
      dev.headroom.proxy,
      dev.headroom.client;
}
