package dev.headroom.spring.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import java.util.UUID;
import org.apiguardian.api.API;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the CCR store keeps what it is given: each check stores a small entry under a scope of
 * its own (no caller can read it) and reads it back, so a Redis that is down, full or read-only
 * shows as down, with the reason.
 */
@API(status = INTERNAL, since = "0.1")
public final class CcrStoreHealthIndicator extends AbstractHealthIndicator {

  private static final String SCOPE = "headroom-health";
  private static final String HASH = "health-probe";

  private final CcrStore store;
  private final String kind;

  /**
   * @param store the store to check
   * @param kind how it is configured ({@code memory}, {@code redis}), shown in the details
   */
  public CcrStoreHealthIndicator(CcrStore store, String kind) {
    super("CCR store health check failed");
    this.store = store;
    this.kind = kind;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    String token = UUID.randomUUID().toString();
    store.put(new CcrEntry(HASH, SCOPE, token, "health probe"));
    boolean kept = store.get(HASH, SCOPE).map(entry -> entry.content().equals(token)).orElse(false);
    builder.status(kept ? "UP" : "DOWN").withDetail("store", kind);
    if (!kept) {
      builder.withDetail("reason", "an entry stored was not read back");
    }
    int size = store.size();
    if (size >= 0) {
      builder.withDetail("entries", size);
    }
  }
}
