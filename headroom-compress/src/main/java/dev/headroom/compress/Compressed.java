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
 * @param strategy which compressor and mode produced it, e.g. {@code json_array:rows} or {@code
 *     log}
 * @param originalTokens tokens in the original: the exact count when the gate had to count it,
 *     otherwise an estimate from a character-class scan, never below a proven lower bound (the gate
 *     skips counting when bounds already prove the result smaller; see {@code TokenCounter})
 * @param compressedTokens tokens in {@link #text()}: exact unless bounds alone proved the result
 *     smaller, then an estimate no higher than its UTF-8 length; always fewer than {@link
 *     #originalTokens()}, and the exact counts are always in that order too
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
