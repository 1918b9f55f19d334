package dev.headroom.bench;

import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import dev.headroom.compress.ReplayMemory;
import java.nio.charset.StandardCharsets;
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
 * What a request whose latest user text is the user's own prose costs the rewrite, which the
 * gateway runs on its event loop for such a body: the scan, and the check on the text's first 8 KB
 * that it is prose (content detection, line by line), after which nothing is compressed. {@code
 * filler} is the load harness's {@code pass} text (one line of "lorem ipsum", cheap to judge);
 * {@code paragraphs} and {@code wrapped} are a user's paragraphs ({@link Samples#userProse}), one
 * line each or broken at 72 columns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UserProseBenchmark {

  @Param({"filler", "paragraphs", "wrapped"})
  public String text;

  @Param({"10240", "102400"})
  public int bytes;

  private LiveZoneRewriter rewriter;
  private byte[] body;
  private final CompressContext context = CompressContext.defaults().withScope("key:bench");

  @Setup
  public void setUp() {
    String content =
        switch (text) {
          case "filler" -> Samples.filler(bytes);
          case "paragraphs" -> Samples.userProse(bytes, false);
          case "wrapped" -> Samples.userProse(bytes, true);
          default -> throw new IllegalArgumentException("text=" + text);
        };
    body = Samples.userRequest(content).getBytes(StandardCharsets.UTF_8);
    rewriter =
        LiveZoneRewriter.create(
            Compressor.create(), LiveZoneOptions.defaults(), ReplayMemory.inMemory());
    LiveZoneResult first = rewrite();
    if (first.changed()
        || first.blocks().stream().noneMatch(b -> b.outcome().equals(BlockDecision.USER_PROSE))) {
      throw new IllegalStateException("not told to be the user's prose: " + first.blocks());
    }
  }

  /**
   * @return the result, so the JIT cannot drop the work
   */
  @Benchmark
  public LiveZoneResult rewrite() {
    return rewriter.rewrite(body, ProviderApi.CHAT_COMPLETIONS, context);
  }
}
