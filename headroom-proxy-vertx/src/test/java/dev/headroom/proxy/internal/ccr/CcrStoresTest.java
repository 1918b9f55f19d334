package dev.headroom.proxy.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CcrStoresTest {

  private static CcrStores.Settings settings(Duration originalsTtl) {
    return new CcrStores.Settings(
        Optional.empty(), originalsTtl, Duration.ofHours(1), 1L << 20, Duration.ofHours(1));
  }

  @Test
  void anOriginalReadPastItsTimeToLiveInMemoryCountsAsAnExpiryAndAMiss()
      throws InterruptedException {
    CcrMetrics metrics = new CcrMetrics();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    metrics.bindTo(registry);
    CcrStores.Opened opened = CcrStores.open(null, settings(Duration.ofMillis(1)), metrics);
    CcrStore store = new MeteredCcrStore(opened.store(), metrics);
    store.put(new CcrEntry("00112233aabbccdd", "key:one", "the original", "3 rows omitted"));
    assertTrue(store.get("ffffffffffffffff", "key:one").isEmpty());

    Thread.sleep(5); // well past the 1 ms time to live
    assertTrue(store.get("00112233aabbccdd", "key:one").isEmpty());

    assertEquals(1, metrics.expiries());
    String scrape = registry.scrape();
    assertTrue(scrape.contains("headroom_ccr_expiries_total 1.0"), scrape);
    assertTrue(
        scrape.contains("headroom_ccr_misses_total 2.0"), "an expiry is a miss too: " + scrape);
  }

  @Test
  void inMemoryConversationsAreLocalAndNeedNoLookupUntilOneHasTheTool() {
    Conversations conversations =
        CcrStores.open(null, settings(Duration.ofHours(1)), new CcrMetrics()).conversations();

    assertFalse(conversations.anyMayHaveTool());
    conversations.add("h:abc", 1);
    assertTrue(conversations.anyMayHaveTool());
    assertTrue(conversations.contains("h:abc"));
    assertFalse(conversations.contains("h:def"));
  }
}
