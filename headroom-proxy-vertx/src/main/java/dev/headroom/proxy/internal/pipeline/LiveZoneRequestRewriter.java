package dev.headroom.proxy.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** Plugs headroom-compress's live-zone rewrite into the request path, per route. */
@API(status = INTERNAL, since = "0.1")
public final class LiveZoneRequestRewriter implements RequestRewriter {

  private final LiveZoneRewriter rewriter;
  private final int minBodyBytes;

  /**
   * @param compressor what compresses each block, shared by every request
   * @param options the thresholds and per-request budget of the rewrite
   */
  public LiveZoneRequestRewriter(Compressor compressor, LiveZoneOptions options) {
    this.rewriter = LiveZoneRewriter.create(compressor, options);
    this.minBodyBytes = options.minBlockBytes();
  }

  @Override
  public Rewrite rewrite(RewriteRequest request) {
    Optional<ProviderApi> api = apiOf(request.route());
    if (api.isEmpty()) {
      return Rewrite.unchanged(request.body());
    }
    long started = System.nanoTime();
    LiveZoneResult result =
        rewriter.rewrite(
            request.body(), api.get(), CompressContext.defaults().withScope(request.scope()));
    List<Map<String, Object>> blocks = result.blocks().stream().map(BlockDecision::toMap).toList();
    long nanos = System.nanoTime() - started;
    return result.changed()
        ? new Rewrite(result.body(), result.tokensBefore(), result.tokensAfter(), blocks, nanos)
        : new Rewrite(request.body(), 0, 0, blocks, nanos);
  }

  /** A body shorter than the smallest block the rewrite compresses cannot hold one. */
  @Override
  public int minBodyBytes() {
    return minBodyBytes;
  }

  @Override
  public void warmUp() {
    rewriter.warmUp();
  }

  /**
   * The routes whose body has a live zone; count_tokens is left alone so counts stay honest.
   *
   * @param route a route label
   * @return its request format, when it has a live zone
   */
  public static Optional<ProviderApi> apiOf(String route) {
    return switch (route) {
      case "chat" -> Optional.of(ProviderApi.CHAT_COMPLETIONS);
      case "messages" -> Optional.of(ProviderApi.ANTHROPIC_MESSAGES);
      case "responses", "responses_ws" -> Optional.of(ProviderApi.RESPONSES);
      default -> Optional.empty();
    };
  }
}
