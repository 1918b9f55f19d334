package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.BodyOutline;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a {@link RequestRewriter} decided.
 *
 * @param body the body to send; the array it was given when nothing changed
 * @param blocks one decision per live-zone string value, in body order; the {@link
 *     BlockDecision#compressed() compressed} ones are exactly those whose compressed text is in
 *     {@code body}
 * @param nanos how long the rewrite took
 * @param model the model the body names, when the rewrite read it, else {@code ""}
 * @param outline where the parts of {@code body} lie, when the rewrite read them: a later rewriter
 *     that keys or splices the body reads these instead of parsing it again
 */
@API(status = INTERNAL, since = "0.1")
public record Rewrite(
    byte[] body,
    List<BlockDecision> blocks,
    long nanos,
    String model,
    Optional<BodyOutline> outline) {

  /** Checks the components and freezes the list. */
  public Rewrite {
    Objects.requireNonNull(body, "body must not be null");
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(outline, "outline must not be null");
    blocks = List.copyOf(blocks);
  }

  /**
   * A rewrite that did not outline the body.
   *
   * @param body the body to send
   * @param blocks the decisions
   * @param nanos how long it took
   * @param model the model the body names, or {@code ""}
   */
  public Rewrite(byte[] body, List<BlockDecision> blocks, long nanos, String model) {
    this(body, blocks, nanos, model, Optional.empty());
  }

  /**
   * A rewrite that did not read the model.
   *
   * @param body the body to send
   * @param blocks the decisions
   * @param nanos how long it took
   */
  public Rewrite(byte[] body, List<BlockDecision> blocks, long nanos) {
    this(body, blocks, nanos, "");
  }

  /**
   * @param body the body as given
   * @return "nothing changed, nothing decided"
   */
  public static Rewrite unchanged(byte[] body) {
    return new Rewrite(body, List.of(), 0);
  }
}
