package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The outcome of rewriting one request body.
 *
 * @param body the bytes to send: the original array itself when nothing changed
 * @param changed whether any block was replaced
 * @param blocks one decision per string value found in the live zone, in body order; a block is
 *     {@link BlockDecision#compressed() compressed} exactly when its compressed text is in {@code
 *     body}
 * @param reason why nothing changed ({@code ""} when something did): {@code no_live_zone}, {@code
 *     not_json}, {@code n_greater_than_one}, {@code nothing_smaller}, {@code time_budget}, {@code
 *     invalid_result}
 * @param model the top-level {@code model} the body names, or {@code ""} (read by the same scan, so
 *     a caller that prices or reports per model need not parse the body again)
 * @param outline where the parts of {@code body} lie, read by the same scan; empty when the body is
 *     not a JSON object the scan read
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LiveZoneResult(
    byte[] body,
    boolean changed,
    List<BlockDecision> blocks,
    String reason,
    String model,
    Optional<BodyOutline> outline) {

  /** Checks the components and freezes the list; the body array is shared, never copied. */
  public LiveZoneResult {
    Objects.requireNonNull(body, "body must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(outline, "outline must not be null");
    blocks = List.copyOf(blocks);
  }

  /**
   * A result without an outline.
   *
   * @param body the bytes to send
   * @param changed whether any block was replaced
   * @param blocks the decisions
   * @param reason why nothing changed, or {@code ""}
   * @param model the model the body names, or {@code ""}
   */
  public LiveZoneResult(
      byte[] body, boolean changed, List<BlockDecision> blocks, String reason, String model) {
    this(body, changed, blocks, reason, model, Optional.empty());
  }

  /**
   * A result that does not name the model.
   *
   * @param body the bytes to send
   * @param changed whether any block was replaced
   * @param blocks the decisions
   * @param reason why nothing changed, or {@code ""}
   */
  public LiveZoneResult(byte[] body, boolean changed, List<BlockDecision> blocks, String reason) {
    this(body, changed, blocks, reason, "");
  }

  /**
   * @return tokens, before compression, of the blocks whose compressed text is in {@link #body()};
   *     {@code 0} when nothing changed
   */
  public int tokensBefore() {
    return blocks.stream()
        .filter(BlockDecision::compressed)
        .mapToInt(BlockDecision::tokensBefore)
        .sum();
  }

  /**
   * @return tokens of the same blocks as sent
   */
  public int tokensAfter() {
    return blocks.stream()
        .filter(BlockDecision::compressed)
        .mapToInt(BlockDecision::tokensAfter)
        .sum();
  }
}
