package dev.headroom.compress.internal.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class QueryTest {

  @Test
  void theLastQueryIsParsedOnceAndNeverMistakenForAnother() {
    Query first = Query.parse("why did order A-10077 fail?");
    assertSame(first, Query.parse("why did order A-10077 fail?"));
    Query other = Query.parse("refund \"ch_3 declined\"");
    assertEquals(
        List.of("ch_3 declined", "refund", "ch_3", "declined"),
        other.terms().stream().map(Query.Term::text).toList());
    Query again = Query.parse("why did order A-10077 fail?");
    assertEquals(first.terms(), again.terms());
    assertEquals(
        List.of("order", "A-10077", "fail"), again.terms().stream().map(Query.Term::text).toList());
  }

  @Test
  void onlyTheListedCharactersLowerCaseToAnAsciiCharacter() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        continue;
      }
      String lowered = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
      for (int k = 0; k < lowered.length(); k++) {
        char c = lowered.charAt(k);
        if (c < 0x80) {
          int codePoint = cp;
          assertTrue(
              new String(Query.LOWERING_TO[c]).indexOf(cp) >= 0,
              () -> "U+" + Integer.toHexString(codePoint) + " lower-cases to " + c);
        }
      }
    }
  }

  @Property(tries = 3000)
  void theShortcutNeverRulesOutALineTheTermIsIn(
      @ForAll("lines") String line, @ForAll("words") String word) {
    Query.Term term = new Query.Term(word, word.toLowerCase(Locale.ROOT), false);
    if (line.toLowerCase(Locale.ROOT).contains(term.lower())) {
      assertTrue(term.mayBeIn(line), line);
    }
  }

  /**
   * Every weak term goes through {@code in}: ASCII ones by the scan, others (and one-letter ones)
   * by a copy.
   */
  @Property(tries = 5000)
  void aWeakTermIsFoundWithoutLowerCasingTheLineWhereLowerCasingFindsIt(
      @ForAll("lines") String line, @ForAll("termWords") String word) {
    Query.Term term = new Query.Term(word, word.toLowerCase(Locale.ROOT), false);
    assertEquals(
        line.toLowerCase(Locale.ROOT).contains(term.lower()), term.in(line), line + " / " + word);
  }

  @Test
  void theCharactersThatLowerCaseToAsciiMatchAWeakTerm() {
    Query.Term kit = new Query.Term("kit", "kit", false);
    assertTrue(kit.in("a \u212AIT b"), "the Kelvin sign is a k");
    Query.Term taxi = new Query.Term("taxi", "taxi", false);
    assertTrue(taxi.in("TAX\u0130"), "U+0130 ends the term: its dot comes after");
    assertFalse(new Query.Term("taxis", "taxis", false).in("TAX\u0130S"), "…and nowhere else");
    assertFalse(new Query.Term("ikit", "ikit", false).in("\u0130KIT"));
  }

  @Provide
  Arbitrary<String> asciiWords() {
    return Arbitraries.strings().withChars("akiosKIOS").ofMinLength(2).ofMaxLength(4);
  }

  @Property(tries = 2000)
  void linesScoreTheSameWithTheTermsTheirTextHas(
      @ForAll("lineLists") List<String> lines, @ForAll("queries") String query) {
    Query q = Query.parse(query);
    String text = String.join("\n", lines);
    assertArrayEquals(
        Relevance.scores(q, lines), Relevance.scores(q.within(text), lines), 0.0, text);
  }

  @Test
  void aTermTheTextLacksIsLeftOut() {
    Query q = Query.parse("why did order A-10077 fail?");
    assertEquals(
        List.of("fail"),
        q.within("sku,qty\nQF-1,FAILED").terms().stream().map(Query.Term::text).toList());
    // An "o" is there, "order" is not.
    assertEquals(
        List.of("fail"),
        q.within("sku,on_hand\nQF-1,FAILED").terms().stream().map(Query.Term::text).toList());
    assertTrue(q.within("order A-10077 failed") == q, "nothing to leave out: the same query");
  }

  @Provide
  Arbitrary<List<String>> lineLists() {
    return Arbitraries.oneOf(
            Arbitraries.of(
                "order",
                "ORDERS",
                "A-10077",
                "a-10077",
                "fail",
                "FAILED",
                "\u212Aey",
                "key",
                "x",
                " ",
                "-",
                "0",
                "ΟΔΟΣ",
                "οδος",
                "Σ",
                "ς",
                "\u0130",
                "\u0307",
                "\r"),
            Arbitraries.strings().withChars("aAdefiklorOR- 017").ofMaxLength(6))
        .list()
        .ofMaxSize(4)
        .map(bits -> String.join("", bits))
        .list()
        .ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.of(
        "why did order A-10077 fail?",
        "key orders",
        "\"order A\" failed",
        "refunds",
        "kelvin key",
        "οδος ΟΔΟΣ",
        "ς σ");
  }

  @Test
  void weakTermsMatchAnyCaseStrongOnesTheirOwn() {
    Query q = Query.parse("why did order A-10077 fail?");
    assertEquals(
        List.of("order", "A-10077", "fail"), q.terms().stream().map(Query.Term::text).toList());
    Query.Term order = q.terms().get(0);
    assertTrue(order.mayBeIn("ORDERS") && order.in("ORDERS"));
    assertFalse(order.mayBeIn("QF-10000,MAD0,161"));
    assertTrue(
        new Query.Term("key", "key", false).mayBeIn("\u212Aey"),
        "the Kelvin sign lower-cases to k");
    // weights: log(1 + units / units with the term), three times that for a strong term
    assertArrayEquals(
        new double[] {0, Math.log(2.5) + 3 * Math.log(4), Math.log(2.5) + Math.log(4)},
        Relevance.scores(q, List.of("nothing", "order A-10077 ok", "ORDER B-2 failed")),
        1e-9);
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("aAkKiIoOsS\u017F\u212A\u0130\u0307 xé-").ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(8));
  }

  @Provide
  Arbitrary<String> termWords() {
    return Arbitraries.oneOf(asciiWords(), words());
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().withChars("akioKIO\u0307é").ofMinLength(1).ofMaxLength(3);
  }
}
