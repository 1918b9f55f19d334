package dev.headroom.compress.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreSizesTest {

  @ParameterizedTest(name = "{0} MiB heap: {1} MiB")
  @CsvSource({"512, 64", "4096, 64", "384, 48", "256, 32", "64, 8", "4, 1", "1, 1"})
  void anEighthOfTheHeapBetweenOneAndSixtyFourMiB(long heapMiB, long storeMiB) {
    assertEquals(storeMiB << 20, StoreSizes.defaultBytes(heapMiB << 20));
  }

  @Test
  void aJvmWithoutAHeapLimitGetsTheMost() {
    assertEquals(64L << 20, StoreSizes.defaultBytes(Long.MAX_VALUE));
  }
}
