package dev.headroom.bench.proxy;

import dev.headroom.api.PipelineExtensions;
import dev.headroom.bench.Samples;
import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.ProxyOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Added latency of the proxy (proxy minus direct) against an instant local upstream, in interleaved
 * rounds, and pass-through throughput at 64 connections. Everything runs on 127.0.0.1; the
 * upstream, the proxy and the load generator each get their own Vert.x instance.
 *
 * <p>Usage: {@code ProxyLoadHarness [rounds] [requestsPerRound] [throughputSeconds]
 * [pass|prose|compress|session|replay] [--proxy-command CMD…]}; defaults 12 200 10 pass. Without
 * {@code --proxy-command} the proxy runs in this JVM (a diagnostic); with it, CMD starts it as
 * users run it (for example {@code ./headroom proxy} or {@code
 * headroom-proxy-vertx/target/image/bin/headroom proxy}), with nothing added but {@code --port 0},
 * the upstream URLs and a GC log ({@link ProxyProcess}), and the harness also reports its boot
 * time, RSS and collector pauses. {@code pass}: bodies with nothing to compress, one line of filler
 * words (in-process, compression off); {@code prose}: the same request, its text paragraphs of
 * ordinary English with line breaks (the gateway's check that the text is the user's own words
 * reads its start line by line); {@code compress}: bodies whose newest tool output is a JSON array;
 * {@code session}: an agent's later turn, a history of tool calls and their JSON outputs of the
 * given size and a short question last (nothing to compress: the outputs are older than the newest
 * user text), sent to a gateway that has already compressed one request, as a gateway in use has;
 * {@code replay}: an agent's session whose every turn ends on a new tool output, sent turn by turn
 * first (each output compressed while it was the newest), then its last turn measured: every tool
 * output of it replayed as compressed before (the steady state of an agent session, less the newest
 * output's own compression; 10 KB to 1 MB).
 */
public final class ProxyLoadHarness {

  private static final int[] SIZES = {1024, 10 * 1024, 100 * 1024, 1024 * 1024};
  private static final int CONNECTIONS = 64;

  private ProxyLoadHarness() {}

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Exception | AssertionError failure) {
      // Vert.x's threads would keep a failed run alive.
      failure.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    // "pass": compression off, bodies with nothing to compress (the gateway's own cost).
    // "compress": compression on, each body a chat request whose latest tool output is a JSON
    // array.
    compress = args.length > 3 && args[3].equals("compress");
    prose = args.length > 3 && args[3].equals("prose");
    session = args.length > 3 && args[3].equals("session");
    replay = args.length > 3 && args[3].equals("replay");
    int commandAt = Arrays.asList(args).indexOf("--proxy-command");
    List<String> command =
        commandAt < 0 ? List.of() : Arrays.asList(args).subList(commandAt + 1, args.length);

    Vertx upstreamVertx = Vertx.vertx();
    Vertx proxyVertx = Vertx.vertx();
    Vertx loadVertx = Vertx.vertx();
    Buffer answer = Buffer.buffer("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}");
    HttpServer upstream =
        upstreamVertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body ->
                                request
                                    .response()
                                    .putHeader("content-type", "application/json")
                                    .end(answer)));
    await(upstream.listen());
    int direct = upstream.actualPort();
    // The proxy in this JVM (a diagnostic: the harness's heap and collector, compression budget
    // raised so every block is compressed), or as users run it: its own process, its defaults.
    HeadroomProxy proxy = null;
    ProxyProcess process = null;
    int viaProxy;
    if (command.isEmpty()) {
      proxy =
          HeadroomProxy.create(
              proxyVertx,
              ProxyOptions.builder()
                  .port(0)
                  .openaiApiUrl("http://127.0.0.1:" + direct)
                  .anthropicApiUrl("http://127.0.0.1:" + direct)
                  .extensions(PipelineExtensions.none())
                  .compression(compress || prose || session || replay)
                  .compressionBudget(Duration.ofSeconds(1))
                  .build());
      viaProxy = await(proxy.start());
    } else {
      process = ProxyProcess.start(command, "http://127.0.0.1:" + direct);
      viaProxy = process.port();
      System.out.printf(
          Locale.ROOT,
          "# The proxy: %s (its own process, default settings); boot to /healthz %d ms%n%n",
          String.join(" ", command),
          process.boot().toMillis());
    }
    // The floor: vertx-http-proxy's reverse proxy, one server per event loop like the proxy's, on
    // its
    // own Vert.x instance. What Headroom adds beyond it is Headroom's own cost.
    Vertx rawVertx = Vertx.vertx();
    ProxyProcess rawProcess = null;
    int viaRaw;
    if (command.isEmpty()) {
      viaRaw = await(RawVertxProxy.deploy(rawVertx, direct));
    } else {
      // As its own process too, with the JVM's defaults: the floor a Vert.x gateway run as users
      // run one starts from.
      rawProcess = ProxyProcess.start(RawVertxProxy.command(), "http://127.0.0.1:" + direct);
      viaRaw = rawProcess.port();
    }

    // JIT warm-up over every size first, so the first size's rounds do not pay for compiling the
    // paths all sizes share (which showed as a p99 of 2-4 ms at 1 KB only).
    int warmUp = Integer.getInteger("headroom.bench.warmup", 1500);
    System.out.printf(
        Locale.ROOT,
        "# Proxy added latency (%d interleaved rounds x %d sequential requests per target, "
            + "after a warm-up of %,d requests per size and target, first 2 rounds discarded; "
            + "microseconds)%n%n",
        rounds,
        perRound,
        warmUp);
    System.out.println(
        "| body | direct p50 | direct p99 | direct max | proxy p50 | proxy p99 | proxy max | added p50 | added p99 "
            + "| raw Vert.x proxy added p50 | raw added p99 |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    HttpClient single =
        loadVertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(1));
    if (session) {
      // A gateway in use has compressed something: from then on it may owe a conversation the
      // retrieval tool, and every request is looked at for it.
      String saved =
          await(
              single
                  .request(post(viaProxy).putHeader("authorization", "Bearer sk-bench-first"))
                  .compose(r -> r.send(toolOutputBody(100 * 1024)))
                  .compose(
                      r ->
                          r.body()
                              .map(b -> String.valueOf(r.getHeader("x-headroom-tokens-saved")))));
      if (!saved.matches("[1-9]\\d*")) {
        throw new AssertionError("the gateway did not compress the first request: " + saved);
      }
    }
    // -Dheadroom.bench.sizes=102400,… measures only those sizes (for profiling one of them).
    int[] sizes =
        System.getProperty("headroom.bench.sizes") == null
            ? (replay ? REPLAY_SIZES : SIZES)
            : Arrays.stream(System.getProperty("headroom.bench.sizes").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
    for (int size : sizes) {
      if (replay) {
        converse(single, viaProxy, size);
      }
      Buffer body = body(size);
      int n = size >= 1 << 20 ? Math.max(1, warmUp / 10) : warmUp;
      await(sequential(single, direct, body, n));
      await(sequential(single, viaProxy, body, n));
      await(sequential(single, viaRaw, body, n));
    }
    OVERHEADS.clear();
    StringBuilder overheads = new StringBuilder();
    Duration roundsFrom = uptime(process);
    for (int size : sizes) {
      Buffer body = body(size);
      int kept = rounds - 2;
      int[] targets = {direct, viaProxy, viaRaw};
      long[][] samples = new long[3][kept * perRound];
      for (int round = 0; round < rounds; round++) {
        // Each round rotates which target goes first, so a drift in the host's speed hits all three
        // alike.
        for (int step = 0; step < 3; step++) {
          int t = (round + step) % 3;
          long[] taken = await(sequential(single, targets[t], body, perRound));
          if (round >= 2) {
            System.arraycopy(taken, 0, samples[t], (round - 2) * perRound, perRound);
          }
        }
      }
      long[] directSamples = samples[0];
      long[] proxySamples = samples[1];
      Percentiles r = new Percentiles(samples[2]);
      Percentiles d = new Percentiles(directSamples);
      Percentiles o = new Percentiles(OVERHEADS.stream().mapToLong(Long::longValue).toArray());
      OVERHEADS.clear();
      overheads.append(
          String.format(
              Locale.ROOT, "| %s | %.0f | %.0f |%n", label(size), us(o.at(50)), us(o.at(99))));
      Percentiles p = new Percentiles(proxySamples);
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | **%.0f** | **%.0f** | %.0f | %.0f |%n",
          label(size),
          us(d.at(50)),
          us(d.at(99)),
          us(d.max()),
          us(p.at(50)),
          us(p.at(99)),
          us(p.max()),
          us(p.at(50) - d.at(50)),
          us(p.at(99) - d.at(99)),
          us(r.at(50) - d.at(50)),
          us(r.at(99) - d.at(99)));
    }

    Duration roundsTo = uptime(process);
    System.out.printf(
        Locale.ROOT,
        "%n# Inside the proxy: arrival to upstream call (x-headroom-overhead-ms; all rounds)%n%n"
            + "| body | p50 | p99 |%n|---|---|---|%n%s",
        overheads);
    // -Dheadroom.bench.throughputWarmup=S: S seconds of this load on each target before it is
    // measured. The default 3 s measures JVMs still compiling the 64-connection path (the JIT
    // takes about half a minute of it on two cores); 45 measures them as a gateway up for a while.
    int throughputWarmUp = Integer.getInteger("headroom.bench.throughputWarmup", 3);
    // The mode's 1 KB body; replay mode's smallest session (one 2 KB tool output) is larger.
    Buffer small = body(1024);
    System.out.printf(
        Locale.ROOT,
        "%n# Throughput, %,d-byte POST /v1/chat/completions, %d connections, %d s each after %d s"
            + " of warm-up%n%n",
        small.length(),
        CONNECTIONS,
        seconds,
        throughputWarmUp);
    System.out.println("| target | requests/s | errors |");
    System.out.println("|---|---|---|");
    HttpClient pooled =
        loadVertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(CONNECTIONS));
    throughput(pooled, direct, small, throughputWarmUp);
    long[] directRate = throughput(pooled, direct, small, seconds);
    throughput(pooled, viaProxy, small, throughputWarmUp);
    Duration throughputFrom = uptime(process);
    long[] proxyRate = throughput(pooled, viaProxy, small, seconds);
    Duration throughputTo = uptime(process);
    throughput(pooled, viaRaw, small, throughputWarmUp);
    long[] rawRate = throughput(pooled, viaRaw, small, seconds);
    System.out.printf(
        Locale.ROOT,
        "| direct | %d | %d |%n| proxy | %d | %d |%n| raw Vert.x proxy | %d | %d |%n",
        directRate[0] / seconds,
        directRate[1],
        proxyRate[0] / seconds,
        proxyRate[1],
        rawRate[0] / seconds,
        rawRate[1]);

    if (process != null) {
      System.out.printf(Locale.ROOT, "%nProxy RSS at the end: %.0f MB%n", process.rssKb() / 1024.0);
      System.out.println("The proxy's collector over the run: " + process.gcPauses().describe());
      // Apart: a start's warm-up makes the longest young pauses, and a tail of the rounds is often
      // nothing but the pauses that fell in them.
      System.out.println(
          "  of which in the latency rounds: "
              + process.gcPauses(roundsFrom, roundsTo).describe()
              + "; in the proxy's measured throughput window: "
              + process.gcPauses(throughputFrom, throughputTo).describe());
      process.close();
      rawProcess.close();
    } else {
      await(proxy.stop());
    }
    await(rawVertx.close());
    await(loadVertx.close());
    await(proxyVertx.close());
    await(upstreamVertx.close());
  }

  /** The gateway process's uptime now, to window its collector pauses; zero in-process. */
  private static Duration uptime(ProxyProcess process) {
    return process == null ? Duration.ZERO : process.uptime();
  }

  /** Sends {@code n} requests one after another on one connection; returns each round-trip time. */
  private static Future<long[]> sequential(HttpClient client, int port, Buffer body, int n) {
    Promise<long[]> done = Promise.promise();
    long[] samples = new long[n];
    new Object() {
      void next(int i) {
        if (i == n) {
          done.complete(samples);
          return;
        }
        long start = System.nanoTime();
        client
            .request(post(port))
            .compose(r -> r.send(body))
            .compose(
                r -> {
                  String overhead = r.getHeader("x-headroom-overhead-ms");
                  if (overhead != null && OVERHEADS.size() < 1_000_000) {
                    OVERHEADS.add((long) (Double.parseDouble(overhead) * 1e6));
                  }
                  return r.body();
                })
            .onComplete(
                result -> {
                  samples[i] = System.nanoTime() - start;
                  if (result.failed()) {
                    done.fail(result.cause());
                  } else {
                    next(i + 1);
                  }
                });
      }
    }.next(0);
    return done.future();
  }

  /**
   * Keeps {@link #CONNECTIONS} requests in flight for {@code seconds}; returns {completed, failed}.
   */
  private static long[] throughput(HttpClient client, int port, Buffer body, int seconds)
      throws InterruptedException {
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch stopped = new CountDownLatch(CONNECTIONS);
    for (int c = 0; c < CONNECTIONS; c++) {
      new Object() {
        void next() {
          if (!running.get()) {
            stopped.countDown();
            return;
          }
          client
              .request(post(port))
              .compose(r -> r.send(body))
              .compose(r -> r.body())
              .onComplete(
                  result -> {
                    (result.succeeded() ? completed : failed).incrementAndGet();
                    next();
                  });
        }
      }.next();
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    running.set(false);
    stopped.await(30, TimeUnit.SECONDS);
    return new long[] {completed.get(), failed.get()};
  }

  /**
   * A request to {@code port}. With compression on, each request comes from an API key of its own:
   * the proxy replays what it compressed for a key (docs/prompt-caching.md), so the same body under
   * the same key would measure the replay of a remembered block, not compression.
   */
  private static RequestOptions post(int port) {
    String key = compress ? "sk-bench-" + KEYS.incrementAndGet() : "sk-bench";
    return new RequestOptions()
        .setHost("127.0.0.1")
        .setPort(port)
        .setMethod(HttpMethod.POST)
        .setURI("/v1/chat/completions")
        .putHeader("content-type", "application/json")
        .putHeader("authorization", "Bearer " + key);
  }

  private static final AtomicLong KEYS = new AtomicLong();

  private static boolean compress;
  private static boolean prose;
  private static boolean session;
  private static boolean replay;

  /** Replay mode's sizes: its smallest session, one 2 KB tool output, is already over 2 KB. */
  private static final int[] REPLAY_SIZES = {10 * 1024, 100 * 1024, 1024 * 1024};

  /**
   * The proxy's own {@code x-headroom-overhead-ms} (arrival to upstream call) of each proxied
   * sample, in nanoseconds.
   */
  private static final List<Long> OVERHEADS = new ArrayList<>();

  private static Buffer body(int size) {
    if (replay) {
      return Buffer.buffer(LAST_TURNS.computeIfAbsent(size, ProxyLoadHarness::lastTurn));
    }
    return session
        ? sessionBody(size)
        : compress ? toolOutputBody(size) : prose ? proseBody(size) : paddedBody(size);
  }

  /**
   * Replay mode: the agent's conversation up to the measured turn, turn by turn, through the
   * gateway, so each tool output was compressed while it was the newest (as it is in a session);
   * then the measured turn twice. The run stops unless the second says blocks were replayed.
   */
  private static void converse(HttpClient client, int viaProxy, int size) throws Exception {
    List<byte[]> turns = replayTurns(size);
    LAST_TURNS.put(size, turns.get(turns.size() - 1));
    String replayed = "";
    for (int t = 0; t <= turns.size(); t++) {
      Buffer turn = Buffer.buffer(turns.get(Math.min(t, turns.size() - 1)));
      replayed =
          await(
              client
                  .request(post(viaProxy))
                  .compose(r -> r.send(turn))
                  .compose(
                      r ->
                          r.body()
                              .map(
                                  b ->
                                      String.valueOf(
                                          r.getHeader("x-headroom-tokens-saved-replayed")))));
    }
    if (!replayed.matches("[1-9]\\d*")) {
      throw new AssertionError(
          "the gateway replayed nothing of the " + size + " B turn: " + replayed);
    }
  }

  /**
   * Replay mode's measured body by size: the session's turns are built once (a 1 MB session's 124
   * turns are 62 MB together), its last one kept.
   */
  private static final Map<Integer, byte[]> LAST_TURNS = new HashMap<>();

  private static byte[] lastTurn(int size) {
    List<byte[]> turns = replayTurns(size);
    return turns.get(turns.size() - 1);
  }

  /**
   * An agent's session of about {@code size} bytes, turn by turn: a system prompt and a question,
   * then tool calls each answered by a JSON array of orders (about 8 KB, escaped inside its string
   * as clients send it; one order in 97 failed), each turn ending on its newest tool output, which
   * the gateway compresses; the last turn is the one measured.
   */
  static List<byte[]> replayTurns(int size) {
    String head =
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"You are an"
            + " operations agent.\"},{\"role\":\"user\",\"content\":\"Which orders failed this"
            + " week?\"}";
    List<byte[]> turns = new ArrayList<>();
    StringBuilder messages = new StringBuilder(size + 16 * 1024);
    for (int call = 0; call == 0 || head.length() + messages.length() < size - 9 * 1024; call++) {
      messages
          .append(",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c")
          .append(call)
          .append("\",\"type\":\"function\",\"function\":{\"name\":\"list_orders\",")
          .append("\"arguments\":\"{\\\"page\\\":")
          .append(call)
          .append("}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c")
          .append(call)
          .append("\",\"content\":\"[");
      int outputEnd = messages.length() + Math.min(8 * 1024, Math.max(2 * 1024, size - 1024));
      for (int i = 0; i == 0 || messages.length() < outputEnd; i++) {
        messages
            .append(i == 0 ? "" : ",")
            .append("{\\\"id\\\":\\\"ord_")
            .append(call * 10_000 + i)
            .append("\\\",\\\"status\\\":\\\"")
            .append((call * 131 + i) % 97 == 5 ? "FAILED" : "shipped")
            .append("\\\",\\\"total\\\":")
            .append(10 + i % 90)
            .append(".50}");
      }
      messages.append("]\"}");
      turns.add((head + messages + "]}").getBytes(StandardCharsets.UTF_8));
    }
    return turns;
  }

  /**
   * An agent's later turn of about {@code size} bytes: a system prompt and a first question, then
   * tool calls each answered by a JSON array of files (about 8 KB each, fewer when the size is
   * small), then the agent's answer and a short question, whose turn has nothing to compress.
   */
  static byte[] sessionBytes(int size) {
    String tail =
        ",{\"role\":\"assistant\",\"content\":\"The build passes now.\"},"
            + "{\"role\":\"user\",\"content\":\"Thanks. Anything else to clean up?\"}]}";
    StringBuilder text =
        new StringBuilder(size + 16 * 1024)
            .append("{\"model\":\"gpt-4o\",\"messages\":[")
            .append("{\"role\":\"system\",\"content\":\"You are a coding agent.\"},")
            .append("{\"role\":\"user\",\"content\":\"Fix the failing build.\"}");
    for (int call = 0; text.length() + tail.length() < size - 400; call++) {
      text.append(",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c")
          .append(call)
          .append("\",\"type\":\"function\",\"function\":{\"name\":\"list_files\",")
          .append("\"arguments\":\"{\\\"dir\\\":\\\"src\\\"}\"}}]},")
          .append("{\"role\":\"tool\",\"tool_call_id\":\"c")
          .append(call)
          .append("\",\"content\":\"[");
      int outputEnd = Math.min(text.length() + 8 * 1024, size - tail.length() - 200);
      for (int i = 0; i == 0 || text.length() < outputEnd; i++) {
        text.append(i == 0 ? "" : ",")
            .append("{\\\"path\\\":\\\"src/main/java/App")
            .append(call * 1000 + i)
            .append(".java\\\",\\\"size\\\":")
            .append(1000 + (call * 7919 + i * 104729) % 90000)
            .append(",\\\"note\\\":\\\"ok \\\\\\\"unchanged\\\\\\\"\\\"}");
      }
      text.append("]\"}");
    }
    return text.append(tail).toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Buffer sessionBody(int size) {
    return Buffer.buffer(sessionBytes(size));
  }

  private static Buffer toolOutputBody(int size) {
    return Buffer.buffer(toolOutputBytes(size));
  }

  /**
   * @param size about how many bytes
   * @return a chat request whose latest tool message holds a JSON array of orders (one FAILED in
   *     97)
   */
  public static byte[] toolOutputBytes(int size) {
    String head =
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"which orders failed?\"},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"[";
    StringBuilder text = new StringBuilder(size).append(head);
    for (int i = 0; text.length() < size - 200; i++) {
      text.append(i == 0 ? "" : ",")
          .append("{\\\"id\\\":\\\"ord_")
          .append(100000 + i)
          .append("\\\",\\\"status\\\":\\\"")
          .append(i % 97 == 5 ? "FAILED" : "shipped")
          .append("\\\",\\\"total\\\":")
          .append(10 + i % 90)
          .append(".50}");
    }
    text.append("]\"}]}");
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code pass} body: a chat request of exactly {@code size} bytes, its text filler. */
  private static Buffer paddedBody(int size) {
    int room = size - Samples.userRequest("").length();
    return Buffer.buffer(
        Samples.userRequest(Samples.filler(room)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param size about how many bytes
   * @return the {@code prose} body: a chat request whose only message is paragraphs of a user's
   *     prose ({@link Samples#userProse}), its line breaks escaped as every client sends them
   */
  private static Buffer proseBody(int size) {
    int room = size - Samples.userRequest("").length();
    String first = Samples.userRequest(Samples.userProse(room, false));
    // Less the escapes the first one took, so the request comes out at about size bytes.
    String request = Samples.userRequest(Samples.userProse(room - (first.length() - size), false));
    return Buffer.buffer(request.getBytes(StandardCharsets.UTF_8));
  }

  private static String label(int size) {
    return size >= 1024 * 1024 ? size / (1024 * 1024) + " MB" : size / 1024 + " KB";
  }

  private static double us(long nanos) {
    return nanos / 1000.0;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }
}
