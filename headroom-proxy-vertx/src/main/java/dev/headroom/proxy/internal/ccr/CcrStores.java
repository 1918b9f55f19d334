package dev.headroom.proxy.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CcrStore;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/** Opens the store named by {@code --ccr-store}. */
@API(status = INTERNAL, since = "0.1")
public final class CcrStores {

  /** How long an original can be retrieved after it was stored. */
  public static final Duration TTL = Duration.ofMinutes(30);

  private CcrStores() {}

  /**
   * @param vertx the proxy's Vert.x (the Redis client runs on it)
   * @param uri a {@code redis://} URI, or empty for memory
   * @param metrics counts expiries the store can see
   * @return the store
   */
  public static CcrStore open(Vertx vertx, Optional<URI> uri, CcrMetrics metrics) {
    return uri.<CcrStore>map(u -> RedisCcrStore.create(vertx, u.toString(), TTL, metrics::expired))
        .orElseGet(() -> CcrStore.inMemory(1_000, 64L << 20, TTL));
  }
}
