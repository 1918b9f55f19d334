/**
 * In-process Headroom for applications that call the LLM providers themselves: the same request
 * pipeline as the proxy (stages, metadata, live-zone rewrite, accounting), with no proxy and no
 * network hop.
 *
 * <p>Entry points: {@link dev.headroom.client.HeadroomClient#builder()} and {@link
 * dev.headroom.client.Headroom#compress(java.util.List, String, String)}.
 *
 * <p>This module reads no system properties, environment variables or configuration keys;
 * extensions are passed to the builder or found with {@link java.util.ServiceLoader} (see {@link
 * dev.headroom.client.HeadroomClient.Builder#discoverExtensions(boolean)}).
 */
module dev.headroom.client {
  // ProviderApi, CcrStore, CompressOptions, LiveZoneResult appear in our exported signatures.
  requires transitive dev.headroom.compress;
  // Request and response bodies may be given as Jackson trees (JsonNode).
  requires transitive com.fasterxml.jackson.databind;
  // The request pipeline, shared with the gateway.
  requires dev.headroom.pipeline;
  // Annotation-only: @API marks stability and is not needed at run time.
  requires static transitive org.apiguardian.api;

  exports dev.headroom.client;

  // Extensions discovered for HeadroomClient when discovery is on (the default).
  uses dev.headroom.api.PipelineExtension;
}
