package dev.headroom.pipeline;

import dev.headroom.compress.CompressContext;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import java.util.Optional;

/**
 * The live-zone rewrite of {@code headroom-compress}, called with the request's scope and query.
 */
final class LiveZoneRequestRewriter implements RequestRewriter {

  private final LiveZoneRewriter rewriter;
  private final int minBlockBytes;

  LiveZoneRequestRewriter(LiveZoneRewriter rewriter, int minBlockBytes) {
    this.rewriter = rewriter;
    this.minBlockBytes = minBlockBytes;
  }

  @Override
  public Rewrite rewrite(PipelineRequest request, byte[] body) {
    Optional<ProviderApi> api = request.route().api();
    if (api.isEmpty()) {
      return Rewrite.unchanged(body);
    }
    long started = System.nanoTime();
    CompressContext context =
        CompressContext.defaults()
            .withScope(request.scope())
            .withQuery(request.query())
            .withProtectedTools(request.protectedTools());
    LiveZoneResult result = rewriter.rewrite(body, api.get(), context);
    return new Rewrite(
        result.body(),
        result.blocks(),
        System.nanoTime() - started,
        result.model(),
        result.outline());
  }

  /** A body shorter than the smallest block the rewrite compresses cannot hold one. */
  @Override
  public int minBodyBytes() {
    return minBlockBytes;
  }

  @Override
  public void warmUp() {
    rewriter.warmUp();
  }
}
