package dev.headroom.compress.internal.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.headroom.compress.TokenCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The oracle is jtokkit's own regex-based o200k_base count, from an encoding of its own. */
class PieceCountsTest {

  private static final Encoding JTOKKIT =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  private static final TokenCounter O200K = TokenCounter.forModel("gpt-4o");

  @Property(tries = 3000)
  void countIsJtokkitsOnRandomUnicode(@ForAll("unicode") String text) {
    assertEquals(JTOKKIT.countTokensOrdinary(text), O200K.count(text), text);
  }

  @Property(tries = 500)
  void countIsJtokkitsOnToolOutput(@ForAll("toolOutput") String text) {
    assertEquals(JTOKKIT.countTokensOrdinary(text), O200K.count(text), text);
  }

  /** Every place where a span may end is the end of one of the regex's pieces. */
  @Property(tries = 2000)
  void spansEndWherePiecesEndOnRandomUnicode(@ForAll("unicode") String text) {
    assertSpansEndWherePiecesEnd(text);
  }

  @Property(tries = 300)
  void spansEndWherePiecesEndOnToolOutput(@ForAll("toolOutput") String text) {
    assertSpansEndWherePiecesEnd(text);
  }

  @Test
  void spansEndOnlyAfterAsciiLettersOrDigitsBeforeAsciiOthers() {
    assertTrue(PieceCounts.splitsBefore('a', '"'));
    assertTrue(PieceCounts.splitsBefore('Z', ' '));
    assertTrue(PieceCounts.splitsBefore('7', '\n'));
    assertTrue(PieceCounts.splitsBefore('7', '-'));
    assertFalse(PieceCounts.splitsBefore('a', '\'')); // a contraction may follow
    assertFalse(PieceCounts.splitsBefore('a', 'b'));
    assertFalse(PieceCounts.splitsBefore('a', '\u0301')); // a mark goes on with the letters
    assertFalse(PieceCounts.splitsBefore('a', '\u00a0'));
    assertFalse(PieceCounts.splitsBefore('\u00e9', '"'));
    assertFalse(PieceCounts.splitsBefore('"', ' '));
  }

  @Test
  void longSpansAreCountedPieceByPiece() {
    PieceCounts counts = new PieceCounts(JTOKKIT);
    String text =
        ("  \""
                + "-=".repeat(PieceCounts.MAX_SPAN_CHARS)
                + "x "
                + " \t".repeat(PieceCounts.MAX_SPAN_CHARS)
                + "Payment")
            .repeat(3);
    assertEquals(JTOKKIT.countTokensOrdinary(text), counts.count(text));
    assertEquals(JTOKKIT.countTokensOrdinary(text), counts.count(text));
  }

  @Test
  void aPackedTableKeepsTheTwoLatestKeysOfASlot() {
    // Three packed spans ("-<i>z", as in "z-12z-34z") that share a slot.
    Map<Integer, List<Long>> bySlot = new HashMap<>();
    List<Long> same = null;
    for (int i = 100; same == null; i++) {
      long key = 1;
      for (char c : ("-" + i + "z").toCharArray()) {
        key = key << 7 | c;
      }
      List<Long> keys =
          bySlot.computeIfAbsent(PieceCounts.packedSlot(key), slot -> new ArrayList<>());
      keys.add(key);
      same = keys.size() == 3 ? keys : null;
    }
    long[] table = new long[1 << PieceCounts.PACKED_BITS];
    long a = same.get(0);
    long b = same.get(1);
    long c = same.get(2);
    PieceCounts.remember(table, a, 1);
    PieceCounts.remember(table, b, 2);
    assertEquals(1, PieceCounts.recall(table, a), "a slot's earlier key stays, next door");
    assertEquals(2, PieceCounts.recall(table, b));
    PieceCounts.remember(table, c, 3);
    assertEquals(3, PieceCounts.recall(table, c));
    assertEquals(2, PieceCounts.recall(table, b));
    assertEquals(-1, PieceCounts.recall(table, a), "two ways: the oldest of three goes");
    PieceCounts.remember(table, c, 3);
    assertEquals(2, PieceCounts.recall(table, b), "remembering a key again displaces nothing");
  }

