package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.json.JsonTrees;
import dev.headroom.compress.internal.spi.Inputs;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the input: the result is unchanged or has fewer tokens; JSON stays valid JSON; lines of
 * logs, search results, diffs and tables come out byte-identical or as marker/summary lines.
 */
class CompressionPropertyTest {

  private static final Compressor COMPRESSOR =
      Compressor.create(CompressOptions.defaults().withMinBytes(0));
  private static final TokenCounter TOKENS = TokenCounter.forModel("gpt-4o");

  @Property(tries = 150)
  void lineOrientedOutputOnlyHoldsInputLinesOrMarkers(
      @ForAll("lineTexts") String text, @ForAll("queries") String query) {
    CompressionResult result =
        COMPRESSOR.compress(text, CompressContext.ofQuery(query).withTargetTokens(60));
    checkUnchangedOrSmaller(text, result);
    if (result instanceof Compressed c
        && c.contentType() != ContentType.HTML
        && c.contentType() != ContentType.JSON_ARRAY
        && c.contentType() != ContentType.JSON_OBJECT
        && c.contentType() != ContentType.CODE
        && c.contentType() != ContentType.TEXT) {
      assertEquals(
          List.of(), Inputs.foreignLines(text, c.text()), c.contentType() + ":\n" + c.text());
    }
  }

  @Property(tries = 150)
  void jsonStaysValidJsonWithEveryKeptNumberText(
      @ForAll("jsonArrays") String json, @ForAll("queries") String query) {
    CompressionResult result =
        COMPRESSOR.compress(json, CompressContext.ofQuery(query).withTargetTokens(80));
    checkUnchangedOrSmaller(json, result);
    assertTrue(JsonTrees.parse(result.text()).isPresent(), result.text());
  }

  @Property(tries = 200)
  void timestampedLogfmtAndCsvAreNeverSearchResultsAndSurviveVerbatim(
      @ForAll("timestamped") String text) {
    assertTrue(ContentDetector.detect(text).type() != ContentType.SEARCH, text);
    CompressionResult result =
        COMPRESSOR.compress(text, CompressContext.defaults().withTargetTokens(40));
    assertEquals(List.of(), Inputs.foreignLines(text, result.text()));
  }

