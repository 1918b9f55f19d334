/**
 * The ${extensionId} Headroom extension.
 */
module ${package} {
  requires dev.headroom.api;

  provides dev.headroom.api.PipelineExtension with ${package}.ApiKeyRedactor;
}
