package dev.headroom.compress.internal.livezone;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a block in a {@link dev.headroom.compress.ReplayMemory}: the first 128 bits of the
 * SHA-256 of its JSON string token, quotes included, as the client sent it. A client resends its
 * history byte for byte, so the same block has the same key on every turn; one that re-encodes it
 * differently gets a miss, and its original goes as it is.
 */
final class ReplayKeys {

  private static final HexFormat HEX = HexFormat.of();

  private ReplayKeys() {}

  static String of(byte[] body, int start, int end) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is required of every JDK", impossible);
    }
    digest.update(body, start, end - start);
    return HEX.formatHex(digest.digest(), 0, 16);
  }
}
