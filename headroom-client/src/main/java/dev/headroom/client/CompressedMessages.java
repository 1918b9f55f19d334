package dev.headroom.client;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@link Headroom#compress(List, String, String)} returns.
 *
 * @param messages the conversation to send: the caller's messages with the live zone compressed, as
 *     mutable plain Java JSON values ({@code Map}, {@code List}, {@code String}, numbers, booleans)
 * @param tokensBefore tokens of the live-zone blocks before compression
 * @param tokensAfter tokens of the same blocks as returned
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CompressedMessages(
    List<Map<String, Object>> messages, int tokensBefore, int tokensAfter) {

  /** Checks the components. */
  public CompressedMessages {
    Objects.requireNonNull(messages, "messages must not be null");
  }

  /**
   * @return {@code tokensBefore - tokensAfter}
   */
  public int tokensSaved() {
    return tokensBefore - tokensAfter;
  }
}
