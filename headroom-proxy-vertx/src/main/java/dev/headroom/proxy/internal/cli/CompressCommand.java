package dev.headroom.proxy.internal.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.Compressed;
import dev.headroom.compress.CompressionResult;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.TokenCounter;
import dev.headroom.compress.Unchanged;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code headroom compress}: compresses a file or standard input and reports what it saved. It uses
 * only the exported API of {@code dev.headroom.compress}, as any library user would.
 */
@Command(
    name = "headroom compress",
    mixinStandardHelpOptions = true,
    description = "Compress a tool output (file or stdin) the way the proxy would.")
@API(status = INTERNAL, since = "0.1")
public final class CompressCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    text,
    json
  }

  @Option(names = "--query", description = "The user's question; matching rows and lines are kept.")
  String query = "";

  @Option(
      names = "--model",
      description = "Model name; chooses the tokenizer (default ${DEFAULT-VALUE}).")
  String model = CompressContext.DEFAULT_MODEL;

  @Option(
      names = "--format",
      description =
          "text (compressed text on stdout, stats on stderr) or json (both in one object).")
  Format format = Format.text;

  @Option(
      names = "--repeat",
      description = "Time N runs after N warm-up runs and report the median.")
  int repeat = 1;

  @Parameters(index = "0", arity = "0..1", description = "Input file, or - for stdin (default).")
  String file = "-";

  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;

  CompressCommand(InputStream stdin, PrintStream out, PrintStream err) {
    this.stdin = stdin;
    this.out = out;
    this.err = err;
  }

  /**
   * @param args command-line arguments after {@code compress}
   */
  public static void main(String[] args) {
    // The text is UTF-8 whatever the locale: under LANG=C the JDK's default streams write "?" for
    // every character outside ASCII, and a script that pipes the output on would get them.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8);
    System.exit(run(args, System.in, out, err));
  }

  /**
   * Runs the command with the given streams (tests pass their own).
   *
   * @param args arguments
   * @param stdin standard input
   * @param out standard output
   * @param err standard error
   * @return the exit code: 0 on success, 1 on an I/O error, 2 on bad usage
   */
  static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new CompressCommand(stdin, out, err));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    if (repeat < 1) {
      err.println("headroom compress: --repeat must be at least 1");
      return 2;
    }
    String content;
    try {
      content =
          "-".equals(file)
              ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("headroom compress: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    Compressor compressor = Compressor.create();
    CompressContext context = CompressContext.ofQuery(query).withModel(model);
    CompressionResult result = compressor.compress(content, context);
    double millis;
    if (repeat > 1) {
      for (int i = 0; i < repeat; i++) {
        compressor.compress(content, context); // warm-up: let the JIT compile the hot paths
      }
      double[] times = new double[repeat];
      for (int i = 0; i < repeat; i++) {
        long t0 = System.nanoTime();
        result = compressor.compress(content, context);
        times[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(times);
      millis =
          repeat % 2 == 1 ? times[repeat / 2] : (times[repeat / 2 - 1] + times[repeat / 2]) / 2;
    } else {
      long t0 = System.nanoTime();
      result = compressor.compress(content, context);
      millis = (System.nanoTime() - t0) / 1e6;
    }
    Stats stats = Stats.of(result, content, TokenCounter.forModel(model), millis);
    if (format == Format.json) {
      out.println(stats.json());
    } else {
      out.print(result.text());
      out.flush();
      err.println(stats.line());
    }
    return 0;
  }

  /** What is reported for one run: the numbers, and the text to send on. */
  record Stats(
      String contentType,
      String strategy,
      int originalTokens,
      int compressedTokens,
      int originalBytes,
      int compressedBytes,
      double millis,
      boolean compressed,
      String text) {

    static Stats of(CompressionResult result, String content, TokenCounter counter, double millis) {
      if (result instanceof Compressed c) {
        return new Stats(
            c.contentType().tag(),
            c.strategy(),
            c.originalTokens(),
            c.compressedTokens(),
            c.originalBytes(),
            c.compressedBytes(),
            millis,
            true,
            c.text());
      }
      Unchanged u = (Unchanged) result;
      int tokens = counter.count(content);
      return new Stats(
          u.contentType().tag(),
          "unchanged:" + u.reason().name().toLowerCase(Locale.ROOT),
          tokens,
          tokens,
          u.originalBytes(),
          u.originalBytes(),
          millis,
          false,
          u.text());
    }

    String line() {
      double saved =
          originalTokens == 0 ? 0 : 100.0 * (originalTokens - compressedTokens) / originalTokens;
      return String.format(
          Locale.ROOT,
          "headroom: %s %s: %d -> %d tokens (-%.1f%%), %d -> %d bytes, %.2f ms",
          contentType,
          strategy,
          originalTokens,
          compressedTokens,
          saved,
          originalBytes,
          compressedBytes,
          millis);
    }

    String json() {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
        g.writeStartObject();
        g.writeStringField("content_type", contentType);
        g.writeStringField("strategy", strategy);
        g.writeNumberField("original_tokens", originalTokens);
        g.writeNumberField("compressed_tokens", compressedTokens);
        g.writeNumberField("original_bytes", originalBytes);
        g.writeNumberField("compressed_bytes", compressedBytes);
        g.writeNumberField("millis", Math.round(millis * 1000) / 1000.0);
        g.writeBooleanField("compressed", compressed);
        // Last, so the fields before it keep their order for scripts that read them.
        g.writeStringField("text", text);
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return w.toString();
    }
  }
}
