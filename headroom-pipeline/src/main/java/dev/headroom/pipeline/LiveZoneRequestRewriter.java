package dev.headroom.pipeline;

import dev.headroom.compress.CompressContext;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import dev.headroom.compress.ScannedRewrite;
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
    return scan(request, body).finish();
  }

  @Override
  public ScannedRewrite<Rewrite> scan(PipelineRequest request, byte[] body) {
    Optional<ProviderApi> api = request.route().api();
    if (api.isEmpty()) {
      Rewrite unchanged = Rewrite.unchanged(body);
      return ScannedRewrite.of(false, () -> unchanged);
    }
    long started = System.nanoTime();
    CompressContext context =
        CompressContext.defaults()
            .withScope(request.scope())
            .withQuery(request.query())
            .withProtectedTools(request.protectedTools());
    ScannedRewrite<LiveZoneResult> scanned = rewriter.scan(body, api.get(), context);
    // The time spent on the rewrite: the scan's and the finish's, not a hop between them.
    long scanNanos = System.nanoTime() - started;
    return ScannedRewrite.of(
        scanned.compresses(),
        () -> {
          long finishing = System.nanoTime();
          LiveZoneResult result = scanned.finish();
          return new Rewrite(
              result.body(),
              result.blocks(),
              scanNanos + System.nanoTime() - finishing,
              result.model(),
              result.outline());
        });
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
