package dev.headroom.bench;

import dev.headroom.compress.CcrStore;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.CompressionResult;
import dev.headroom.compress.Compressor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full {@link Compressor#compress} call per content type and size: detection, the compressor
 * for that type, and the token-validation gate (o200k). MB/s = bytes / (µs per call).
 *
 * <p>Sample mode times calls one by one, so a run reports the median call (p0.50) beside the mean:
 * on a shared host the mean also carries the minutes when a neighbour holds the core. The warm-up
 * is ten seconds because the JIT needs that long on two cores: with three one-second warm-up
 * iterations, the 4 KB log cell was still getting faster in its sixth measured second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompressorBenchmark {

  @Param({"log", "json_array", "json_object", "search", "diff", "table", "html", "code"})
  public String type;

  @Param({"4096", "102400", "1048576"})
  public int bytes;

  /**
   * gpt-4o counts with o200k_base, gpt-4 with cl100k_base (about six times faster in jtokkit
   * 1.1.0).
   */
  @Param({"gpt-4o", "gpt-4"})
  public String model;

  private String content;
  private Compressor compressor;
  private CompressContext context;

  /** Builds the input and a compressor whose store never fills up during the run. */
  @Setup
  public void setUp() {
    content = Samples.of(type, bytes);
    compressor =
        Compressor.create(
            CompressOptions.defaults()
                .withCcrStore(CcrStore.inMemory(64, 256L << 20, Duration.ofMinutes(5))));
    context =
        CompressContext.ofQuery("why did order A-10077 fail? requestTimeoutMs").withModel(model);
  }

  /**
   * @return the result, so the JIT cannot drop the work
   */
  @Benchmark
  public CompressionResult compress() {
    return compressor.compress(content, context);
  }
}
