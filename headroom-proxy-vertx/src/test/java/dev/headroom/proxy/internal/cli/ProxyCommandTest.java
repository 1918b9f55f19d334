package dev.headroom.proxy.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.ProtectedTools;
import dev.headroom.compress.ReplayMemory;
import dev.headroom.proxy.ProxyOptions;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ProxyCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ProxyCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * Vert.x is made on a start thread while the flags are read (main): its failure is the start's,
   * and help or a bad flag never waits for it.
   */
  @Test
  void aVertxTheStartThreadCouldNotMakeIsACouldNotStartAndHelpNeverWaitsForIt() {
    StringWriter err = new StringWriter();
    int code =
        ProxyCommand.run(
            new String[] {"--port", "0"},
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            () -> {
              throw new ExecutionException(new IllegalStateException("no event loop"));
            });
    assertEquals(1, code);
    assertEquals(
        "headroom proxy: could not start: IllegalStateException: no event loop",
        err.toString().strip());

    Callable<Vertx> never =
        () -> {
          throw new AssertionError("asked for Vert.x");
        };
    PrintWriter quiet = new PrintWriter(new StringWriter(), true);
    assertEquals(0, ProxyCommand.run(new String[] {"--help"}, quiet, quiet, never));
    assertEquals(2, ProxyCommand.run(new String[] {"--port", "abc"}, quiet, quiet, never));
    assertEquals(2, ProxyCommand.run(new String[] {"--port", "70000"}, quiet, quiet, never));
  }

  @Test
  void helpDocumentsEveryFlagAndItsEnvironmentVariable() {
    Run help = run("--help");
    assertEquals(0, help.code());
    for (String text :
        new String[] {
          "--host",
          "HEADROOM_HOST",
          "--port",
          "HEADROOM_PORT",
          "--openai-api-url",
          "OPENAI_TARGET_API_URL",
          "--anthropic-api-url",
          "ANTHROPIC_TARGET_API_URL",
          "--extensions-dir",
          "--max-body-bytes",
          "--connect-timeout",
          "--request-timeout",
          "--shutdown-timeout",
          "--compression",
          "HEADROOM_COMPRESSION",
          "--compression-budget",
          "HEADROOM_COMPRESSION_BUDGET",
          "--ccr-store",
          "HEADROOM_CCR_STORE",
          "--ccr-conversation-ttl",
          "HEADROOM_CCR_CONVERSATION_TTL",
          "--protect-tools",
          "HEADROOM_PROTECT_TOOLS",
          "--auth-token",
          "HEADROOM_AUTH_TOKEN",
          "--admin-port",
          "HEADROOM_ADMIN_PORT",
          "--azure-openai-url",
          "AZURE_OPENAI_TARGET_API_URL",
          "--gemini-api-url",
          "GEMINI_TARGET_API_URL",
          "--vertex-api-url",
          "VERTEX_TARGET_API_URL",
          "--bedrock-api-url",
          "BEDROCK_TARGET_API_URL",
          "--bedrock-resign",
          "HEADROOM_BEDROCK_RESIGN"
        }) {
      assertTrue(help.out().contains(text), text);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--port|abc|'--port': 'abc' is not an int",
        "--port|70000|port must be between 0 and 65535",
        "--openai-api-url|ftp://example.com|must be an http(s) URL",
        "--anthropic-api-url|http://h/x?q=1|must not have a query",
        "--connect-timeout|soon|'soon' is not a duration",
        "--max-body-bytes|lots|'lots' is not a size",
        "--request-timeout|0s|request timeout must be positive",
        "--compression|maybe|'maybe' is not on or off",
        "--compression-budget|0ms|compressionBudget must be positive",
        "--ccr-conversation-ttl|0s|ccrConversationTtl must be positive",
        "--auth-token|short|authToken must be at least 16 characters",
        "--admin-port|70000|adminPort must be between 0 and 65535",
        "--vertex-region|us central|vertex region must be a region name",
        "--bedrock-resign|yes|'yes' is not on or off"
      })
  void badValuesFailFastWithOneLine(String flag, String value, String reason) {
    Run bad = run(flag, value);
    assertEquals(2, bad.code());
    assertEquals(1, bad.err().lines().count(), bad.err());
    assertTrue(bad.err().startsWith("headroom proxy: "), bad.err());
    assertTrue(bad.err().contains(reason), bad.err());
  }

  @Test
  void valuesAreParsedWithUnitsAndUpstreamUrlsAreNormalised() {
    ProxyCommand command = new ProxyCommand();
    new CommandLine(command)
        .parseArgs(
            "--max-body-bytes",
            "10MiB",
            "--connect-timeout",
            "250ms",
            "--request-timeout",
            "2m",
            "--openai-api-url",
            "http://127.0.0.1:9/v1/",
            "--anthropic-api-url",
            "https://gw.example/anthropic");
    ProxyOptions options = command.options();
    assertEquals(10L << 20, options.maxBodyBytes());
    assertEquals(Duration.ofMillis(250), options.connectTimeout());
    assertEquals(Duration.ofMinutes(2), options.requestTimeout());
    assertEquals("http://127.0.0.1:9", options.openaiApiUrl().toString());
    assertEquals("https://gw.example/anthropic", options.anthropicApiUrl().toString());
    assertEquals("127.0.0.1", options.host());
    assertTrue(options.compression(), "compression is on by default");
    assertEquals(Duration.ofMillis(50), options.compressionBudget());
    assertEquals(
        Duration.ofHours(24),
        options.ccrConversationTtl(),
        "conversations keep the tool a day by default");
  }

  @Test
  void theReplayMemoryIsAShareOfTheHeapUnlessTheFlagSaysHowMuch() {
    // Run where HEADROOM_REPLAY_MEMORY is not set (the build's environment).
    ProxyCommand defaults = new ProxyCommand();
    CommandLine line = new CommandLine(defaults);
    // No fixed default: under this test's heap the share is 64 MiB, as the old fixed default was,
    // so the value alone could not tell them apart.
    assertEquals(null, line.getCommandSpec().findOption("--replay-memory").defaultValue());
    line.parseArgs();
    assertEquals(ReplayMemory.defaultMaxBytes(), defaults.options().replayMemoryBytes());

    ProxyCommand flagged = new ProxyCommand();
    new CommandLine(flagged).parseArgs("--replay-memory", "8MiB");
    assertEquals(8L << 20, flagged.options().replayMemoryBytes());
  }

  @Test
  void aSharedStoreAndItsConversationTtlAreParsed() {
    ProxyCommand command = new ProxyCommand();
    new CommandLine(command)
        .parseArgs("--ccr-store", "redis://10.0.0.5:6379/2", "--ccr-conversation-ttl", "6h");
    ProxyOptions options = command.options();
    assertEquals("redis://10.0.0.5:6379/2", options.ccrStore().orElseThrow().toString());
    assertEquals(Duration.ofHours(6), options.ccrConversationTtl());
  }

  @Test
  void compressionIsTurnedOffWithAValue() {
    ProxyCommand command = new ProxyCommand();
    new CommandLine(command).parseArgs("--compression", "off", "--compression-budget", "20ms");
    ProxyOptions options = command.options();
    assertEquals(false, options.compression());
    assertEquals(Duration.ofMillis(20), options.compressionBudget());
  }

  @Test
  void bedrockResigningIsOffUnlessTurnedOn() {
    ProxyCommand defaults = new ProxyCommand();
    new CommandLine(defaults).parseArgs();
    assertEquals(false, defaults.options().bedrockResign());

    ProxyCommand on = new ProxyCommand();
    new CommandLine(on).parseArgs("--bedrock-resign", "on", "--bedrock-region", "eu-west-3");
    assertEquals(true, on.options().bedrockResign());
    assertEquals("eu-west-3", on.options().bedrockRegion());
    assertTrue(on.options().bedrockCredentials().isEmpty(), "the default chain");
  }

  @Test
  void protectedToolsDefaultToTheEditorsAndAreReplacedByTheFlag() {
    ProxyCommand defaults = new ProxyCommand();
    new CommandLine(defaults).parseArgs();
    assertEquals(ProtectedTools.defaults(), defaults.options().protectedTools());

    ProxyCommand listed = new ProxyCommand();
    new CommandLine(listed).parseArgs("--protect-tools", "default, mcp__github__*");
    ProtectedTools tools = listed.options().protectedTools();
    assertTrue(tools.protects("Read") && tools.protects("mcp__github__get_file"), tools.toString());

    ProxyCommand none = new ProxyCommand();
    new CommandLine(none).parseArgs("--protect-tools", "none");
    assertTrue(none.options().protectedTools().isEmpty());
  }
}