  @Test
  void spansPackedInTwoLongsDifferingInAnyOneCharacterAreToldApart() {
    PieceCounts counts = new PieceCounts(JTOKKIT);
    // Spans of 9 to 17 characters (a whole text is one span: no letter is followed by punctuation),
    // each differing from the others in one place: first, ninth from last, last, or length.
    List<String> texts = new ArrayList<>();
    for (String word : new String[] {"abcdefgh", "ABCDEFGH1", "maxPoolSize", "idleTimeoutMsXYZ"}) {
      for (char c : " \"'.,:;-_=+*#@!?/({[<".toCharArray()) {
        texts.add(c + word);
        texts.add("\"," + c + word);
        texts.add(c + word.substring(1));
      }
    }
    Set<Integer> distinctCounts = new HashSet<>();
    for (int round = 0; round < 2; round++) {
      for (String text : texts) {
        int expected = JTOKKIT.countTokensOrdinary(text);
        distinctCounts.add(expected);
        assertEquals(expected, counts.count(text), text);
      }
    }
    assertTrue(
        distinctCounts.size() > 3, "the variants must not all count alike, or a mix-up would pass");
  }

  @Test
  void twoSpansThatShareASlotAndTheirFirstOrLastCharactersAreToldApart() {
    // Twelve-character spans (a quote, then letters and digits: one span each), first with the same
    // last nine characters, then with the same first three.
    assertToldApart(slotSharingPair(i -> "\"" + twoWordChars(i) + "Z12345678"));
    assertToldApart(
        slotSharingPair(
            i -> "\"abquxzy" + twoWordChars(i) + twoWordChars(i / 3844).charAt(0) + "k"));
  }

  private static String twoWordChars(int i) {
    String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    return "" + chars.charAt(i % 62) + chars.charAt(i / 62 % 62);
  }

  /** The first two spans the generator makes that share a pair slot and count differently. */
  private static String[] slotSharingPair(IntFunction<String> spans) {
    Map<Integer, String> bySlot = new HashMap<>();
    for (int i = 0; i < 4 * 3844; i++) {
      String text = spans.apply(i);
      long first = 1;
      long last = 0;
      for (int k = 0; k < text.length(); k++) {
        if (k < text.length() - 9) {
          first = first << 7 | text.charAt(k);
        } else {
          last = last << 7 | text.charAt(k);
        }
      }
      String other = bySlot.putIfAbsent(PieceCounts.pairSlot(first, last), text);
      if (other != null
          && JTOKKIT.countTokensOrdinary(other) != JTOKKIT.countTokensOrdinary(text)) {
        return new String[] {other, text};
      }
    }
    throw new AssertionError("no two spans share a slot and count differently");
  }

  private static void assertToldApart(String[] pair) {
    PieceCounts counts = new PieceCounts(JTOKKIT);
    for (int round = 0; round < 2; round++) {
      for (String text : pair) {
        assertEquals(JTOKKIT.countTokensOrdinary(text), counts.count(text), text);
      }
    }
  }

  @Test
  void remembersSpansAndPiecesWithoutMixingThemUp() {
    PieceCounts counts = new PieceCounts(JTOKKIT);
    // Far more distinct spans and pieces than slots, so slots are overwritten; then everything
    // again,
    // from memory.
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3 * Math.max(PieceCounts.SLOTS, 1 << PieceCounts.PACKED_BITS); i++) {
      b.append(" w")
          .append(Integer.toString(i * 7919, 36))
          .append("'s é\u0301")
          .append(i % 7 == 0 ? "\n" : "");
    }
    String text = b.toString();
    int expected = JTOKKIT.countTokensOrdinary(text);
    assertEquals(expected, counts.count(text));
    assertEquals(expected, counts.count(text));
    String longPiece = "x".repeat(PieceCounts.MAX_CACHED_CHARS * 3) + "\u00e9".repeat(40);
    assertEquals(JTOKKIT.countTokensOrdinary(longPiece), counts.count(longPiece));
  }

  @Test
  void threadsSharingTheMemoryGetExactCounts() throws Exception {
    PieceCounts counts = new PieceCounts(JTOKKIT);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      texts.add(
          ("{\"id\": \"ord_"
                  + Integer.toHexString(i * 104729)
                  + "\", \"note\": \"naïve café "
                  + i
                  + "\"}\n")
              .repeat(50));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 5; round++) {
                    for (String text : texts) {
                      if (counts.count(text) != JTOKKIT.countTokensOrdinary(text)) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> r : results) {
        assertEquals(true, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertSpansEndWherePiecesEnd(String text) {
    Set<Integer> pieceEnds = new HashSet<>();
    Matcher m = O200kSplitterTest.O200K_REGEX.matcher(text);
    while (m.find()) {
      pieceEnds.add(m.end());
    }
    for (int i = 1; i < text.length(); i++) {
      if (PieceCounts.splitsBefore(text.charAt(i - 1), text.charAt(i))) {
        int end = i;
        assertTrue(
            pieceEnds.contains(end), () -> "no piece ends at the span end " + end + " of " + text);
      }
    }
  }

  @Provide
  Arbitrary<String> unicode() {
    return O200kTexts.unicode();
  }

  @Provide
  Arbitrary<String> toolOutput() {
    return O200kTexts.toolOutput();
  }
}
