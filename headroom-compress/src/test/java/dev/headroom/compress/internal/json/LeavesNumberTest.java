package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LeavesNumberTest {

  @Property(tries = 1000)
  void theFastPathGivesExactlyWhatParseDoubleGives(@ForAll("numbers") String text) {
    double fast = Leaves.simpleDecimal(text);
    if (!Double.isNaN(fast)) {
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(fast), text);
    }
    if (text.length() <= 24) { // longer texts are not numbers to the row statistics
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(Leaves.parseNumber(text)), text);
    }
  }

  @Test
  void otherFormsAreLeftToParseDouble() {
    assertTrue(Double.isNaN(Leaves.simpleDecimal("1e-7")));
    assertTrue(Double.isNaN(Leaves.simpleDecimal("1.")));
    assertTrue(Double.isNaN(Leaves.simpleDecimal("1234567890123456")));
    assertEquals(1.5, Leaves.parseNumber("1.50"));
    assertEquals(1e-7, Leaves.parseNumber("1e-7"));
  }

  @Provide
  Arbitrary<String> numbers() {
    Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(17);
    return net.jqwik.api.Combinators.combine(Arbitraries.of("", "-"), digits, Arbitraries.of("", "."), digits.injectNull(0.3))
        .as((sign, a, dot, b) -> sign + a + (dot.isEmpty() || b == null ? "" : "." + b));
  }
}
