package dev.headroom.compress.internal.livezone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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
      @ForAll("wanted") byte a) {
    int start = Math.min(from, bytes.length);
    int end = end(bytes, start, to);
    assertEquals(naive(bytes, start, end, a), ByteScan.indexOf(bytes, start, end, a));
  }

  @Property(tries = 5000)
  void findsAStringsEndAndItsIllFormedEscapesAsALoopDoes(
      @ForAll("strings") byte[] bytes,
      @ForAll @IntRange(min = 0, max = 90) int from,
      @ForAll @IntRange(min = 0, max = 90) int to) {
    int start = Math.min(from, bytes.length);
    int end = end(bytes, start, to);
    assertEquals(naiveStringEnd(bytes, start, end), ByteScan.stringEnd(bytes, start, end));
  }

  /** Step by step: a backslash escapes the byte after it, the first quote not escaped ends it. */
  private static long naiveStringEnd(byte[] bytes, int from, int to) {
    long illFormed = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\\') {
        if (i + 1 >= to) {
          return -1;
        }
        String escape =
            new String(bytes, i + 1, Math.min(5, to - i - 1), StandardCharsets.ISO_8859_1);
        if (!escape.matches("(?s)([\"\\\\/bfnrt]|u[0-9a-fA-F]{4}).*")) {
          illFormed = ByteScan.ILL_FORMED_ESCAPE;
        }
        i++;
      } else if (bytes[i] == '"') {
        return i | illFormed;
      }
    }
    return -1;
  }

  @Property(tries = 3000)
  void tellsPrintableAsciiAsALoopDoes(
      @ForAll("bodies") byte[] bytes,
      @ForAll @IntRange(min = 0, max = 80) int from,
      @ForAll @IntRange(min = 0, max = 80) int to) {
    int start = Math.min(from, bytes.length);
    int end = end(bytes, start, to);
    boolean printable = true;
    for (int i = start; i < end; i++) {
      printable &= (bytes[i] & 0xFF) >= 0x20 && (bytes[i] & 0xFF) <= 0x7F;
    }
    assertEquals(printable, ByteScan.printableAscii(bytes, start, end));
  }

  /** Where a range from {@code start} asked to end at {@code to} ends within the array. */
  private static int end(byte[] bytes, int start, int to) {
    return Math.min(Math.max(start, to), bytes.length);
  }

  private static int naive(byte[] bytes, int from, int to, byte a) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == a) {
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

  /** Quotes and backslashes dense, and what an escape may be made of, well or ill. */
  @Provide
  Arbitrary<byte[]> strings() {
    return Arbitraries.of(
            (byte) '"',
            (byte) '\\',
            (byte) '\\',
            (byte) 'u',
            (byte) 'n',
            (byte) '0',
            (byte) 'f',
            (byte) 'G',
            (byte) '/',
            (byte) 'x',
            (byte) 0x80,
            (byte) ' ')
        .array(byte[].class)
        .ofMaxSize(90);
  }

  @Provide
  Arbitrary<Byte> wanted() {
    return Arbitraries.of((byte) '"', (byte) '\\', (byte) 0, (byte) 0x80, (byte) 0xFF, (byte) 'a');
  }
}
