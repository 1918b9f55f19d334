package dev.headroom.proxy.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * Counts of the CCR store and the retrieval loop, exported as {@code headroom_ccr_*}: originals
 * stored, store failures (blocks then left uncompressed), retrievals that found their original
 * (hits), did not (misses; expired entries included), entries found expired, retrieval rounds the
 * proxy answered, and — with a shared store — lookups of which conversations have the retrieval
 * tool and the ones that failed (local knowledge used instead); and the replay memory's hits,
 * misses and shared-store failures.
 */
@API(status = INTERNAL, since = "0.1")
public final class CcrMetrics implements MeterBinder {

  final AtomicLong stores = new AtomicLong();
  final AtomicLong storeErrors = new AtomicLong();
  final AtomicLong hits = new AtomicLong();
  final AtomicLong misses = new AtomicLong();
  final AtomicLong expiries = new AtomicLong();
  final AtomicLong rounds = new AtomicLong();
  final AtomicLong conversationLookups = new AtomicLong();
  final AtomicLong conversationErrors = new AtomicLong();
  final AtomicLong replayHits = new AtomicLong();
  final AtomicLong replayMisses = new AtomicLong();
  final AtomicLong replayErrors = new AtomicLong();

  /** Counts one retrieval round answered by the proxy. */
  public void round() {
    rounds.incrementAndGet();
  }

  /**
   * @return retrieval rounds so far
   */
  public long rounds() {
    return rounds.get();
  }

  /**
   * @return hits so far
   */
  public long hits() {
    return hits.get();
  }

  /**
   * @return store failures so far
   */
  public long storeErrors() {
    return storeErrors.get();
  }

  /**
   * @return entries found expired so far
   */
  public long expiries() {
    return expiries.get();
  }

  /**
   * @return shared-store lookups of whether a conversation has the tool, so far
   */
  public long conversationLookups() {
    return conversationLookups.get();
  }

  /**
   * @return shared-store conversation lookups or writes that failed or were skipped while it was
   *     down
   */
  public long conversationErrors() {
    return conversationErrors.get();
  }

  /**
   * @return history blocks found in the replay memory so far
   */
  public long replayHits() {
    return replayHits.get();
  }

  /**
   * @return history blocks looked up in the replay memory and not found, so far
   */
  public long replayMisses() {
    return replayMisses.get();
  }

  /** Counts one entry found past its time to live (it is also counted as a miss). */
  public void expired() {
    expiries.incrementAndGet();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "headroom.ccr.stores", stores, "originals stored for retrieval");
    counter(
        registry,
        "headroom.ccr.store.errors",
        storeErrors,
        "store writes or reads that failed (blocks left uncompressed)");
    counter(registry, "headroom.ccr.hits", hits, "retrievals that found their original");
    counter(
        registry,
        "headroom.ccr.misses",
        misses,
        "retrievals that found nothing (unknown, expired or another key's)");
    counter(
        registry,
        "headroom.ccr.expiries",
        expiries,
        "retrievals of an entry past its time to live");
    counter(
        registry,
        "headroom.ccr.retrieval.rounds",
        rounds,
        "headroom_retrieve rounds answered by the proxy");
    counter(
        registry,
        "headroom.ccr.conversation.lookups",
        conversationLookups,
        "shared-store lookups of whether a conversation has the retrieval tool");
    counter(
        registry,
        "headroom.ccr.conversation.errors",
        conversationErrors,
        "shared-store conversation lookups or writes that failed or were skipped (local knowledge used)");
    counter(
        registry,
        "headroom.replay.hits",
        replayHits,
        "history blocks sent exactly as an earlier request of their conversation compressed them");
    counter(
        registry,
        "headroom.replay.misses",
        replayMisses,
        "history blocks looked up in the replay memory and not found (never compressed, or lost)");
    counter(
        registry,
        "headroom.replay.errors",
        replayErrors,
        "shared replay-memory reads or writes that failed (local knowledge used)");
  }

  private static void counter(
      MeterRegistry registry, String name, AtomicLong value, String description) {
    FunctionCounter.builder(name, value, AtomicLong::get)
        .description(description)
        .register(registry);
  }
}
