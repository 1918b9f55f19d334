package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.compress.internal.DefaultCompressor;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Compresses one text — a tool output, a message — for an LLM.
 *
 * <p>The text is {@link ContentDetector detected}, handed to the compressor for its type, and the
 * candidate is kept only when it has fewer tokens than the original (the token-validation gate).
 * Whatever a lossy compressor drops is stored in the {@link CcrStore} under the context's scope and
 * replaced by a {@code <<ccr:HASH what>>} marker. A compressor never edits a line it keeps: lines
 * of logs, search results, diffs and tables come out byte-identical or not at all, JSON stays valid
 * JSON with every number's original text, and code and prose are only ever changed losslessly.
 *
 * <p>Instances are immutable and thread-safe; create one and share it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Compressor {

  /**
   * @param content the text to compress
   * @param context the query, model, budget and owner scope of this call
   * @return {@link Compressed} or {@link Unchanged}, never null
   */
  CompressionResult compress(String content, CompressContext context);

  /**
   * @param content the text to compress
   * @return the result with {@link CompressContext#defaults() default context}
   */
  default CompressionResult compress(String content) {
    return compress(content, CompressContext.defaults());
  }

  /**
   * @param options the set-up shared by every call
   * @return a new compressor
   */
  static Compressor create(CompressOptions options) {
    return new DefaultCompressor(Objects.requireNonNull(options, "options must not be null"));
  }

  /**
   * @return a compressor with {@link CompressOptions#defaults() default options}
   */
  static Compressor create() {
    return create(CompressOptions.defaults());
  }
}
