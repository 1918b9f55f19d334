package dev.headroom.proxy.internal.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.MultiMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/** Request ids, and durations as the proxy writes them in headers and logs. */
@API(status = INTERNAL, since = "0.1")
public final class RequestIds {

  private RequestIds() {}

  /**
   * @param headers the client's headers
   * @return the client's {@code x-request-id} when it is sane (1-128 visible ASCII characters),
   *     else a new random UUID
   */
  public static String of(MultiMap headers) {
    String id = headers.get("x-request-id");
    if (id != null) {
      id = id.strip();
      if (!id.isEmpty() && id.length() <= 128 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        return id;
      }
    }
    // Random (version 4) without SecureRandom: ids need uniqueness, not secrecy.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /**
   * @param nanos a duration
   * @return it in milliseconds with three decimals, without {@code String.format} on the hot path
   */
  public static String millis(long nanos) {
    long micros = Math.max(0, nanos / 1000);
    long fraction = micros % 1000;
    return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
  }
}
