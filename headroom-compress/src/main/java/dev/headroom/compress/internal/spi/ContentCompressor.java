package dev.headroom.compress.internal.spi;

import java.util.Optional;

/** A compressor for one content type. Implementations are stateless and thread-safe. */
public interface ContentCompressor {

  /**
   * @param input the text and its context
   * @return a smaller candidate, or empty when there is nothing this compressor may drop
   */
  Optional<Candidate> compress(Input input);
}
