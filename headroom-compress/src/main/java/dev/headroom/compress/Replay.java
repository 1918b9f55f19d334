package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How one block of a conversation was compressed the first time it was sent, kept so every later
 * request of the conversation carries exactly the same bytes for it (see {@link ReplayMemory}).
 *
 * @param json the JSON string token that replaced the original, quotes included, byte for byte
 * @param contentType what the original was detected as
 * @param strategy the compressor's strategy
 * @param bytesBefore UTF-8 bytes of the original text
 * @param tokensBefore tokens of the original text
 * @param tokensAfter tokens of the compressed text
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Replay(
    byte[] json,
    ContentType contentType,
    String strategy,
    int bytesBefore,
    int tokensBefore,
    int tokensAfter) {

  /** Checks the components; the bytes are shared, never copied. */
  public Replay {
    Objects.requireNonNull(json, "json must not be null");
    Objects.requireNonNull(contentType, "contentType must not be null");
    Objects.requireNonNull(strategy, "strategy must not be null");
  }

  /**
   * @return how many bytes this entry holds, as the memory's cap counts them
   */
  public long size() {
    return json.length + strategy.length() + 64L;
  }
}
