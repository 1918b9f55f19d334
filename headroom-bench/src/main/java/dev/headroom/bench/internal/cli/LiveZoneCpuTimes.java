package dev.headroom.bench.internal.cli;

import dev.headroom.bench.proxy.ProxyLoadHarness;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * The compression part of the proxy harness's {@code compress} mode without the HTTP around it: the
 * same chat bodies through {@link LiveZoneRewriter#rewrite}, timed in thread CPU time (see {@link
 * CompressorCpuTimes} for why). Usage: {@code LiveZoneCpuTimes [seconds per size] [sizes…]},
 * defaults 6 s, 1 KB 10 KB 100 KB 1 MB; the first third of each size's time is warm-up.
 */
public final class LiveZoneCpuTimes {

  private LiveZoneCpuTimes() {}

  /**
   * @param args seconds per size, sizes in bytes
   */
  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6;
    int[] sizes =
        args.length > 1
            ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
            : new int[] {1024, 10 * 1024, 100 * 1024, 1024 * 1024};
    LiveZoneRewriter rewriter =
        LiveZoneRewriter.create(
            Compressor.create(CompressOptions.defaults()),
            LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(1)));
    // -Dheadroom.bench.scope=S compresses as the proxy does for a caller: originals kept in an
    // in-memory store under S.
    CompressContext context =
        System.getProperty("headroom.bench.scope") == null
            ? CompressContext.defaults()
            : CompressContext.defaults().withScope(System.getProperty("headroom.bench.scope"));
    // -Dheadroom.bench.scopes=distinct: a scope of its own per call, as the proxy harness's API
    // keys (originals stored, replays remembered, never replayed).
    boolean distinct = "distinct".equals(System.getProperty("headroom.bench.scopes"));
    // -Dheadroom.bench.warmUp=true: the proxy's start-up warm-up first (other kinds of output).
    if (Boolean.getBoolean("headroom.bench.warmUp")) {
      rewriter.warmUp();
    }
    long[] calls = {0};
    java.util.function.Supplier<CompressContext> contexts =
        distinct ? () -> context.withScope("sk-" + calls[0]++) : () -> context;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println(
        "| body | median µs (CPU) | p90 µs (CPU) | p99 µs (CPU) | KB allocated per call | bytes after | tokens before → after | calls |");
    System.out.println("|---|---:|---:|---:|---:|---:|---|---:|");
    for (int size : sizes) {
      byte[] body = ProxyLoadHarness.toolOutputBytes(size);
      LiveZoneResult result = null;
      long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
      while (System.nanoTime() < warmEnd) {
        result = rewriter.rewrite(body, ProviderApi.CHAT_COMPLETIONS, contexts.get());
      }
      com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
      long allocatedBefore = allocation.getCurrentThreadAllocatedBytes();
      long[] cpu = new long[200_000];
      int n = 0;
      long end = System.nanoTime() + (long) (seconds * 2 / 3 * 1e9);
      while ((System.nanoTime() < end || n < 5) && n < cpu.length) {
        long start = threads.getCurrentThreadCpuTime();
        result = rewriter.rewrite(body, ProviderApi.CHAT_COMPLETIONS, contexts.get());
        cpu[n++] = threads.getCurrentThreadCpuTime() - start;
      }
      long allocatedPerCall = (allocation.getCurrentThreadAllocatedBytes() - allocatedBefore) / n;
      Arrays.sort(cpu, 0, n);
      System.out.printf(
          "| %d KB | %,.0f | %,.0f | %,.0f | %,d | %,d | %,d → %,d | %d |%n",
          body.length / 1024,
          cpu[n / 2] / 1e3,
          cpu[n * 9 / 10] / 1e3,
          cpu[n * 99 / 100] / 1e3,
          allocatedPerCall / 1024,
          result.body().length,
          result.tokensBefore(),
          result.tokensAfter(),
          n);
    }
  }
}
