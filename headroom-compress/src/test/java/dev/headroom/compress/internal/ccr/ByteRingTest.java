package dev.headroom.compress.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRingTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 64, 1 << 20})
  void recordsOfOneSizeFillTheRingAndThenReplaceTheOldestOneByOne(int segment) {
    ByteRing<Integer> ring = new ByteRing<>(1_000, segment);
    List<Integer> overwritten = new ArrayList<>();
    List<ByteRing.Record<Integer>> records = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      records.add(ring.write(i, bytes(i, 90), overwritten::add));
      assertEquals(Math.min(i + 1, 11), ring.live(), "1,000 bytes hold eleven records of 90");
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 50 - 11; i++) {
      expected.add(i);
    }
    assertEquals(expected, overwritten, "oldest first, each once");
    for (int i = 50 - 11; i < 50; i++) {
      assertArrayEquals(bytes(i, 90), ring.read(records.get(i)));
    }
    assertThrows(IllegalStateException.class, () -> ring.read(records.get(0)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 13, 256})
  void randomWritesFreesAndDropsKeepEveryLiveRecordIntactAndEvictOldestFirst(int segment) {
    Random random = new Random(segment);
    int capacity = 4_000;
    ByteRing<Integer> ring = new ByteRing<>(capacity, segment);
    Map<Integer, ByteRing.Record<Integer>> live = new LinkedHashMap<>(); // in write order
    Map<Integer, byte[]> contents = new LinkedHashMap<>();
    List<Integer> overwritten = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      int op = random.nextInt(10);
      if (op < 7) {
        int size =
            random.nextInt(20) == 0 ? random.nextInt(capacity + 1) : random.nextInt(capacity / 8);
        overwritten.clear();
        ByteRing.Record<Integer> record = ring.write(i, bytes(i, size), overwritten::add);
        assertEquals(
            List.copyOf(live.keySet()).subList(0, overwritten.size()),
            overwritten,
            "the oldest live records, oldest first");
        overwritten.forEach(live::remove);
        live.put(i, record);
        contents.put(i, bytes(i, size));
      } else if (op < 9 && !live.isEmpty()) {
        List<Integer> keys = new ArrayList<>(live.keySet());
        int victim = keys.get(random.nextInt(keys.size()));
        ring.free(live.remove(victim));
      } else {
        overwritten.clear();
        boolean dropped = ring.dropOldest(overwritten::add);
        assertEquals(!live.isEmpty(), dropped);
        if (dropped) {
          assertEquals(List.of(live.keySet().iterator().next()), overwritten, "the oldest live");
          live.remove(overwritten.get(0));
        }
      }
      assertEquals(live.size(), ring.live());
      long held = live.values().stream().mapToLong(r -> Math.max(1, r.length())).sum();
      assertTrue(held <= capacity, "live bytes within the capacity");
      if (i % 97 == 0) {
        assertEquals(List.copyOf(live.keySet()), ring.liveOwners(), "oldest first");
        live.forEach((key, record) -> assertArrayEquals(contents.get(key), ring.read(record)));
      }
    }
  }

  @Test
  void anOverwrittenRecordTakesEveryOlderOneWithItButNotFreedOnes() {
    ByteRing<String> ring = new ByteRing<>(100, 16);
    List<String> overwritten = new ArrayList<>();
    ring.write("a", bytes(1, 40), overwritten::add);
    ByteRing.Record<String> b = ring.write("b", bytes(2, 40), overwritten::add);
    ring.free(b);
    ring.write("c", bytes(3, 40), overwritten::add); // wraps: [0, 40) held a
    assertEquals(List.of("a"), overwritten, "b was freed, so it is not reported");
    assertEquals(1, ring.live());
  }

  @Test
  void freedRecordsWaitingForTheRingAreBoundedAndTheNewestStaysReadable() {
    ByteRing<Integer> ring = new ByteRing<>(64L << 20);
    List<Integer> overwritten = new ArrayList<>();
    ByteRing.Record<Integer> keep = ring.write(-1, bytes(-1, 100), overwritten::add);
    ByteRing.Record<Integer> last = null;
    for (int i = 0; i < 100_000; i++) {
      // A store re-putting one entry: the new record is written, the old one freed.
      ByteRing.Record<Integer> next = ring.write(0, bytes(0, 100), overwritten::add);
      if (last != null) {
        ring.free(last);
      }
      last = next;
      assertTrue(ring.tracked() <= 2 * ring.live() + ByteRing.FREED_SLACK + 2, "tracked");
    }
    assertArrayEquals(bytes(0, 100), ring.read(last));
    assertEquals(List.of(-1), overwritten, "the oldest live record went with the freed ones");
    assertThrows(IllegalStateException.class, () -> ring.read(keep));
  }

  @Test
  void anEmptyRecordIsKeptAndReadBackEmpty() {
    ByteRing<String> ring = new ByteRing<>(10, 4);
    ByteRing.Record<String> empty = ring.write("e", new byte[0], s -> {});
    assertEquals(0, ring.read(empty).length);
    assertEquals(1, ring.live());
  }

  @Test
  void aRecordLargerThanTheRingIsRefusedAndChangesNothing() {
    ByteRing<String> ring = new ByteRing<>(10, 4);
    ring.write("a", bytes(1, 10), s -> {});
    assertThrows(IllegalArgumentException.class, () -> ring.write("b", bytes(2, 11), s -> {}));
    assertEquals(1, ring.live());
    assertTrue(ring.dropOldest(s -> {}));
    assertFalse(ring.dropOldest(s -> {}));
  }

  @Test
  void sizesMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new ByteRing<>(0));
    assertThrows(IllegalArgumentException.class, () -> new ByteRing<>(10, 0));
  }

  private static byte[] bytes(int seed, int size) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
