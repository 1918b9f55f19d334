package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * What the tests of whole tool outputs assert: compressed under a question, the output keeps every
 * string that must survive (a failure, an error, the answer) and is at most a share of the
 * original's tokens.
 */
final class Survival {

  private static final Compressor COMPRESSOR = Compressor.create();

  private Survival() {}

  /**
   * @param text a tool output
   * @param needles what must survive, each a substring of {@code text}
   * @param query the question it is compressed under
   * @param shareAtMost the largest share of the original tokens the output may have
   * @return the compression
   */
  static Compressed assertSurvives(
      String text, List<String> needles, String query, double shareAtMost) {
    CompressionResult result = COMPRESSOR.compress(text, CompressContext.ofQuery(query));
    assertTrue(result instanceof Compressed, result.toString());
    Compressed compressed = (Compressed) result;
    for (String needle : needles) {
      assertTrue(
          compressed.text().contains(needle),
          "\"" + needle + "\" must survive \"" + query + "\":\n" + compressed.text());
    }
    assertTrue(
        compressed.compressedTokens() < compressed.originalTokens() * shareAtMost,
        compressed.originalTokens() + " -> " + compressed.compressedTokens());
    return compressed;
  }
}
