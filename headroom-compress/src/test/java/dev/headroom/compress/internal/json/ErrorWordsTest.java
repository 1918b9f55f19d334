package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ErrorWordsTest {

  /** What lets the table rules skip the per-row search when the whole table has no error word. */
  @Property(tries = 2000)
  void aLineWithAnErrorWordMakesItsTextHaveOne(@ForAll("lines") List<String> lines, @ForAll boolean crlf) {
    String text = String.join(crlf ? "\r\n" : "\n", lines);
    if (lines.stream().anyMatch(ErrorWords::in)) {
      assertTrue(ErrorWords.in(text), text);
    }
  }

  @Provide
  Arbitrary<List<String>> lines() {
    return Arbitraries.oneOf(
            Arbitraries.of("error", "Failed", "TIMED", " out", "crash", "oom", "x", "7", "_", " ", ",", "é", "ß"),
            Arbitraries.strings().withChars("aefilrOoMt 9,_").ofMaxLength(6))
        .list().ofMaxSize(5).map(bits -> String.join("", bits)).list().ofMaxSize(6);
  }

  @Test
  void errorLikeValuesAreFoundInAnyCase() {
    assertTrue(ErrorWords.in("ch_1 1200 eur failed Your card has insufficient funds."));
    assertTrue(ErrorWords.in("payments ledger-worker 0/1 CrashLoopBackOff 37"));
    assertTrue(ErrorWords.in("OOMKilled"));
    assertTrue(ErrorWords.in("request TIMED OUT after 3000ms"));
    assertTrue(ErrorWords.in("severity critical"));
  }

  @Test
  void lookAlikesAreNot() {
    assertFalse(ErrorWords.in("errorRate 0.01 failover-ready succeeded"));
    assertFalse(ErrorWords.in("roommate boomerang"));
    assertFalse(ErrorWords.in(""));
  }
}
