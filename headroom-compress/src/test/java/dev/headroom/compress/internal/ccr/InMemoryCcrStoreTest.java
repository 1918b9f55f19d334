package dev.headroom.compress.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryCcrStoreTest {

  private final AtomicLong now = new AtomicLong();

  private InMemoryCcrStore store(int entries, long bytes) {
    return new InMemoryCcrStore(entries, bytes, Duration.ofSeconds(10), now::get);
  }

  private static CcrEntry entry(String hash, String scope, String content) {
    return new CcrEntry(hash, scope, content, "test");
  }

  @Test
  void anEntryIsOnlyEverReturnedToItsOwnScope() {
    InMemoryCcrStore store = store(10, 1_000);
    store.put(entry("h1", "alice", "alice's rows"));
    assertEquals("alice's rows", store.get("h1", "alice").orElseThrow().content());
    assertTrue(store.get("h1", "bob").isEmpty());
  }

  @Test
  void theSameContentUnderTwoScopesIsTwoEntries() {
    InMemoryCcrStore store = store(10, 1_000);
    store.put(entry("h1", "alice", "same"));
    store.put(entry("h1", "bob", "same"));
    assertEquals(2, store.size());
    assertEquals("bob", store.get("h1", "bob").orElseThrow().scope());
  }

  @Test
  void entriesExpireAfterTheirTimeToLive() {
    InMemoryCcrStore store = store(10, 1_000);
    store.put(entry("h1", "s", "x"));
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    assertTrue(store.get("h1", "s").isPresent());
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertTrue(store.get("h1", "s").isEmpty());
    assertEquals(0, store.size());
  }

  @Test
  void aReadOfAnExpiredEntryIsReportedAsAnExpiryOnceAndAMissNever() {
    AtomicLong expiries = new AtomicLong();
    InMemoryCcrStore store =
        new InMemoryCcrStore(
            10, 1_000, Duration.ofSeconds(10), now::get, expiries::incrementAndGet);
    store.put(entry("h1", "s", "x"));
    store.put(entry("h2", "s", "y"));

    assertTrue(store.get("unknown", "s").isEmpty());
    assertTrue(store.get("h1", "s").isPresent());
    assertEquals(0, expiries.get(), "a plain miss and a hit are no expiry");
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertTrue(store.get("h1", "s").isEmpty());
    assertEquals(1, expiries.get());
    assertTrue(store.get("h1", "s").isEmpty());
    assertEquals(1, expiries.get(), "once dropped, a second read is a plain miss");
  }

  @Test
  void thePublicFactoryPassesTheExpiryObserverOn() throws InterruptedException {
    AtomicLong expiries = new AtomicLong();
    CcrStore store = CcrStore.inMemory(10, 1_000, Duration.ofNanos(1), expiries::incrementAndGet);
    store.put(entry("h1", "s", "x"));
    Thread.sleep(2); // the real clock moves well past a one-nanosecond TTL

    assertTrue(store.get("h1", "s").isEmpty());
    assertEquals(1, expiries.get());
  }

  @Test
  void theOldestEntryIsEvictedAtTheEntryCap() {
    InMemoryCcrStore store = store(2, 1_000);
    store.put(entry("a", "s", "1"));
    store.put(entry("b", "s", "2"));
    store.put(entry("c", "s", "3"));
    assertTrue(store.get("a", "s").isEmpty());
    assertEquals(List.of("b@s", "c@s"), store.keys());
  }

  @Test
  void aRePutRefreshesAnEntrysAgeAndPlace() {
    InMemoryCcrStore store = store(2, 1_000);
    store.put(entry("a", "s", "1"));
    store.put(entry("b", "s", "2"));
    store.put(entry("a", "s", "1"));
    store.put(entry("c", "s", "3"));
    assertTrue(store.get("a", "s").isPresent());
    assertTrue(store.get("b", "s").isEmpty());
    assertEquals(List.of("a@s", "c@s"), store.keys());
  }

  @Test
  void theByteCapCountsUtf8BytesEvictsOldestFirstAndRefusesWhatCouldNeverFit() {
    InMemoryCcrStore store = store(100, 20);
    store.put(entry("a", "s", "12345678"));
    store.put(entry("b", "s", "12345678"));
    store.put(entry("c", "s", "12é")); // 4 bytes: 20 in all, the cap
    assertEquals(List.of("a@s", "b@s", "c@s"), store.keys());
    store.put(entry("d", "s", "12345"));
    assertEquals(List.of("b@s", "c@s", "d@s"), store.keys());
    store.put(entry("big", "s", "x".repeat(21)));
    assertTrue(store.get("big", "s").isEmpty());
    assertEquals("12é", store.get("c", "s").orElseThrow().content());
  }

  @Test
  void contentComesBackExactlyAsStoredWhateverItHolds() {
    InMemoryCcrStore store = store(100, 10_000_000);
    List<String> contents =
        List.of(
            "",
            "plain ascii? with a question mark",
            "Grüße, 東京, emoji \uD83D\uDE00 and 😀",
            "a lone surrogate \uD800 here",
            "lone \uDC00 low and a '?'",
            "a pair the wrong way round \uDE00\uD83D",
            "ends on a high surrogate \uD83D",
            "\uDC00",
            "x".repeat(3_000_000) + "\u00e9".repeat(500_000)); // crosses direct segments
    for (int i = 0; i < contents.size(); i++) {
      store.put(entry("h" + i, "s", contents.get(i)));
    }
    for (int i = 0; i < contents.size(); i++) {
      assertEquals(contents.get(i), store.get("h" + i, "s").orElseThrow().content(), "entry " + i);
      assertEquals("test", store.get("h" + i, "s").orElseThrow().description());
    }
  }

  @Test
  void underChurnTheNewestEntriesStayAndEachReadsBackItsOwnContent() {
    InMemoryCcrStore store = store(1_000, 300_000);
    for (int i = 0; i < 2_000; i++) {
      store.put(entry("h" + i, "s", ("row " + i + ";").repeat(1 + i % 900)));
    }
    List<String> held = store.keys();
    assertEquals("h1999@s", held.get(held.size() - 1));
    int first = Integer.parseInt(held.get(0).substring(1, held.get(0).indexOf('@')));
    for (int i = first; i < 2_000; i++) {
      assertEquals(
          ("row " + i + ";").repeat(1 + i % 900),
          store.get("h" + i, "s").orElseThrow().content(),
          "every entry from the oldest held on is there, intact");
    }
    assertTrue(held.size() > 20, "the cap is used, not given up: " + held.size());
  }

  @Test
  void concurrentPutsAndGetsNeverSeeAnotherEntrysBytes() throws Exception {
    // A small ring under four threads: entries are overwritten all the time, so a read that raced
    // a write would come back with another entry's bytes.
    InMemoryCcrStore store = store(200, 64 * 1024);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> checked = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        checked.add(
            pool.submit(
                () -> {
                  Random random = new Random(seed);
                  int hits = 0;
                  for (int i = 0; i < 20_000; i++) {
                    int id = random.nextInt(500);
                    if (random.nextBoolean()) {
                      store.put(entry("h" + id, "s", contentOf(id)));
                    } else {
                      Optional<CcrEntry> got = store.get("h" + id, "s");
                      if (got.isPresent()) {
                        assertEquals(contentOf(id), got.get().content(), "entry h" + id);
                        hits++;
                      }
                    }
                  }
                  return hits;
                }));
      }
      int hits = 0;
      for (Future<Integer> f : checked) {
        hits += f.get(60, TimeUnit.SECONDS);
      }
      assertTrue(hits > 1_000, "reads found entries: " + hits);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A content that names its entry all along, of a length that varies with it (up to ~2 KB). */
  private static String contentOf(int id) {
    return ("<" + id + ">").repeat(1 + id * 3 % 400);
  }

  @Test
  void limitsMustBePositive() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new InMemoryCcrStore(0, 1, Duration.ofSeconds(1), now::get));
    assertThrows(
        IllegalArgumentException.class, () -> new InMemoryCcrStore(1, 1, Duration.ZERO, now::get));
  }
}
