package dev.headroom.compress.internal.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TermIndexTest {

  /**
   * Units laid end to end as a JSON tree's searchable text lays out its members (each ends with a
   * space or '='); every run of consecutive units is a range, as nested members are. The ranges
   * score exactly as their copies do.
   */
  @Property(tries = 3000)
  void rangesScoreAsTheirCopies(
      @ForAll("units") List<String> units, @ForAll("queries") String query) {
    Query q = Query.parse(query);
    String text = String.join("", units);
    List<Integer> from = new ArrayList<>();
    List<Integer> to = new ArrayList<>();
    List<String> copies = new ArrayList<>();
    int[] starts = new int[units.size() + 1];
    for (int i = 0; i < units.size(); i++) {
      starts[i + 1] = starts[i] + units.get(i).length();
    }
    for (int i = 0; i < units.size(); i++) {
      for (int j = i + 1; j <= units.size(); j++) {
        from.add(starts[i]);
        to.add(starts[j]);
        copies.add(text.substring(starts[i], starts[j]));
      }
    }
    double[] ranged =
        Relevance.scores(
            new TermIndex(q, text),
            from.stream().mapToInt(Integer::intValue).toArray(),
            to.stream().mapToInt(Integer::intValue).toArray());
    assertArrayEquals(Relevance.scores(q, copies), ranged, 0.0, text);
  }

  @Test
  void aCharacterThatLowerCasesToTwoStillFindsTheTermsInItsRange() {
    Query q = Query.parse("order failed");
    String text = "\u0130d=x order=ok FAILED status=\u0130 ";
    double[] ranged =
        Relevance.scores(
            new TermIndex(q, text), new int[] {0, 5, 14, 21}, new int[] {5, 14, 21, 30});
    assertArrayEquals(
        Relevance.scores(q, List.of("\u0130d=x ", "order=ok ", "FAILED ", "status=\u0130 ")),
        ranged,
        0.0);
  }

  @Provide
  Arbitrary<List<String>> units() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
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
                "=",
                "-",
                "0",
                "ΟΔΟΣ",
                "οδος",
                "Σ",
                "ς",
                "\u0130",
                "\u0307",
                "'"),
            Arbitraries.strings().withChars("aAdefiklorOR- 017").ofMaxLength(6));
    return piece
        .list()
        .ofMaxSize(4)
        .flatMap(bits -> Arbitraries.of(" ", "=").map(end -> String.join("", bits) + end))
        .list()
        .ofMaxSize(7);
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
        "ς σ",
        "\"Σ=\"",
        "\"d=x o\"");
  }
}
