package dev.headroom.proxy.internal.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.ProtectedTools;
import dev.headroom.compress.ReplayMemory;
import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.ProxyOptions;
import dev.headroom.proxy.internal.stats.Pricing;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code headroom proxy}: parses flags and environment, starts the gateway, serves until stopped.
 */
@Command(
    name = "headroom proxy",
    mixinStandardHelpOptions = true,
    version = "headroom 0.1.0-SNAPSHOT",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Start the Headroom gateway. Point an OpenAI or Anthropic SDK's base URL at it.",
      "Every flag also reads the environment variable named in its description."
    })
@API(status = INTERNAL, since = "0.1")
public final class ProxyCommand implements Callable<Integer> {

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "${env:HEADROOM_HOST:-127.0.0.1}",
      description = "Interface to bind (env HEADROOM_HOST). Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "${env:HEADROOM_PORT:-8787}",
      description =
          "Port to bind, 0 for any free port (env HEADROOM_PORT). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--openai-api-url",
      paramLabel = "URL",
      defaultValue = "${env:OPENAI_TARGET_API_URL:-https://api.openai.com}",
      description =
          "Upstream for OpenAI-shaped traffic (env OPENAI_TARGET_API_URL). Default: ${DEFAULT-VALUE}.")
  String openaiApiUrl;

  @Option(
      names = "--anthropic-api-url",
      paramLabel = "URL",
      defaultValue = "${env:ANTHROPIC_TARGET_API_URL:-https://api.anthropic.com}",
      description =
          "Upstream for /v1/messages* and requests with an anthropic-version header "
              + "(env ANTHROPIC_TARGET_API_URL). Default: ${DEFAULT-VALUE}.")
  String anthropicApiUrl;

  @Option(
      names = "--azure-openai-url",
      paramLabel = "URL[,DEPLOYMENT=URL...]",
      defaultValue = "${env:AZURE_OPENAI_TARGET_API_URL}",
      description =
          "Azure OpenAI / AI Foundry resource endpoint for /openai/... requests, and optionally one "
              + "per deployment (env AZURE_OPENAI_TARGET_API_URL). Default: none.")
  String azureOpenaiUrl;

  @Option(
      names = "--gemini-api-url",
      paramLabel = "URL",
      defaultValue = "${env:GEMINI_TARGET_API_URL:-https://generativelanguage.googleapis.com}",
      description =
          "Upstream for Gemini API requests (env GEMINI_TARGET_API_URL). Default: ${DEFAULT-VALUE}.")
  String geminiApiUrl;

  @Option(
      names = "--vertex-api-url",
      paramLabel = "URL",
      defaultValue = "${env:VERTEX_TARGET_API_URL}",
      description =
          "Vertex AI endpoint for every /v1/projects/... request (env VERTEX_TARGET_API_URL). "
              + "Default: the regional endpoint of the location in each request's path.")
  String vertexApiUrl;

  @Option(
      names = "--vertex-region",
      paramLabel = "REGION",
      defaultValue = "${env:HEADROOM_VERTEX_REGION:-us-central1}",
      description =
          "Vertex AI region of paths that name no location (env HEADROOM_VERTEX_REGION). "
              + "Default: ${DEFAULT-VALUE}.")
  String vertexRegion;

  @Option(
      names = "--bedrock-api-url",
      paramLabel = "URL",
      defaultValue = "${env:BEDROCK_TARGET_API_URL}",
      description =
          "Bedrock Runtime endpoint for /model/... requests (env BEDROCK_TARGET_API_URL). "
              + "Default: https://bedrock-runtime.REGION.amazonaws.com.")
  String bedrockApiUrl;

  @Option(
      names = "--bedrock-region",
      paramLabel = "REGION",
      defaultValue = "${env:HEADROOM_BEDROCK_REGION:-us-east-1}",
      description =
          "AWS region of Bedrock traffic (env HEADROOM_BEDROCK_REGION). Default: ${DEFAULT-VALUE}.")
  String bedrockRegion;

  @Option(
      names = "--bedrock-resign",
      paramLabel = "on|off",
      arity = "1",
      converter = Values.OnOffConverter.class,
      defaultValue = "${env:HEADROOM_BEDROCK_RESIGN:-off}",
      description =
          "Compress SigV4-signed Bedrock requests and sign them again with the gateway's own AWS "
              + "credentials (default chain: AWS_ACCESS_KEY_ID/..., AWS_PROFILE, container or "
              + "instance role); off: they go as they came (env HEADROOM_BEDROCK_RESIGN). "
              + "Default: ${DEFAULT-VALUE}.")
  boolean bedrockResign;

  @Option(
      names = "--extensions-dir",
      paramLabel = "DIR",
      defaultValue = "${env:HEADROOM_EXTENSIONS_DIR}",
      description =
          "Directory of extension jars, each loaded in its own module layer (env HEADROOM_EXTENSIONS_DIR). "
              + "Default: none.")
  Path extensionsDir;

  @Option(
      names = "--max-body-bytes",
      paramLabel = "SIZE",
      converter = Values.SizeConverter.class,
      defaultValue = "${env:HEADROOM_MAX_BODY_BYTES:-100MiB}",
      description =
          "Largest request body; larger ones get 413 (env HEADROOM_MAX_BODY_BYTES). "
              + "Units: KB, MB, GB, KiB, MiB, GiB. Default: ${DEFAULT-VALUE}.")
  long maxBodyBytes;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = Values.DurationConverter.class,
      defaultValue = "${env:HEADROOM_CONNECT_TIMEOUT:-10s}",
      description =
          "Upstream connect timeout; past it 504 (env HEADROOM_CONNECT_TIMEOUT). Default: ${DEFAULT-VALUE}.")
  Duration connectTimeout;

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      converter = Values.DurationConverter.class,
      defaultValue = "${env:HEADROOM_REQUEST_TIMEOUT:-600s}",
      description =
          "Whole upstream exchange timeout; past it 504, or a cut stream "
              + "(env HEADROOM_REQUEST_TIMEOUT). Default: ${DEFAULT-VALUE}.")
  Duration requestTimeout;

  @Option(
      names = "--compression",
      paramLabel = "on|off",
      arity = "1",
      converter = Values.OnOffConverter.class,
      defaultValue = "${env:HEADROOM_COMPRESSION:-on}",
      description =
          "Compress the live zone of chat, messages and responses requests (env HEADROOM_COMPRESSION); "
              + "per request, x-headroom-bypass: true turns it off. Default: ${DEFAULT-VALUE}.")
  boolean compression;

  @Option(
      names = "--compression-budget",
      paramLabel = "DURATION",
      converter = Values.DurationConverter.class,
      defaultValue = "${env:HEADROOM_COMPRESSION_BUDGET:-50ms}",
      description =
          "How long compressing one request may take: past it no further block of the request "
              + "starts; blocks already compressed are sent compressed "
              + "(env HEADROOM_COMPRESSION_BUDGET). Default: ${DEFAULT-VALUE}.")
  Duration compressionBudget;

  @Option(
      names = "--protect-tools",
      paramLabel = "GLOB[,GLOB...]",
      defaultValue = "${env:HEADROOM_PROTECT_TOOLS:-default}",
      description =
          "Tools whose outputs are never compressed, as case-insensitive globs over tool names; "
              + "'default' stands for the file-read and file-edit tools of the common coding agents, "
              + "'none' protects nothing; per request, x-headroom-protect-tools adds more "
              + "(env HEADROOM_PROTECT_TOOLS). Default: ${DEFAULT-VALUE}.")
  String protectTools;

  @Option(
      names = "--auth-token",
      paramLabel = "TOKEN",
      defaultValue = "${env:HEADROOM_AUTH_TOKEN}",
      description =
          "A token of at least 16 characters every client must send in x-headroom-token "
              + "(or Proxy-Authorization: Bearer); others get 401, except GET /healthz "
              + "(env HEADROOM_AUTH_TOKEN). Default: none, open to anyone who can reach the port.")
  String authToken;

  @Option(
      names = "--admin-port",
      paramLabel = "PORT",
      defaultValue = "${env:HEADROOM_ADMIN_PORT}",
      description =
          "Serve /metrics, /healthz and /healthz/upstream on this port of 127.0.0.1 instead of the "
              + "traffic port (0: any free port, printed at start) (env HEADROOM_ADMIN_PORT). "
              + "Default: on the traffic port.")
  Integer adminPort;

  @Option(
      names = "--pricing-file",
      paramLabel = "FILE",
      defaultValue = "${env:HEADROOM_PRICING_FILE}",
      description =
          "JSON prices (USD per million tokens) laid over the shipped list prices, for the money "
              + "/stats and the dashboard show (env HEADROOM_PRICING_FILE). Default: the shipped "
              + "prices.")
  Path pricingFile;

  @Option(
      names = "--otlp-endpoint",
      paramLabel = "URL",
      defaultValue = "${env:HEADROOM_OTLP_ENDPOINT}",
      description =
          "OTLP/HTTP collector to export a span tree per request to, e.g. http://localhost:4318 "
              + "(env HEADROOM_OTLP_ENDPOINT). Default: none, no traces.")
  String otlpEndpoint;

  @Option(
      names = "--rate-limit-rpm",
      paramLabel = "N",
      defaultValue = "${env:HEADROOM_RATE_LIMIT_RPM:-0}",
      description =
          "Requests per minute each credential may send; beyond it 429 with retry-after, shared "
              + "by a fleet through --ccr-store redis:// (env HEADROOM_RATE_LIMIT_RPM). "
              + "Default: ${DEFAULT-VALUE} (no limit).")
  long rateLimitRpm;

  @Option(
      names = "--rate-limit-tpm",
      paramLabel = "N",
      defaultValue = "${env:HEADROOM_RATE_LIMIT_TPM:-0}",
      description =
          "Input tokens per minute each credential may use, as the provider reports them "
              + "(env HEADROOM_RATE_LIMIT_TPM). Default: ${DEFAULT-VALUE} (no limit).")
  long rateLimitTpm;

  @Option(
      names = "--daily-token-budget",
      paramLabel = "N",
      defaultValue = "${env:HEADROOM_DAILY_TOKEN_BUDGET:-0}",
      description =
          "Tokens (input and output) each credential may use per UTC day "
              + "(env HEADROOM_DAILY_TOKEN_BUDGET). Default: ${DEFAULT-VALUE} (no budget).")
  long dailyTokenBudget;

  @Option(
      names = "--ccr-store",
      paramLabel = "memory|redis://HOST:PORT/DB",
      defaultValue = "${env:HEADROOM_CCR_STORE:-memory}",
      description =
          "Where originals of compressed blocks are kept for retrieval; a Redis shared by several "
              + "proxies lets each retrieve the others' (env HEADROOM_CCR_STORE). Default: ${DEFAULT-VALUE}.")
  String ccrStore;

  @Option(
      names = "--ccr-conversation-ttl",
      paramLabel = "DURATION",
      converter = Values.DurationConverter.class,
      defaultValue = "${env:HEADROOM_CCR_CONVERSATION_TTL:-24h}",
      description =
          "With a Redis --ccr-store: how long a conversation keeps the headroom_retrieve tool on every "
              + "proxy after its last request (env HEADROOM_CCR_CONVERSATION_TTL). Default: ${DEFAULT-VALUE}.")
  Duration ccrConversationTtl;

  @Option(
      names = "--replay-memory",
      paramLabel = "SIZE",
      converter = Values.SizeConverter.class,
      // Without the variable the field keeps its value: a share of the heap, found at run time.
      defaultValue = "${env:HEADROOM_REPLAY_MEMORY}",
      description =
          "How many bytes of compressed blocks this proxy keeps so every later turn of their "
              + "conversation sends the same bytes (with a Redis --ccr-store, its local cache) "
              + "(env HEADROOM_REPLAY_MEMORY). Default: an eighth of the heap, at most 64MiB "
              + "(64MiB with the launchers' 512 MiB heap).")
  long replayMemory = ReplayMemory.defaultMaxBytes();

  @Option(
      names = "--replay-ttl",
      paramLabel = "DURATION",
      converter = Values.DurationConverter.class,
      defaultValue = "${env:HEADROOM_REPLAY_TTL:-24h}",
      description =
          "How long a compressed block is replayed after its last use; originals are kept for "
              + "retrieval as long (env HEADROOM_REPLAY_TTL). Default: ${DEFAULT-VALUE}.")
  Duration replayTtl;

  @Option(
      names = "--shutdown-timeout",
      paramLabel = "DURATION",
      converter = Values.DurationConverter.class,
      defaultValue = "${env:HEADROOM_SHUTDOWN_TIMEOUT:-30s}",
      description =
          "How long SIGTERM/SIGINT waits for in-flight requests (env HEADROOM_SHUTDOWN_TIMEOUT). "
              + "Default: ${DEFAULT-VALUE}.")
  Duration shutdownTimeout;

  private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

  private PrintWriter out;
  private PrintWriter err;
  private Callable<Vertx> vertx;

  /**
   * Entry point of {@code ./headroom proxy}.
   *
   * @param args the flags
   */
  public static void main(String[] args) {
    // What does not depend on the flags (the console log, then Vert.x: about a sixth of a start)
    // is set up on a second thread while this one reads the flags (picocli reads the option
    // annotations by reflection, another sixth). call() waits for it before anything else.
    FutureTask<Vertx> early =
        new FutureTask<>(
            () -> {
              installConsoleLog();
              return newVertx();
            });
    Thread starter = new Thread(early, "headroom-start");
    starter.setDaemon(true);
    starter.start();
    int code =
        run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), early::get);
    System.exit(code);
  }

  /**
   * One line per record when System.Logger falls back to the JDK's console logging: the gateway's
   * own console handler unless the user configured logging ({@link ConsoleLog}), and the same
   * format for the JDK's SimpleFormatter, read when it first logs. -D on the command line wins.
   */
  private static void installConsoleLog() {
    if (System.getProperty(LOG_FORMAT) == null) {
      System.setProperty(LOG_FORMAT, "%1$tFT%1$tT.%1$tLZ %4$s %3$s %5$s%6$s%n");
      ConsoleLog.installUnlessConfigured();
    }
  }

  /**
   * The gateway's Vert.x. It serves no files: without class-path resolving, Vert.x sets up no file
   * cache directory at start (a random name, so a SecureRandom seeded on the start path).
   */
  private static Vertx newVertx() {
    return Vertx.vertx(
        new VertxOptions()
            .setFileSystemOptions(
                new FileSystemOptions()
                    .setClassPathResolvingEnabled(false)
                    .setFileCachingEnabled(false)));
  }

  /**
   * Parses and runs; returns only after the proxy stopped, or at once on a bad flag or {@code
   * --help}.
   *
   * @param args the flags
   * @param out standard output
   * @param err standard error
   * @return the exit code: 0 ok, 1 could not start, 2 bad usage
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, ProxyCommand::newVertx);
  }

  /**
   * @param vertx gives the Vert.x to serve on, waiting for it if it is still being made (its
   *     failure, or an {@link ExecutionException} wrapping one, is reported as "could not start");
   *     asked for only once the flags are read and valid
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Callable<Vertx> vertx) {
    ProxyCommand command = new ProxyCommand();
    command.out = out;
    command.err = err;
    command.vertx = vertx;
    CommandLine cli = new CommandLine(command);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (failure, ignored) -> {
          err.println("headroom proxy: " + failure.getMessage() + " (see --help)");
          return 2;
        });
    return cli.execute(args);
  }

  /**
   * @return the options, or a one-line reason
   */
  ProxyOptions options() {
    ProxyOptions.Builder builder =
        ProxyOptions.builder()
            .host(host)
            .port(port)
            .openaiApiUrl(openaiApiUrl)
            .anthropicApiUrl(anthropicApiUrl)
            .maxBodyBytes(maxBodyBytes)
            .connectTimeout(connectTimeout)
            .requestTimeout(requestTimeout)
            .shutdownTimeout(shutdownTimeout)
            .compression(compression)
            .compressionBudget(compressionBudget)
            .protectedTools(ProtectedTools.parse(protectTools))
            .ccrStore(ccrStore)
            .ccrConversationTtl(ccrConversationTtl)
            .replayMemoryBytes(replayMemory)
            .replayTtl(replayTtl);
    if (extensionsDir != null) {
      builder.extensionsDir(extensionsDir);
    }
    builder
        .geminiApiUrl(geminiApiUrl)
        .vertexRegion(vertexRegion)
        .bedrockRegion(bedrockRegion)
        .bedrockResign(bedrockResign);
    if (vertexApiUrl != null && !vertexApiUrl.isBlank()) {
      builder.vertexApiUrl(vertexApiUrl);
    }
    if (bedrockApiUrl != null && !bedrockApiUrl.isBlank()) {
      builder.bedrockApiUrl(bedrockApiUrl);
    }
    if (adminPort != null) {
      builder.adminPort(adminPort);
    }
    if (pricingFile != null) {
      builder.pricingFile(pricingFile);
    }
    if (otlpEndpoint != null && !otlpEndpoint.isBlank()) {
      builder.otlpEndpoint(otlpEndpoint);
    }
    builder
        .rateLimitRpm(rateLimitRpm)
        .rateLimitTpm(rateLimitTpm)
        .dailyTokenBudget(dailyTokenBudget);
    if (authToken != null && !authToken.isBlank()) {
      builder.authToken(authToken);
    }
    if (azureOpenaiUrl != null && !azureOpenaiUrl.isBlank()) {
      for (String entry : azureOpenaiUrl.split(",")) {
        int equals = entry.indexOf('=');
        if (entry.isBlank()) {
          continue;
        } else if (equals < 0) {
          builder.azureOpenaiUrl(entry);
        } else {
          builder.azureDeployment(entry.substring(0, equals), entry.substring(equals + 1));
        }
      }
    }
    return builder.build();
  }

  @Override
  public Integer call() throws InterruptedException {
    ProxyOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException bad) {
      err.println("headroom proxy: " + bad.getMessage() + " (see --help)");
      return 2;
    }
    // The shipped prices (and with them Jackson's first start, about 40 ms) are read here, while
    // Vert.x may still be being set up on the start thread (see main), rather than after it.
    Pricing.defaults();
    Vertx vertx;
    try {
      vertx = this.vertx.call();
    } catch (InterruptedException interrupted) {
      throw interrupted;
    } catch (Exception failure) {
      Throwable cause =
          failure instanceof ExecutionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      err.println("headroom proxy: could not start: " + describe(cause));
      return 1;
    }
    HeadroomProxy proxy = HeadroomProxy.create(vertx, options);
    int bound;
    try {
      bound = proxy.start().toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException failure) {
      err.println("headroom proxy: could not start: " + describe(failure.getCause()));
      vertx.close();
      return 1;
    }
    out.println(
        "headroom proxy listening on http://"
            + options.host()
            + ":"
            + bound
            + " (openai -> "
            + options.openaiApiUrl()
            + ", anthropic -> "
            + options.anthropicApiUrl()
            + ")");
    if (proxy.adminPort() >= 0) {
      out.println(
          "headroom admin on http://127.0.0.1:"
              + proxy.adminPort()
              + " (/metrics, /healthz, /healthz/upstream)");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    proxy
                        .stop()
                        .eventually(vertx::close)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(options.shutdownTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
                  } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
                    // Exiting anyway.
                  } finally {
                    stopped.countDown();
                  }
                },
                "headroom-shutdown"));
    stopped.await();
    return 0;
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName()
        + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
  }
}
