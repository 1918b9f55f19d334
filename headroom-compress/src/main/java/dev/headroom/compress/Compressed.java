package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A text that was made smaller, in tokens, than its original.
 *
 * @param text the compressed text, markers included
 * @param contentType the detected type
 * @param strategy which compressor and mode produced it, e.g. {@code json_array:rows} or {@code log}
 * @param originalTokens tokens in the original: exact up to 32 K characters or when the result is
 *     within 80% of it, otherwise estimated from 8 evenly spaced 1 KB samples of the original (counting
 *     all of a large input costs more than compressing it)
 * @param compressedTokens tokens in {@link #text()}, always fewer than {@link #originalTokens()}
 * @param originalBytes UTF-8 bytes in the original
 * @param compressedBytes UTF-8 bytes in {@link #text()}
 * @param dropped one reference per {@code <<ccr:…>>} marker in the text
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Compressed(
    String text,
    ContentType contentType,
    String strategy,
    int originalTokens,
    int compressedTokens,
    int originalBytes,
    int compressedBytes,
    List<CcrReference> dropped)
    implements CompressionResult {

  /** Checks the components and freezes the list. */
  public Compressed {
    Objects.requireNonNull(text, "text must not be null");
    Objects.requireNonNull(contentType, "contentType must not be null");
    Objects.requireNonNull(strategy, "strategy must not be null");
    dropped = List.copyOf(dropped);
  }
}
