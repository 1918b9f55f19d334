package dev.headroom.compress.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LineTemplatesTest {

  @Test
  void numbersAndIdsAreMaskedAndTheTemplateIsCut() {
    assertEquals(
        "#-#-#:#:#.# INFO  [http] GET /api/orders/# # #.# reqId=r-#",
        LineTemplates.of(
            "2024-06-11T14:00:00.000Z INFO  [http] GET /api/orders/ord_431130 200 5.5ms reqId=r-0c45c028"));
    assertEquals("a -) b", LineTemplates.of("  a -> b  "));
    assertEquals(
        "x".repeat(200),
        LineTemplates.of("x".repeat(200)),
        "a word crossing the cut is kept whole");
    assertEquals(
        List.of("\"# ERROR timeout\" x3"),
        LineTemplates.top(
            Stream.of("1 ERROR timeout", "22 ERROR timeout", "333 ERROR timeout", "ok")
                .map(LineTemplates::of)
                .toList(),
            3,
            2));
  }

  /** The hand-written scan gives the templates of the definition below. */
  @Property(tries = 3000)
  void templatesAreTheDefinitionsOnes(@ForAll("lines") String line) {
    assertEquals(definition(line), LineTemplates.of(line), line);
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.oneOf(
            Arbitraries.of(
                "2024-06-11T14:00:00.000Z",
                " INFO ",
                "[http]",
                "GET /api/orders/ord_431130",
                "a->b",
                " ",
                "\t",
                "\u00a0",
                "\u2028",
                "caf\u00e9",
                "\u0661\u0662",
                "x_y",
                "\ud83d\ude00",
                "\ud83d",
                "ab".repeat(50),
                "-",
                ">"),
            Arbitraries.strings().withChars("aZ09_ ->\t.:\u00e9").ofMaxLength(12))
        .list()
        .ofMaxSize(12)
        .map(l -> String.join("", l));
  }

  /** A word: a letter or digit, then letters, digits and underscores. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}][\\w\\p{L}\\p{Nd}]*");

  private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");

  /**
   * The template by its definition: each word holding a digit becomes {@code #}, {@code >} becomes
   * {@code )}, everything else stays; words are added until the template reaches 72 characters (the
   * one crossing that stays whole), then the template is stripped.
   */
  private static String definition(String line) {
    StringBuilder template = new StringBuilder();
    Matcher word = WORD.matcher(line);
    int i = 0;
    while (i < line.length() && template.length() < 72) {
      if (word.region(i, line.length()).lookingAt()) {
        template.append(DIGIT.matcher(word.group()).find() ? "#" : word.group());
        i = word.end();
      } else {
        template.append(line.charAt(i) == '>' ? ')' : line.charAt(i));
        i++;
      }
    }
    return template.toString().strip();
  }

  @Test
  void theRareLinesOfARepetitiveListAreItsOddOnesOut() {
    String[] list = new String[40];
    for (int i = 0; i < list.length; i++) {
      list[i] = LineTemplates.of("batch " + i + " committed");
    }
    list[7] = LineTemplates.of("skipped 3 rows: currency XXX");
    list[20] = null; // a line that does not count
    list[30] = LineTemplates.of("retrying batch 30");
    list[35] = LineTemplates.of("retrying batch 35");
    assertEquals(List.of(7), LineTemplates.rare(list, 10, 1));
    assertEquals(List.of(7, 30), LineTemplates.rare(list, 10, 2), "rarest first, then in order");
    String[] diverse = {"a one", "b two", "c three", "d four", "e five"};
    assertEquals(List.of(), LineTemplates.rare(diverse, 2, 1), "no list of alike lines");
  }
}
