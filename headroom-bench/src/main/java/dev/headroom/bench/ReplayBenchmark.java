package dev.headroom.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import dev.headroom.compress.ReplayMemory;
import java.nio.charset.StandardCharsets;
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
 * The cost of replay on a long conversation: one rewrite of a chat history of {@code bytes} (tool
 * outputs of about 50 KB each), every one of which an earlier turn compressed and the memory
 * remembers, so the call finds each block's key, recalls it and splices its compressed bytes in —
 * and compresses nothing. {@code memory=none} is the same call with nothing to recall: the scan and
 * the keys alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplayBenchmark {

  @Param({"102400", "1048576"})
  public int bytes;

  @Param({"remembered", "none"})
  public String memory;

  private LiveZoneRewriter rewriter;
  private byte[] body;
  private final CompressContext context = CompressContext.defaults().withScope("key:bench");

  @Setup
  public void setUp() {
    LiveZoneOptions options = LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30));
    ReplayMemory remembered = ReplayMemory.inMemory();
    LiveZoneRewriter turns = LiveZoneRewriter.create(Compressor.create(), options, remembered);
    StringBuilder messages = new StringBuilder("{\"role\":\"system\",\"content\":\"Be brief.\"}");
    int turn = 0;
    do {
      messages
          .append(",{\"role\":\"user\",\"content\":\"Step ")
          .append(turn)
          .append("?\"},{\"role\":\"tool\",\"tool_call_id\":\"c")
          .append(turn)
          .append("\",\"content\":\"")
          .append(
              new String(
                  JsonStringEncoder.getInstance()
                      .quoteAsString("step " + turn + "\n" + Samples.of("log", 50_000))))
          .append("\"}");
      body =
          ("{\"model\":\"gpt-4o\",\"messages\":[" + messages + "]}")
              .getBytes(StandardCharsets.UTF_8);
      turns.rewrite(body, ProviderApi.CHAT_COMPLETIONS, context); // as the turn went: remembered
      turn++;
    } while (body.length < bytes);
    rewriter =
        LiveZoneRewriter.create(
            Compressor.create(), options, memory.equals("none") ? ReplayMemory.none() : remembered);
    if (memory.equals("none")) {
      // Nothing to compress either: the newest output becomes one the compressors leave alone.
      body =
          (new String(body, StandardCharsets.UTF_8)
                  .replaceFirst(
                      "\"c" + (turn - 1) + "\",\"content\":\"[^\"]*\"", "\"c\",\"content\":\"ok\""))
              .getBytes(StandardCharsets.UTF_8);
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
