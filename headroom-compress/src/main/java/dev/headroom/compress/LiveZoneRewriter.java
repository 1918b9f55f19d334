package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.compress.internal.livezone.DefaultLiveZoneRewriter;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Shrinks the live zone of a provider request body and leaves every other byte as the client sent
 * it.
 *
 * <p>The string values of the live zone (see {@link ProviderApi}) are found by byte offset with a
 * streaming JSON parser over the raw body — no tree, no re-serialisation. Each one that is long
 * enough is compressed with the user's latest question as the query, and replaced by the JSON
 * encoding of its compressed text only when that has fewer tokens; all bytes before, between and
 * after replaced values are copied verbatim, so the provider's prompt cache still hits. A result
 * that is not valid JSON, or a body that is not a JSON object, is returned unchanged (the original
 * array itself). Once the request's {@link LiveZoneOptions#requestBudget() time budget} is spent,
 * no block after the first starts; the blocks compressed by then are used. A compressor failure
 * reverts only its block.
 *
 * <p>Pure and synchronous: call it off any event loop. Instances are immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface LiveZoneRewriter {

  /**
   * @param body the request body as the client sent it (not modified)
   * @param api the request format
   * @param context the CCR scope of the caller and the block budget; a blank query is replaced by
   *     the user's latest question found in the body, and its model by the body's {@code model}
   *     when present
   * @return the result; {@link LiveZoneResult#body()} is {@code body} itself when nothing changed
   */
  LiveZoneResult rewrite(byte[] body, ProviderApi api, CompressContext context);

  /**
   * The same rewrite in two steps, split where its cost changes: this one reads the body, finds the
   * live zone and puts back what was compressed before (time in proportion to the body: tens of
   * microseconds for 100 KB); {@link ScannedRewrite#finish()} compresses the blocks left, if any
   * (milliseconds). A caller on an event loop scans there and hands a worker only a rewrite that
   * {@linkplain ScannedRewrite#compresses() compresses}. {@code scan(…).finish()} returns what
   * {@link #rewrite} returns, and the request's time budget starts with the scan.
   *
   * <p>The default scans nothing and reports that it compresses: {@code finish()} is {@link
   * #rewrite}.
   *
   * @param body the request body as the client sent it (not modified)
   * @param api the request format
   * @param context as for {@link #rewrite}
   * @return the scanned rewrite, to finish once, on any thread
   */
  default ScannedRewrite<LiveZoneResult> scan(
      byte[] body, ProviderApi api, CompressContext context) {
    return ScannedRewrite.of(true, () -> rewrite(body, api, context));
  }

  /**
   * Loads what the first requests would otherwise load inside their time budget — tokenizer
   * vocabularies (o200k_base, cl100k_base), classes — and runs the hot paths a few times so they
   * are compiled: about a second. Call it once, off any event loop, before serving; originals it
   * drops go to a scope no caller has.
   */
  default void warmUp() {
    // nothing to load by default
  }

  /**
   * A rewriter that treats every request on its own: nothing is replayed.
   *
   * @param compressor what compresses each block
   * @param options thresholds and the per-request time budget
   * @return a rewriter
   */
  static LiveZoneRewriter create(Compressor compressor, LiveZoneOptions options) {
    return create(compressor, options, ReplayMemory.none());
  }

  /**
   * A rewriter that compresses each block of a conversation once: what it compresses is remembered
   * in {@code memory} (per {@link CompressContext#scope() scope}), and every later request that
   * carries the same original, anywhere in its history, gets the same compressed bytes, so the
   * provider's prompt cache keeps matching. Replays are never skipped for time.
   *
   * @param compressor what compresses each block
   * @param options thresholds and the per-request time budget
   * @param memory where compressed blocks are remembered
   * @return a rewriter
   */
  static LiveZoneRewriter create(
      Compressor compressor, LiveZoneOptions options, ReplayMemory memory) {
    return new DefaultLiveZoneRewriter(
        Objects.requireNonNull(compressor, "compressor must not be null"),
        Objects.requireNonNull(options, "options must not be null"),
        Objects.requireNonNull(memory, "memory must not be null"));
  }
}
