package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KthTest {

  @Property(tries = 3000)
  void givesWhatSortingGivesAtThatIndex(
      @ForAll("columns") double[] values, @ForAll("fractions") double where) {
    int k = (int) (where * (values.length - 1));
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    // -0.0 and 0.0 may trade places; the row statistics only use |x - median|, the same for both.
    assertEquals(sorted[k] + 0.0, RowSelector.kth(values.clone(), k) + 0.0);
  }

  @Provide
  Arbitrary<double[]> columns() {
    Arbitrary<Double> value =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(-1e6, 1e6),
            Arbitraries.of(0.0, -0.0, 1.5, 1.5, 1.5, -3.0, 1e300, -1e300),
            Arbitraries.integers().between(0, 5).map(i -> (double) i));
    return value.array(double[].class).ofMinSize(1).ofMaxSize(60);
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1);
  }
}
