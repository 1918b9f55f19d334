package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.BlockDecision;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the request stages decided, and the accounting of exactly what is sent: token counts cover
 * only the blocks whose compressed text is in {@link #body()}.
 *
 * @param body the bytes to send: the request's own array when nothing changed them
 * @param headers the headers to send (names in lower case), after the extensions
 * @param model the model the payload names, or {@code ""} when the payload was not read
 * @param stream whether the payload asks for a stream ({@code false} when it was not read)
 * @param blocks one decision per live-zone string value, in body order (empty when compression did
 *     not run)
 * @param compressNanos how long the live-zone rewrite took
 * @param compressStartNanos when it began ({@link System#nanoTime()}), {@code 0} when it did not
 *     run
 */
@API(status = INTERNAL, since = "0.1")
public record PipelineResult(
    byte[] body,
    Map<String, String> headers,
    String model,
    boolean stream,
    List<BlockDecision> blocks,
    long compressNanos,
    long compressStartNanos) {

  /**
   * A result that does not say when the rewrite began.
   *
   * @param body the bytes to send
   * @param headers the headers to send
   * @param model the model the payload names, or {@code ""}
   * @param stream whether the payload asks for a stream
   * @param blocks the live-zone decisions
   * @param compressNanos how long the rewrite took
   */
  public PipelineResult(
      byte[] body,
      Map<String, String> headers,
      String model,
      boolean stream,
      List<BlockDecision> blocks,
      long compressNanos) {
    this(body, headers, model, stream, blocks, compressNanos, 0);
  }

  /** Checks the components and freezes the collections. */
  public PipelineResult {
    Objects.requireNonNull(body, "body must not be null");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(model, "model must not be null");
    blocks = List.copyOf(blocks);
  }

  /**
   * @param request a request the pipeline did not run for
   * @return "send it as it came"
   */
  public static PipelineResult unchanged(PipelineRequest request) {
    return new PipelineResult(request.body(), request.headers(), "", false, List.of(), 0);
  }

  /**
   * @param request the request this is the result of
   * @return whether the body to send differs from the one received
   */
  public boolean bodyChanged(PipelineRequest request) {
    return body != request.body();
  }

  /**
   * @param request the request this is the result of
   * @return whether an extension changed the headers
   */
  public boolean headersChanged(PipelineRequest request) {
    return !headers.equals(request.headers());
  }

  /**
   * @return tokens, before compression, of the blocks whose compressed text is sent
   */
  public int tokensBefore() {
    return Blocks.tokensBefore(blocks);
  }

  /**
   * @return the same blocks' tokens as sent
   */
  public int tokensAfter() {
    return Blocks.tokensAfter(blocks);
  }

  /**
   * @return of {@link #tokensBefore()}, the tokens of blocks sent as an earlier request of the
   *     conversation compressed them (replayed)
   */
  public int replayedTokensBefore() {
    return Blocks.replayedTokensBefore(blocks);
  }

  /**
   * @return of {@link #tokensAfter()}, the replayed blocks' share
   */
  public int replayedTokensAfter() {
    return Blocks.replayedTokensAfter(blocks);
  }

  /**
   * @return how many blocks were sent replayed
   */
  public long replayedBlocks() {
    return blocks.stream().filter(BlockDecision::replayed).count();
  }

  /**
   * @return whether any block's compressed text is sent
   */
  public boolean compressed() {
    return blocks.stream().anyMatch(BlockDecision::compressed);
  }
}