  @Provide
  Arbitrary<String> timestamped() {
    Arbitrary<String> ts =
        Combinators.combine(
                Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59), Arbitraries.of("Z", ".123Z", "+02:00", ""))
            .as((h, m, sec, zone) -> String.format("2024-05-01T%02d:%02d:%02d%s", h, m, sec, zone));
    Arbitrary<String> logfmt =
        Combinators.combine(
                ts,
                Arbitraries.of("info", "warn", "error"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10),
                Arbitraries.integers().between(0, 999))
            .as((t, lvl, w, n) -> "ts=" + t + " level=" + lvl + " msg=\"" + w + "\" n=" + n);
    Arbitrary<String> csv =
        Combinators.combine(
                ts, Arbitraries.of("web-1", "web-2", "db"), Arbitraries.integers().between(0, 99))
            .as((t, host, n) -> t + "," + host + ",0." + n + "," + (n * 7));
    Arbitrary<String> bare =
        Combinators.combine(
                ts, Arbitraries.of("INFO", "DEBUG"), Arbitraries.integers().between(0, 999))
            .as((t, lvl, n) -> t + " " + lvl + " tick " + n);
    return Arbitraries.oneOf(logfmt, csv, bare)
        .list()
        .ofMinSize(5)
        .ofMaxSize(200)
        .map(lines -> String.join("\n", lines) + "\n");
  }

  private static void checkUnchangedOrSmaller(String input, CompressionResult result) {
    Statistics.collect(result.getClass().getSimpleName(), result.contentType());
    if (result instanceof Unchanged u) {
      assertEquals(input, u.text());
    } else {
      Compressed c = (Compressed) result;
      assertTrue(TOKENS.count(c.text()) < TOKENS.count(input));
      assertTrue(c.compressedTokens() < c.originalTokens(), c.toString());
    }
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.of(
        "", "why did it fail?", "order 88412", "checkout.v2.wallets flag", "ERROR in worker-7");
  }

  @Provide
  Arbitrary<String> lineTexts() {
    Arbitrary<String> word =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<Integer> num = Arbitraries.integers().between(0, 99_999);
    Arbitrary<String> logLine =
        Combinators.combine(Arbitraries.of("INFO", "WARN", "ERROR", "DEBUG"), word, num)
            .as(
                (lvl, w, n) ->
                    "2024-05-01T00:00:"
                        + String.format("%02d", n % 60)
                        + "Z "
                        + lvl
                        + " ["
                        + w
                        + "] handled "
                        + n);
    Arbitrary<String> grepLine =
        Combinators.combine(word, num, word)
            .as(
                (f, n, w) ->
                    "src/" + f + ".ts:" + (n % 500 + 1) + ":  const " + w + " = " + n + ";");
    Arbitrary<String> csvLine =
        Combinators.combine(word, num, Arbitraries.of("7.10", "3.50", "-12", "0"))
            .as((w, n, p) -> w + "," + n + "," + p);
    Arbitrary<String> stack =
        Arbitraries.of(
            "    at f (/srv/a.js:41:29)", "\tat com.acme.X.run(X.java:12)", "", "Caused by: boom");
    Arbitrary<String> line =
        Arbitraries.frequencyOf(
            Tuple.of(5, logLine),
            Tuple.of(1, stack),
            Tuple.of(1, Arbitraries.strings().ofMaxLength(60)));
    Arbitrary<String> logs =
        line.list().ofMinSize(40).ofMaxSize(300).map(l -> String.join("\n", l));
    Arbitrary<String> greps =
        grepLine.list().ofMinSize(20).ofMaxSize(300).map(l -> String.join("\n", l) + "\n");
    Arbitrary<String> csv =
        csvLine
            .list()
            .ofMinSize(20)
            .ofMaxSize(300)
            .map(l -> "name,qty,price\r\n" + String.join("\r\n", l));
    Arbitrary<String> diff =
        Combinators.combine(word.list().ofMinSize(10).ofMaxSize(80), num)
            .as(
                (ws, n) -> {
                  StringBuilder b =
                      new StringBuilder(
                          "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,"
                              + ws.size()
                              + " +1,"
                              + ws.size()
                              + " @@\n");
                  for (int i = 0; i < ws.size(); i++) {
                    b.append(
                        i == n % ws.size()
                            ? "-" + ws.get(i) + "\n+" + ws.get(i) + "!\n"
                            : " " + ws.get(i) + "\n");
                  }
                  return b.toString();
                });
    return Arbitraries.oneOf(logs, greps, csv, diff);
  }

  @Provide
  Arbitrary<String> jsonArrays() {
    Arbitrary<String> number =
        Arbitraries.of(
            "1.50", "1e-7", "0.010", "100.00", "-3", "42", "2.417", "12345678901234567890");
    Arbitrary<String> str =
        Arbitraries.of(
            "\"ok\"",
            "\"failed\"",
            "\"支付回调超时\"",
            "\"say \\\"hi\\\"\"",
            "\"C:\\\\temp\"",
            "null",
            "true");
    Arbitrary<String> value = Arbitraries.oneOf(number, str);
    Arbitrary<String> row =
        Combinators.combine(value, value, value, Arbitraries.integers().between(0, 9999))
            .as(
                (a, b, c, id) ->
                    "{\"id\": "
                        + id
                        + ", \"a\": "
                        + a
                        + ", \"b\": "
                        + b
                        + ", \"nested\": {\"c\": ["
                        + c
                        + ", "
                        + a
                        + "]}}");
    return row.list()
        .ofMinSize(0)
        .ofMaxSize(120)
        .map(rows -> "[\n  " + String.join(",\n  ", rows) + "\n]");
  }
}
