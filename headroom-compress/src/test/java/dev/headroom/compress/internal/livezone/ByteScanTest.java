package dev.headroom.compress.internal.livezone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ByteScanTest {

  @Property(tries = 3000)
  void findsTheFirstOccurrenceAsALoopDoes(
      @ForAll("bodies") byte[] bytes,
      @ForAll @IntRange(min = 0, max = 80) int from,
      @ForAll @IntRange(min = 0, max = 80) int to,
      @ForAll("wanted") byte a,
      @ForAll("wanted") byte b) {
    int start = Math.min(from, bytes.length);
    int end = Math.min(Math.max(start, to), bytes.length);
    assertEquals(naive(bytes, start, end, a, a), ByteScan.indexOf(bytes, start, end, a));
    assertEquals(naive(bytes, start, end, a, b), ByteScan.indexOfEither(bytes, start, end, a, b));
  }

  @Property(tries = 3000)
  void tellsPrintableAsciiAsALoopDoes(
      @ForAll("bodies") byte[] bytes,
      @ForAll @IntRange(min = 0, max = 80) int from,
      @ForAll @IntRange(min = 0, max = 80) int to) {
    int start = Math.min(from, bytes.length);
    int end = Math.min(Math.max(start, to), bytes.length);
    boolean printable = true;
    for (int i = start; i < end; i++) {
      printable &= (bytes[i] & 0xFF) >= 0x20 && (bytes[i] & 0xFF) <= 0x7F;
    }
    assertEquals(printable, ByteScan.printableAscii(bytes, start, end));
  }

  private static int naive(byte[] bytes, int from, int to, byte a, byte b) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == a || bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Few distinct values, so matches, runs of them and near misses (a byte one apart) are common.
   */
  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.of(
            (byte) '"',
            (byte) '\\',
            (byte) '!',
            (byte) '#',
            (byte) 0,
            (byte) 1,
            (byte) 0x80,
            (byte) 0xFF,
            (byte) 0x7F,
            (byte) 0x1F,
            (byte) 0x20,
            (byte) 'a')
        .array(byte[].class)
        .ofMaxSize(80);
  }

  @Provide
  Arbitrary<Byte> wanted() {
    return Arbitraries.of((byte) '"', (byte) '\\', (byte) 0, (byte) 0x80, (byte) 0xFF, (byte) 'a');
  }
}
