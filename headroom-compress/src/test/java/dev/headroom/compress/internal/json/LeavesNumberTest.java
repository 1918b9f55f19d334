package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LeavesNumberTest {

  @Property(tries = 1000)
  void theFastPathGivesExactlyWhatParseDoubleGives(@ForAll("numbers") String text) {
    // Read as a range of a longer text, as table cells are.
    String line = "7," + text + ",9";
    int from = 2;
    int to = 2 + text.length();
    double fast = Leaves.simpleDecimal(line, from, to);
    if (!Double.isNaN(fast)) {
      assertEquals(
          Double.doubleToRawLongBits(Double.parseDouble(text)),
          Double.doubleToRawLongBits(fast),
          text);
    }
    if (text.length() <= 24) { // longer texts are not numbers to the row statistics
      long expected = Double.doubleToRawLongBits(Double.parseDouble(text));
      assertEquals(expected, Double.doubleToRawLongBits(Leaves.parseNumber(text)), text);
      assertEquals(expected, Double.doubleToRawLongBits(Leaves.parseNumber(line, from, to)), text);
    }
  }

  @Test
  void otherFormsAreLeftToParseDouble() {
    assertTrue(Double.isNaN(simpleDecimal("1e-7")));
    assertTrue(Double.isNaN(simpleDecimal("1.")));
    assertTrue(Double.isNaN(simpleDecimal("1234567890123456")));
    assertEquals(1.5, Leaves.parseNumber("1.50"));
    assertEquals(1e-7, Leaves.parseNumber("1e-7"));
  }

  @Provide
  Arbitrary<String> numbers() {
    Arbitrary<String> digits =
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(17);
    return Combinators.combine(
            Arbitraries.of("", "-"), digits, Arbitraries.of("", "."), digits.injectNull(0.3))
        .as((sign, a, dot, b) -> sign + a + (dot.isEmpty() || b == null ? "" : "." + b));
  }

  private static double simpleDecimal(String text) {
    return Leaves.simpleDecimal(text, 0, text.length());
  }
}
