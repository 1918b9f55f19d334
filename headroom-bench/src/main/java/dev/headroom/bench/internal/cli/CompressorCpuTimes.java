package dev.headroom.bench.internal.cli;

import dev.headroom.bench.Samples;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.Compressor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * The same calls as {@code CompressorBenchmark} (same {@link Samples}, query and model), timed in
 * thread CPU time rather than wall time: on a machine shared with other builds, wall-clock
 * averages mostly measure the neighbours, while a call's CPU time stays close to its cost. Prints
 * one Markdown row per type and size: median and 90th percentile µs per call, MB/s at the median.
 *
 * <p>Usage: {@code CompressorCpuTimes [model] [seconds per cell] [sizes…]}, defaults gpt-4o, 3,
 * 4096 102400 1048576. Every cell is first run for a third of its time in a warm-up round over all
 * cells (so the first cell measured is not also the one that compiles the shared code), and the first
 * third of each cell's measured time is warm-up again.
 */
public final class CompressorCpuTimes {

  private static final String[] TYPES = {"log", "json_array", "json_object", "search", "diff", "table", "html", "code"};

  private CompressorCpuTimes() {}

  /**
   * @param args model, seconds per cell, sizes in bytes
   */
  public static void main(String[] args) {
    String model = args.length > 0 ? args[0] : "gpt-4o";
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    int[] sizes = args.length > 2
        ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {4096, 102400, 1048576};
    Compressor compressor = Compressor.create(CompressOptions.defaults().withCcrStore(
        CcrStore.inMemory(64, 256L << 20, Duration.ofMinutes(5))));
    CompressContext context = CompressContext.ofQuery("why did order A-10077 fail? requestTimeoutMs").withModel(model);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println("| type | size | model | median µs (CPU) | p90 µs (CPU) | MB/s at median | calls |");
    System.out.println("|---|---:|---|---:|---:|---:|---:|");
    for (int size : sizes) {
      for (String type : TYPES) {
        String content = Samples.of(type, size);
        long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        while (System.nanoTime() < warmEnd) {
          compressor.compress(content, context);
        }
      }
    }
    for (int size : sizes) {
      for (String type : TYPES) {
        String content = Samples.of(type, size);
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
        double median = cpu[n / 2] / 1e3;
        System.out.printf("| %s | %s | %s | %,.0f | %,.0f | %.1f | %d |%n", type, label(content.length()), model,
            median, cpu[n * 9 / 10] / 1e3, content.length() / median, n);
      }
    }
  }

  private static String label(int chars) {
    return chars >= 1 << 20 ? chars / (1 << 20) + " MB" : chars / 1024 + " KB";
  }
}
