package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ScannedRewrite;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The step between {@code INPUT_ROUTED} and {@code INPUT_COMPRESSED}: the live-zone rewrite, which
 * the gateway decorates with its retrieval tool. Called on a worker thread (never an event loop),
 * only for a request whose route has a live zone, with the body as the extensions left it.
 * Returning the very same array means "unchanged"; a throw is logged and the body goes as it was.
 */
@API(status = INTERNAL, since = "0.1")
public interface RequestRewriter {

  /**
   * Nothing is rewritten, and callers skip the work that only a rewrite needs.
   *
   * @return the identity rewriter
   */
  static RequestRewriter identity() {
    return Identity.INSTANCE;
  }

  /**
   * @param rewriter the live-zone rewrite of {@code headroom-compress}
   * @param options its options (the smallest block it compresses bounds the bodies worth a look)
   * @return a rewriter that compresses the live zone with the request's scope and query
   */
  static RequestRewriter liveZone(LiveZoneRewriter rewriter, LiveZoneOptions options) {
    return new LiveZoneRequestRewriter(
        Objects.requireNonNull(rewriter, "rewriter must not be null"),
        Objects.requireNonNull(options, "options must not be null").minBlockBytes());
  }

  /**
   * @param request the request (route, scope, session, query; its body is the one it arrived with)
   * @param body the body to rewrite, as the extensions left it
   * @return the body to send (the same array when nothing changed) and the per-block decisions
   */
  Rewrite rewrite(PipelineRequest request, byte[] body);

  /**
   * The same rewrite in two steps (see {@link LiveZoneRewriter#scan}): this one may run on an event
   * loop when the pipeline never blocks; {@link ScannedRewrite#finish()} belongs on a worker when
   * it {@linkplain ScannedRewrite#compresses() compresses}. The default does nothing now and
   * reports that it compresses.
   *
   * @param request as for {@link #rewrite}
   * @param body as for {@link #rewrite}
   * @return the scanned rewrite, to finish once, on any thread
   */
  default ScannedRewrite<Rewrite> scan(PipelineRequest request, byte[] body) {
    return ScannedRewrite.of(true, () -> rewrite(request, body));
  }

  /**
   * Loads what the first request would otherwise load (tokenizer vocabularies, classes), so early
   * requests fit in their time budget. Called once, off any event loop, before serving.
   */
  default void warmUp() {
    // nothing to load by default
  }

  /**
   * @return the smallest (decoded) body this rewriter could change; smaller ones need not be looked
   *     at when no extension wants the payload either
   */
  default int minBodyBytes() {
    return 0;
  }

  /**
   * @return {@code true} only for {@link #identity()}
   */
  default boolean isIdentity() {
    return false;
  }

  /** The identity rewriter. */
  enum Identity implements RequestRewriter {
    INSTANCE;

    @Override
    public Rewrite rewrite(PipelineRequest request, byte[] body) {
      return Rewrite.unchanged(body);
    }

    @Override
    public boolean isIdentity() {
      return true;
    }
  }
}
