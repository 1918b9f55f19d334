package dev.headroom.bench.internal.cli;

import dev.headroom.bench.Samples;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.Compressor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same calls as {@code CompressorBenchmark} (same {@link Samples}, query and model), timed in
 * thread CPU time rather than wall time: on a machine shared with other builds, wall-clock averages
 * mostly measure the neighbours, while a call's CPU time stays close to its cost. Prints one
 * Markdown row per type and size: median and 90th percentile µs per call, MB/s at the median.
 *
 * <p>Usage: {@code CompressorCpuTimes [--rounds=N] [model] [seconds per cell] [sizes…]}, defaults 1
 * round, gpt-4o, 3, 4096 102400 1048576. Every cell is first run for a third of its time in a
 * warm-up round over all cells (so the first cell measured is not also the one that compiles the
 * shared code), and the first third of each cell's measured time is warm-up again.
 *
 * <p>With {@code --rounds=N} every cell is measured N times, a sweep over all cells per round, and
 * each row gives the round with the lowest median and the range of the N medians. A shared host
 * only ever adds time, so the lowest median is the nearest to what a call costs, and the range
 * shows how much the host moved.
 */
public final class CompressorCpuTimes {

  private static final String[] TYPES = {
    "log", "json_array", "json_object", "search", "diff", "table", "html", "code"
  };

  private CompressorCpuTimes() {}

  /**
   * @param args {@code --rounds=N}, model, seconds per cell, sizes in bytes
   */
  public static void main(String[] args) {
    int rounds = 1;
    List<String> rest = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--rounds=")) {
        rounds = Integer.parseInt(arg.substring("--rounds=".length()));
      } else {
        rest.add(arg);
      }
    }
    String model = rest.size() > 0 ? rest.get(0) : "gpt-4o";
    double seconds = rest.size() > 1 ? Double.parseDouble(rest.get(1)) : 3;
    int[] sizes =
        rest.size() > 2
            ? rest.subList(2, rest.size()).stream().mapToInt(Integer::parseInt).toArray()
            : new int[] {4096, 102400, 1048576};
    Compressor compressor =
        Compressor.create(
            CompressOptions.defaults()
                .withCcrStore(CcrStore.inMemory(64, 256L << 20, Duration.ofMinutes(5))));
    CompressContext context =
        CompressContext.ofQuery("why did order A-10077 fail? requestTimeoutMs").withModel(model);
    // Each sample made once: the warm-up, every round and the report read the same text.
    Map<String, String> contents = new LinkedHashMap<>();
    for (int size : sizes) {
      for (String type : TYPES) {
        contents.put(type + "|" + size, Samples.of(type, size));
      }
    }
    for (String content : contents.values()) {
      long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
      while (System.nanoTime() < warmEnd) {
        compressor.compress(content, context);
      }
    }
    // best[cell] = {median, p90, calls} of the round with the lowest median; worst[cell] = highest
    // median
    Map<String, double[]> best = new LinkedHashMap<>();
    Map<String, Double> worst = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, String> e : contents.entrySet()) {
        double[] cell = measure(compressor, e.getValue(), context, seconds);
        double[] kept = best.get(e.getKey());
        if (kept == null || cell[0] < kept[0]) {
          best.put(e.getKey(), cell);
        }
        worst.merge(e.getKey(), cell[0], Math::max);
      }
    }
    System.out.println(
        "| type | size | model | median µs (CPU) | p90 µs (CPU) | MB/s at median | calls"
            + (rounds > 1 ? " | medians of " + rounds + " rounds, µs |" : " |"));
    System.out.println("|---|---:|---|---:|---:|---:|---:|" + (rounds > 1 ? "---:|" : ""));
    for (Map.Entry<String, String> e : contents.entrySet()) {
      String type = e.getKey().substring(0, e.getKey().indexOf('|'));
      int length = e.getValue().length();
      double[] cell = best.get(e.getKey());
      System.out.printf(
          "| %s | %s | %s | %,.0f | %,.0f | %.1f | %d |%s%n",
          type,
          label(length),
          model,
          cell[0],
          cell[1],
          length / cell[0],
          (long) cell[2],
          rounds > 1 ? String.format(" %,.0f–%,.0f |", cell[0], worst.get(e.getKey())) : "");
    }
  }

  /**
   * @return median µs, 90th percentile µs and the number of calls, after a third of the time as
   *     warm-up
   */
  private static double[] measure(
      Compressor compressor, String content, CompressContext context, double seconds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
    while (System.nanoTime() < warmEnd) {
      compressor.compress(content, context);
    }
    long[] cpu = new long[100_000];
    int n = 0;
    long end = System.nanoTime() + (long) (seconds * 2 / 3 * 1e9);
    while ((System.nanoTime() < end || n < 5) && n < cpu.length) {
      long start = threads.getCurrentThreadCpuTime();
      compressor.compress(content, context);
      cpu[n++] = threads.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(cpu, 0, n);
    return new double[] {cpu[n / 2] / 1e3, cpu[n * 9 / 10] / 1e3, n};
  }

  private static String label(int chars) {
    return chars >= 1 << 20 ? chars / (1 << 20) + " MB" : chars / 1024 + " KB";
  }
}
