package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneRewriter;
import java.util.Objects;
import java.util.function.Supplier;
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
   * loop when the pipeline never blocks; {@link Scanned#finish()} belongs on a worker when it
   * {@linkplain Scanned#compresses() compresses}. The default does nothing now and reports that it
   * compresses.
   *
   * @param request as for {@link #rewrite}
   * @param body as for {@link #rewrite}
   * @return the scanned rewrite, to finish once, on any thread
   */
  default Scanned scan(PipelineRequest request, byte[] body) {
    return Scanned.of(true, () -> rewrite(request, body));
  }

  /** A rewrite whose body is read: what is left is compressing its blocks, if any. */
  interface Scanned {

    /**
     * @return whether {@link #finish()} compresses a block; {@code false} only when it is certain
     *     not to
     */
    boolean compresses();

    /**
     * @return what {@link RequestRewriter#rewrite} returns; call once
     */
    Rewrite finish();

    /**
     * @param compresses what {@link #compresses()} answers
     * @param finish what {@link #finish()} runs
     * @return a scanned rewrite
     */
    static Scanned of(boolean compresses, Supplier<Rewrite> finish) {
      Objects.requireNonNull(finish, "finish must not be null");
      return new Scanned() {
        @Override
        public boolean compresses() {
          return compresses;
        }

        @Override
        public Rewrite finish() {
          return finish.get();
        }
      };
    }
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
