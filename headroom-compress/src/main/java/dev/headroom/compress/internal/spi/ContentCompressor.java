package dev.headroom.compress.internal.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/** A compressor for one content type. Implementations are stateless and thread-safe. */
@API(status = INTERNAL, since = "0.1")
public interface ContentCompressor {

  /**
   * @param input the text and its context
   * @return a smaller candidate, or empty when there is nothing this compressor may drop
   */
  Optional<Candidate> compress(Input input);
}
