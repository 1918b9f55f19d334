package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LogSummaryPrefilterTest {

  @Property(tries = 3000)
  void theSummaryPrefilterNeverRulesOutALineTheSummaryRegexMatches(@ForAll("lines") String line) {
    if (LogCompressor.SUMMARY.matcher(line).lookingAt()) {
      assertTrue(LogCompressor.maySummarise(line), line);
    }
  }

  @Test
  void ordinaryLogLinesAreRuledOutWithoutTheRegex() {
    assertFalse(LogCompressor.maySummarise("  [main] GET /api/orders 200 12ms"));
    assertTrue(LogCompressor.maySummarise("\tBUILD FAILED in 3s"));
    assertFalse(LogCompressor.maySummarise("2024-06-11T14:00:19Z INFO ok"), "a timestamp");
    assertTrue(LogCompressor.maySummarise("12 tests passed"));
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> bits =
        Arbitraries.oneOf(
            Arbitraries.of(
                "BUILD SUCCESSFUL",
                "build failed",
                "FAILURE:",
                "Test Suites:",
                "Tests:",
                "test result:",
                "Ran 12 tests",
                "error: could not compile",
                "=== ",
                "== 3 passed",
                " passed",
                " failed",
                " errors",
                "12 tests passed",
                "3 failed",
                "Finished ",
                "release [optimized] target",
                "Total",
                "Summary",
                "npm ERR! code",
                "npm ERR! errno",
                "5 tests completed",
                " ",
                "\t",
                "  ",
                "x",
                "INFO",
                "[main]",
                "0",
                "42",
                "2024-06-11T10:00:01Z ",
                "7 ",
                "12:00"),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(4));
    return bits.list().ofMaxSize(8).map(l -> String.join("", l));
  }
}
