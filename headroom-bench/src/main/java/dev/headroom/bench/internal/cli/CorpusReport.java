package dev.headroom.bench.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.Compressed;
import dev.headroom.compress.CompressionResult;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.ContentDetector;
import dev.headroom.compress.TokenCounter;
import dev.headroom.compress.Unchanged;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs every case of a developer corpus (the output directory of {@code shared/corpus/generate.py})
 * through {@link Compressor} with the case's query and prints, per case, o200k tokens before and
 * after, needles kept, and the median thread CPU time of a few runs after as many warm-up runs;
 * then the totals.
 *
 * <p>Usage: {@code java -cp … dev.headroom.bench.CorpusReport CORPUS_DIR [RUNS [WARM_UP_SECONDS]]}
 * (warm-up: at least RUNS calls per case, and at least that many seconds). It reads the directory
 * given on the command line and nothing else.
 */
public final class CorpusReport {

  private CorpusReport() {}

  /** One case's outcome. */
  record Row(
      String name,
      String kind,
      String detected,
      String strategy,
      int bytes,
      int before,
      int after,
      int needles,
      int kept,
      List<String> lost,
      double millis,
      boolean larger) {}

  /**
   * @param args corpus directory, optional number of timed runs (default 5), optional minimum
   *     warm-up seconds per case (default 0)
   * @throws IOException when the corpus cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: CorpusReport CORPUS_DIR [RUNS [WARM_UP_SECONDS]]");
      System.exit(2);
    }
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    double warmUpSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 0;
    List<Row> rows = run(Path.of(args[0]), runs, warmUpSeconds);
    print(rows, System.out);
  }

  static List<Row> run(Path dir, int runs) throws IOException {
    return run(dir, runs, 0);
  }

  static List<Row> run(Path dir, int runs, double warmUpSeconds) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode index = mapper.readTree(dir.resolve("index.json").toFile());
    Compressor compressor = Compressor.create();
    TokenCounter o200k = TokenCounter.forModel("gpt-4o");
    List<Row> rows = new ArrayList<>();
    for (JsonNode entry : index.get("cases")) {
      JsonNode c = mapper.readTree(Files.readString(dir.resolve(entry.get("file").asText())));
      String content = c.get("content").asText();
      CompressContext ctx = CompressContext.ofQuery(c.get("query").asText()).withModel("gpt-4o");
      CompressionResult result = compressor.compress(content, ctx);
      long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
      for (int i = 0; i < runs || System.nanoTime() < warmUpEnd; i++) {
        compressor.compress(
            content, ctx); // warm-up: at least as many calls as measured, and the given time
      }
      // Thread CPU time: on a shared machine wall time mostly measures the neighbours.
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      double[] times = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        compressor.compress(content, ctx);
        times[i] = (cpu.getCurrentThreadCpuTime() - t0) / 1e6;
      }
      Arrays.sort(times);
      String out = result.text();
      List<String> lost = new ArrayList<>();
      int needles = 0;
      for (JsonNode n : c.get("needles")) {
        needles++;
        if (!out.contains(n.asText())) {
          lost.add(n.asText());
        }
      }
      String strategy =
          result instanceof Compressed k
              ? k.strategy()
              : "unchanged:" + ((Unchanged) result).reason();
      int before = o200k.count(content);
      int after = o200k.count(out);
      rows.add(
          new Row(
              c.get("name").asText(),
              c.get("kind").asText(),
              ContentDetector.detect(content).type().tag(),
              strategy,
              content.getBytes(StandardCharsets.UTF_8).length,
              before,
              after,
              needles,
              needles - lost.size(),
              lost,
              times[runs / 2],
              after > before));
    }
    return rows;
  }

  static void print(List<Row> rows, PrintStream out) {
    out.println(
        "| case | kind | detected | strategy | bytes | tokens before | tokens after | reduction | needles kept | median CPU ms |");
    out.println("|---|---|---|---|---:|---:|---:|---:|---:|---:|");
    long before = 0;
    long after = 0;
    int needles = 0;
    int kept = 0;
    for (Row r : rows) {
      before += r.before();
      after += r.after();
      needles += r.needles();
      kept += r.kept();
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %,d | %,d | %,d | %.1f%% | %d/%d | %.2f |%n",
          r.name(),
          r.kind(),
          r.detected(),
          r.strategy(),
          r.bytes(),
          r.before(),
          r.after(),
          100.0 * (r.before() - r.after()) / Math.max(1, r.before()),
          r.kept(),
          r.needles(),
          r.millis());
    }
    out.printf(
        Locale.ROOT,
        "| **total** | | | | | %,d | %,d | **%.1f%%** | %d/%d | |%n",
        before,
        after,
        100.0 * (before - after) / Math.max(1, before),
        kept,
        needles);
    for (Row r : rows) {
      if (!r.lost().isEmpty()) {
        out.println("LOST " + r.name() + ": " + r.lost());
      }
      if (r.larger()) {
        out.println("LARGER " + r.name());
      }
    }
  }
}
