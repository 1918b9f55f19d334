package dev.headroom.compress.internal.livezone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
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

  @Property(tries = 5000)
  void tellsPlainTextAsTheJdksStrictDecoderDoes(
      @ForAll("text") byte[] bytes,
      @ForAll @IntRange(min = 0, max = 80) int from,
      @ForAll @IntRange(min = 0, max = 200) int to) {
    int start = Math.min(from, bytes.length);
    int end = end(bytes, start, to);
    boolean plain;
    try {
      CharBuffer decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, start, end - start));
      plain = decoded.chars().allMatch(c -> c >= 0x20);
    } catch (CharacterCodingException malformed) {
      plain = false;
    }
    assertEquals(plain, ByteScan.plainText(bytes, start, end));
  }

  /**
   * Runs of ASCII with control characters, UTF-8 sequences of every length at the edges of their
   * ranges, and ill-formed ones: overlong, surrogates, past U+10FFFF, stray continuation bytes (the
   * range's ends cut sequences short too).
   */
  @Provide
  Arbitrary<byte[]> text() {
    Arbitrary<int[]> piece =
        Arbitraries.frequencyOf(
            Tuple.of(40, Arbitraries.just(new int[] {'a'})),
            Tuple.of(10, Arbitraries.just(new int[] {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'})),
            Tuple.of(2, Arbitraries.of(new int[] {0x01}, new int[] {0x1F}, new int[] {0x7F})),
            Tuple.of(
                6,
                Arbitraries.of(
                    new int[] {0xC2, 0x80},
                    new int[] {0xC3, 0xA9},
                    new int[] {0xDF, 0xBF},
                    new int[] {0xE0, 0xA0, 0x80},
                    new int[] {0xE2, 0x9C, 0x93},
                    new int[] {0xED, 0x9F, 0xBF},
                    new int[] {0xEF, 0xBF, 0xBF},
                    new int[] {0xF0, 0x90, 0x80, 0x80},
                    new int[] {0xF0, 0x9F, 0x98, 0x80},
                    new int[] {0xF4, 0x8F, 0xBF, 0xBF})),
            Tuple.of(
                3,
                Arbitraries.of(
                    new int[] {0xC0, 0x80},
                    new int[] {0xC1, 0xBF},
                    new int[] {0xE0, 0x9F, 0xBF},
                    new int[] {0xED, 0xA0, 0x80},
                    new int[] {0xF0, 0x8F, 0xBF, 0xBF},
                    new int[] {0xF4, 0x90, 0x80, 0x80},
                    new int[] {0xF5, 0x80, 0x80, 0x80},
                    new int[] {0xE2, 0x9C, 0x41},
                    new int[] {0x80},
                    new int[] {0xBF},
                    new int[] {0xFF},
                    new int[] {0xC3},
                    new int[] {0xE2, 0x9C})));
    return piece
        .list()
        .ofMaxSize(60)
        .map(
            pieces -> {
              int n = pieces.stream().mapToInt(p -> p.length).sum();
              byte[] out = new byte[n];
              int at = 0;
              for (int[] p : pieces) {
                for (int b : p) {
                  out[at++] = (byte) b;
                }
              }
              return out;
            });
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
