package dev.headroom.proxy.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The seam where the live-zone rewrite (headroom-compress) plugs into the request path. It is
 * called on a worker thread, never on an event loop, between {@code INPUT_ROUTED} and {@code
 * INPUT_COMPRESSED}, with the decoded request body. Returning the very same array means
 * "unchanged", and the client's original bytes are forwarded. A throw is logged and the body is
 * forwarded unchanged.
 */
@FunctionalInterface
@API(status = INTERNAL, since = "0.1")
public interface RequestRewriter {

  /**
   * The default: nothing is rewritten, and the proxy skips the worker hop entirely.
   *
   * @return the identity rewriter
   */
  static RequestRewriter identity() {
    return Identity.INSTANCE;
  }

  /**
   * @param request the route, provider, decoded body and owner scope
   * @return the body to send (the same array instance when nothing changed) and what was decided
   */
  Rewrite rewrite(RewriteRequest request);

  /**
   * Loads what the first request would otherwise load (tokenizer vocabularies, classes), so early
   * requests fit in their time budget. Called once, off the event loop, before the proxy listens.
   */
  default void warmUp() {
    // nothing to load by default
  }

  /**
   * @return the smallest (not content-encoded) body this rewriter could change; smaller bodies skip
   *     the worker hop when no extension wants the payload either
   */
  default int minBodyBytes() {
    return 0;
  }

  /**
   * @return {@code true} only for the identity rewriter, so the proxy can skip the worker hop
   */
  default boolean isIdentity() {
    return false;
  }

  /** The identity rewriter. */
  enum Identity implements RequestRewriter {
    INSTANCE;

    @Override
    public Rewrite rewrite(RewriteRequest request) {
      return Rewrite.unchanged(request.body());
    }

    @Override
    public boolean isIdentity() {
      return true;
    }
  }
}
