package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a {@link Compressor} is set up; shared by every call it serves.
 *
 * @param minBytes texts shorter than this many UTF-8 bytes are returned unchanged
 * @param ccrStore where dropped originals are stored when a result is accepted
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CompressOptions(int minBytes, CcrStore ccrStore) {

  /** The default {@link #minBytes()}. */
  public static final int DEFAULT_MIN_BYTES = 512;

  /** Checks the components. */
  public CompressOptions {
    Objects.requireNonNull(ccrStore, "ccrStore must not be null");
    if (minBytes < 0) {
      throw new IllegalArgumentException("minBytes must not be negative: " + minBytes);
    }
  }

  /**
   * @return {@value #DEFAULT_MIN_BYTES} bytes minimum and a new {@link CcrStore#inMemory()
   *     in-memory store}
   */
  public static CompressOptions defaults() {
    return new CompressOptions(DEFAULT_MIN_BYTES, CcrStore.inMemory());
  }

  /**
   * @param value the minimum size
   * @return a copy with that minimum size
   */
  public CompressOptions withMinBytes(int value) {
    return new CompressOptions(value, ccrStore);
  }

  /**
   * @param value the store
   * @return a copy with that store
   */
  public CompressOptions withCcrStore(CcrStore value) {
    return new CompressOptions(minBytes, value);
  }
}
