package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots the jlink image built by {@code ./mvnw verify} and asks it for {@code /healthz} and {@code
 * /metrics}; runs its {@code compress} command on a small file; checks its launcher: the JVM
 * defaults, {@code HEADROOM_JAVA_OPTS}, the class-data archive; signs a Bedrock request again with
 * credentials from the environment (the AWS SDK's modules, patched for jlink, at work).
 */
class RuntimeImageIT {

  private static final Pattern LISTENING =
      Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  private static Path launcher() {
    Path launcher =
        Path.of(System.getProperty("headroom.image", "target/image"), "bin", "headroom");
    assertTrue(Files.isExecutable(launcher), launcher + " is built");
    return launcher;
  }

  @Test
  void theRuntimeImageStartsAndAnswersHealthzAndMetrics(@TempDir Path tmp) throws Exception {
    Path launcher = launcher();
    ProcessBuilder builder =
        new ProcessBuilder(
                launcher.toString(), "--port", "0", "--openai-api-url", "http://127.0.0.1:9")
            .redirectErrorStream(true);
    builder.environment().put("HEADROOM_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
    Process process = builder.start();
    try {
      int port = awaitPort(process, new StringBuilder());
      assertEquals(200, status("http://127.0.0.1:" + port + "/healthz"));
      assertEquals(200, status("http://127.0.0.1:" + port + "/metrics"));
      // The collector's meters need jdk.management, which the image must hold (bound on a worker
      // once the gateway listens).
      String[] scrape = {""};
      assertTrue(
          Tests.eventually(
              () -> {
                scrape[0] = body("http://127.0.0.1:" + port + "/metrics");
                return scrape[0].contains("jvm_gc_max_data_size_bytes")
                    && scrape[0].contains("jvm_buffer_memory_used_bytes{id=\"direct\"}");
              }),
          () -> "the JVM's meters missing from the image's /metrics:\n" + scrape[0]);
      try (var made = Files.list(tmp)) {
        assertEquals(
            List.of(),
            made.map(path -> path.getFileName().toString()).toList(),
            "the gateway serves no files: Vert.x sets up no file cache (vertx-cache) at start");
      }
      assertEquals(
          0,
          process.descendants().count(),
          "bin/headroom execs the JVM, so a signal to the launcher reaches the gateway itself");
    } finally {
      process.destroy();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "SIGTERM stops the image");
    }
  }

  @Test
  void eachRequestGetsItsAccessLogLineInTheGatewaysFormat() throws Exception {
    Process process =
        new ProcessBuilder(
                launcher().toString(), "--port", "0", "--openai-api-url", "http://127.0.0.1:9")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      int port = -1;
      for (String line; port < 0 && (line = out.readLine()) != null; ) {
        Matcher m = LISTENING.matcher(line);
        port = m.find() ? Integer.parseInt(m.group(1)) : -1;
      }
      HttpURLConnection post = postChat(port, "{\"model\":\"gpt-4o\",\"messages\":[]}");
      assertEquals(502, post.getResponseCode(), "nothing listens on port 9");
      post.disconnect();
      // Written in the background and flushed once the writer has nothing more queued: the line
      // must come without more traffic to push it out.
      Pattern access =
          Pattern.compile(
              "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z INFO dev\\.headroom\\.proxy\\.access"
                  + " event=request .*status=502");
      CompletableFuture<String> found =
          CompletableFuture.supplyAsync(
              () -> out.lines().filter(line -> access.matcher(line).find()).findFirst().orElse(""));
      assertTrue(found.get(20, TimeUnit.SECONDS).contains("failure=upstream_connect"), found.get());
    } finally {
      process.destroy();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void theImageSignsACompressedBedrockRequestAgainWithCredentialsFromTheEnvironment(
      @TempDir Path home) throws Exception {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    VerifyingBedrock bedrock = VerifyingBedrock.start(vertx);
    ProcessBuilder builder =
        new ProcessBuilder(
                launcher().toString(),
                "--port",
                "0",
                "--bedrock-api-url",
                bedrock.url(),
                "--bedrock-region",
                "eu-central-1",
                "--bedrock-resign",
                "on")
            .redirectErrorStream(true);
    // Only the environment: no profile of whoever runs the build, no instance metadata.
    builder.environment().put("HOME", home.toString());
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().put("AWS_ACCESS_KEY_ID", VerifyingBedrock.GATEWAY_KEY);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", VerifyingBedrock.GATEWAY_SECRET);
    Process process = builder.start();
    try {
      StringBuilder startup = new StringBuilder();
      int port = awaitPort(process, startup);
      assertTrue(startup.toString().contains("Bedrock re-signing on"), startup.toString());
      assertFalse(startup.toString().contains("SLF4J"), startup.toString());

      String uri = "/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse";
      String body =
          "{\"messages\":[{\"role\":\"user\",\"content\":[{\"toolResult\":{\"toolUseId\":\"tu1\","
              + "\"content\":[{\"json\":{\"orders\":"
              + LiveZoneCompressionTest.orders()
              + "}}]}}]}]}";
      Tests.Reply reply =
          Tests.post(
              Tests.client(vertx),
              port,
              uri,
              body,
              VerifyingBedrock.clientSigned("127.0.0.1:" + port, uri, body, "us-east-1"));
      assertEquals(200, reply.status(), reply.text());
      VerifyingBedrock.Received received = bedrock.take();
      assertTrue(received.verdict().valid(), received.verdict().why());
      assertEquals(VerifyingBedrock.GATEWAY_KEY, received.verdict().accessKeyId());
      assertEquals("eu-central-1", received.verdict().region());
      assertTrue(received.body().length() < body.length() / 2, received.body());
    } finally {
      process.destroy();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "SIGTERM stops the image");
      Tests.await(vertx.close());
    }
  }

  /**
   * With {@code --otlp-endpoint}, the image's patched OpenTelemetry modules export each exchange's
   * spans over OTLP/HTTP (protobuf, by the JDK's HttpClient); on SIGTERM what is pending goes out.
   */
  @Test
  void theImageExportsTheSpansOfAnExchangeToAnOtlpCollector() throws Exception {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    FakeUpstream openai = FakeUpstream.start(vertx);
    openai.respond(
        (request, body) ->
            request
                .response()
                .putHeader("content-type", "application/json")
                .end(
                    "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}"));
    java.util.concurrent.BlockingQueue<String> exported =
        new java.util.concurrent.LinkedBlockingQueue<>();
    io.vertx.core.http.HttpServer collector =
        Tests.await(
            vertx
                .createHttpServer()
                .requestHandler(
                    request ->
                        request
                            .body()
                            .onSuccess(
                                body -> {
                                  exported.add(
                                      request.path()
                                          + " "
                                          + request.getHeader("content-type")
                                          + " "
                                          + body.toString(StandardCharsets.ISO_8859_1));
                                  request.response().end();
                                }))
                .listen(0, "127.0.0.1"));
    Process process =
        new ProcessBuilder(
                launcher().toString(),
                "--port",
                "0",
                "--openai-api-url",
                openai.url(),
                "--otlp-endpoint",
                "http://127.0.0.1:" + collector.actualPort())
            .redirectErrorStream(true)
            .start();
    try {
      StringBuilder startup = new StringBuilder();
      int port = awaitPort(process, startup);
      Tests.Reply reply =
          Tests.post(
              Tests.client(vertx),
              port,
              "/v1/chat/completions",
              "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
      assertEquals(200, reply.status());
      process.destroy();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "SIGTERM stops the image");

      String batch = exported.poll(10, TimeUnit.SECONDS);
      assertTrue(batch != null, "the collector received the spans");
      assertTrue(batch.startsWith("/v1/traces application/x-protobuf "), batch);
      for (String expected : List.of("headroom", "POST chat", "gen_ai.system", "gpt-4o")) {
        assertTrue(batch.contains(expected), expected + " in the exported batch");
      }
    } finally {
      process.destroyForcibly();
      Tests.await(vertx.close());
    }
  }

  /**
   * The launcher maps the class-data archive the build wrote: with {@code -Xshare:on} the JVM
   * refuses to start when it cannot.
   */
  @Test
  void theImageStartsFromItsClassDataArchive() throws Exception {
    assertTrue(
        Files.size(launcher().getParent().resolve("../lib/server/headroom.jsa")) > 0,
        "the build wrote lib/server/headroom.jsa");
    Run run = run("-Xshare:on", "--version");
    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().startsWith("headroom "), run.output());
    // The archive is a static one: it holds picocli, whose Java 5 class files a dynamic archive
    // leaves out on JDK 17 (loaded and verified on every start: about 0.1 s).
    Run loads = run("-Xshare:on -Xlog:class+load=info", "--version");
    assertTrue(
        loads.output().contains("picocli.CommandLine source: shared objects file"),
        "picocli comes from the archive");
    assertTrue(
        loads.output().contains("dev.headroom.proxy.HeadroomProxy source: shared objects file")
            || loads
                .output()
                .contains("dev.headroom.proxy.internal.cli.Main source: shared objects file"),
        "the gateway's own classes come from the archive");
  }

  /**
   * The archive holds what a start's first requests load, as agents' clients send them (plain
   * HTTP/1.1, no h2c upgrade): the classes of the request path are mapped, not read from the image,
   * decompressed and verified while the first request waits (they were not when the build's
   * training run asked for h2c on every request).
   */
  @Test
  void aStartsFirstRequestsLoadNoClassOutsideTheArchive(@TempDir Path tmp) throws Exception {
    Vertx vertx = Vertx.vertx();
    FakeUpstream provider = FakeUpstream.start(vertx);
    Path loads = tmp.resolve("loads.txt");
    ProcessBuilder builder =
        new ProcessBuilder(launcher().toString(), "--port", "0", "--openai-api-url", provider.url())
            .redirectErrorStream(true);
    builder
        .environment()
        .put("HEADROOM_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + loads);
    Process process = builder.start();
    try {
      int port = awaitPort(process, new StringBuilder());
      assertEquals(200, status("http://127.0.0.1:" + port + "/healthz"));
      HttpURLConnection post =
          postChat(
              port, "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
      assertEquals(200, post.getResponseCode());
      post.getInputStream().readAllBytes();
      post.disconnect();
    } finally {
      process.destroy();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS));
      provider.close();
      vertx.close();
    }
    List<String> outside =
        Files.readAllLines(loads).stream()
            .filter(
                line ->
                    line.matches(
                        ".* source: jrt:/(dev\\.headroom|io\\.vertx|io\\.netty|com\\.fasterxml).*"))
            .toList();
    assertTrue(
        Files.readString(loads).contains("io.vertx.core.http.impl.Http1xServerRequestHandler"),
        "the log lists the request path's classes");
    assertEquals(List.of(), outside, "loaded from the image, not the archive");
  }

  @Test
  void aCollectorNamedInHeadroomJavaOptsReplacesTheDefault() throws Exception {
    Run run = run("-XX:+UseSerialGC -Xmx300m", "--version");
    assertEquals(0, run.exit(), run.output());
  }

  @Test
  void bothLaunchersStartTheJvmWithTheSameDefaults() throws Exception {
    String defaults = "-XX:+UseParallelGC -Xmx512m";
    assertTrue(Files.readString(Path.of("src/image/headroom")).contains("$GC -Xmx512m"));
    assertTrue(Files.readString(Path.of("src/image/headroom")).contains("GC=-XX:+UseParallelGC"));
    assertTrue(Files.readString(Path.of("../headroom")).contains(defaults));
  }

  private record Run(int exit, String output) {}

  private static Run run(String javaOpts, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HEADROOM_JAVA_OPTS", javaOpts);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher exits");
    return new Run(process.exitValue(), output);
  }

  @Test
  void theRuntimeImageCompressesAFile(@TempDir Path dir) throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      log.append("2024-06-11T14:00:").append(10 + i % 50).append("Z INFO GET /healthz 200\n");
    }
    log.append(
        "2024-06-11T14:01:00Z ERROR payment authorization failed for order A-10877 (Müller ✓)\n");
    Path input = Files.writeString(dir.resolve("app.log"), log);
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    ProcessBuilder builder =
        new ProcessBuilder(launcher().toString(), "compress", input.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // The output is UTF-8 even where the locale says ASCII, as in many containers.
    builder.environment().put("LC_ALL", "C");
    builder.environment().put("LANG", "C");
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "compress exits");
    } finally {
      process.destroyForcibly();
    }
    String stats = Files.readString(err);
    assertEquals(0, process.exitValue(), stats);
    assertTrue(
        stats.matches(
            "headroom: log log: \\d+ -> \\d+ tokens \\(-\\d+\\.\\d%\\), \\d+ -> \\d+ bytes, .* ms\\R"),
        stats);
    assertTrue(
        Files.readString(out, StandardCharsets.UTF_8)
            .contains("ERROR payment authorization failed for order A-10877 (Müller ✓)"));
  }

  /**
   * Reads the image's output up to the line that says where it listens.
   *
   * @param startup gets every line read
   * @return the port
   */
  private static int awaitPort(Process process, StringBuilder startup) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      startup.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the image did not say where it listens: " + startup);
  }

  /** Sends a chat request to the gateway on {@code port}; the caller reads the answer. */
  private static HttpURLConnection postChat(int port, String json) throws Exception {
    HttpURLConnection post =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + port + "/v1/chat/completions")
                .toURL()
                .openConnection();
    post.setRequestMethod("POST");
    post.setDoOutput(true);
    post.setRequestProperty("content-type", "application/json");
    post.setRequestProperty("authorization", "Bearer sk-test");
    post.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    return post;
  }

  private static String body(String url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      try (var in = connection.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static int status(String url) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    try {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }
}
