package dev.headroom.proxy.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a {@link RequestRewriter} decided.
 *
 * @param body the body to send; the request's own array when nothing changed
 * @param tokensBefore tokens of the live-zone blocks before compression ({@code 0}: nothing
 *     counted)
 * @param tokensAfter tokens of the same blocks as sent
 * @param blocks one entry per live-zone block (path, outcome, type, strategy, bytes and tokens), as
 *     JSON values
 * @param nanos how long the rewrite took
 */
@API(status = INTERNAL, since = "0.1")
public record Rewrite(
    byte[] body, int tokensBefore, int tokensAfter, List<Map<String, Object>> blocks, long nanos) {

  /** Checks the components. */
  public Rewrite {
    Objects.requireNonNull(body, "body must not be null");
    blocks = List.copyOf(blocks);
  }

  /**
   * @param body the original body
   * @return "nothing changed"
   */
  public static Rewrite unchanged(byte[] body) {
    return new Rewrite(body, 0, 0, List.of(), 0);
  }
}
