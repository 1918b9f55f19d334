package dev.headroom.proxy.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A {@link CcrStore} that counts what passes through it into {@link CcrMetrics}; failures still
 * throw.
 */
@API(status = INTERNAL, since = "0.1")
public final class MeteredCcrStore implements CcrStore {

  private final CcrStore store;
  private final CcrMetrics metrics;

  /**
   * @param store the store
   * @param metrics where to count
   */
  public MeteredCcrStore(CcrStore store, CcrMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  @Override
  public void put(CcrEntry entry) {
    try {
      store.put(entry);
      metrics.stores.incrementAndGet();
    } catch (RuntimeException failure) {
      metrics.storeErrors.incrementAndGet();
      throw failure;
    }
  }

  @Override
  public Optional<CcrEntry> get(String hash, String scope) {
    Optional<CcrEntry> entry;
    try {
      entry = store.get(hash, scope);
    } catch (RuntimeException failure) {
      metrics.storeErrors.incrementAndGet();
      throw failure;
    }
    (entry.isPresent() ? metrics.hits : metrics.misses).incrementAndGet();
    return entry;
  }

  @Override
  public int size() {
    return store.size();
  }
}
