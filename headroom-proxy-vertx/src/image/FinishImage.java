import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finishes the jlink image after jlink made it (run by the build as a single-file program: {@code
 * java FinishImage.java IMAGE LAUNCHER}):
 *
 * <ol>
 *   <li>installs {@code bin/headroom}, the launcher with the gateway's JVM settings;
 *   <li>writes the JDK's base class-data-sharing archive ({@code java -Xshare:dump});
 *   <li>runs the gateway once on 127.0.0.1 against a local fake provider — health, metrics, a chat
 *       request whose tool output it compresses, a streamed one, an Anthropic and a Responses
 *       request — listing every class it loads ({@code -XX:DumpLoadedClassList}), and writes those
 *       classes, the JDK's with the gateway's, into one static archive, {@code
 *       lib/server/headroom.jsa} ({@code -Xshare:dump}), which the launcher maps at start. A static
 *       archive, not a dynamic one ({@code -XX:ArchiveClassesAtExit}): only a static one on JDK 17
 *       holds classes compiled for Java 5, as picocli's are, and loading and verifying those took
 *       about 0.1 s of every start.
 * </ol>
 *
 * The archive only makes a start faster: a launcher that finds none, or one the JVM refuses, starts
 * as before.
 */
public final class FinishImage {

  private static final Pattern LISTENING =
      Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  /**
   * Classes a start loads on some timings only, so one training run may miss them: Netty's promise
   * for a bind that came before its channel's registration finished (seen once in a start's first
   * requests, 2026-12-07). Archived whether or not the training run loaded them.
   */
  private static final List<String> TIMING_DEPENDENT =
      List.of("io/netty/bootstrap/AbstractBootstrap$PendingRegistrationPromise");

  public static void main(String[] args) throws Exception {
    Path image = Path.of(args[0]);
    Path launcher = image.resolve("bin/headroom");
    Files.copy(Path.of(args[1]), launcher, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

    String java = image.resolve("bin/java").toString();
    run(List.of(java, "-Xshare:dump", "-Xlog:cds=off"));

    Path archive = image.resolve("lib/server/headroom.jsa");
    Files.deleteIfExists(archive);
    Path classList = Files.createTempFile("headroom-", ".classlist");
    HttpServer provider = provider();
    String upstream = "http://127.0.0.1:" + provider.getAddress().getPort();
    Process gateway =
        new ProcessBuilder(
                java,
                "-XX:DumpLoadedClassList=" + classList,
                "-m",
                "dev.headroom.proxy/dev.headroom.proxy.internal.cli.Main",
                "proxy",
                "--port",
                "0",
                "--openai-api-url",
                upstream,
                "--anthropic-api-url",
                upstream)
            .redirectErrorStream(true)
            .start();
    try {
      train(port(gateway));
    } finally {
      gateway.destroy(); // SIGTERM: a normal exit, at which the JVM completes the class list
      if (!gateway.waitFor(120, TimeUnit.SECONDS)) {
        gateway.destroyForcibly();
        throw new IllegalStateException("the training run did not stop");
      }
      provider.stop(0);
    }
    List<String> listed = Files.readAllLines(classList);
    List<String> missed = TIMING_DEPENDENT.stream().filter(name -> !listed.contains(name)).toList();
    // Written whole, each line ended: an append would join the first name to a last line the JVM
    // left without its newline.
    Files.write(classList, Stream.concat(listed.stream(), missed.stream()).toList());
    run(
        List.of(
            java,
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + classList,
            "-XX:SharedArchiveFile=" + archive,
            "-Xlog:cds=off"));
    Files.delete(classList);
    if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
      throw new IllegalStateException("no class-data archive was written to " + archive);
    }
    System.out.printf("image finished: %s (%,d bytes)%n", archive, Files.size(archive));
  }

  private static int port(Process gateway) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder said = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      said.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(ignored -> {}));
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new IllegalStateException("the training run never listened:\n" + said);
  }

  /** What users' first requests do, so the classes they need are in the archive. */
  private static void train(int port) throws Exception {
    // HTTP/1.1 as agents' clients speak it: the JDK's client would otherwise ask every request to
    // upgrade to h2c, and the gateway's plain HTTP/1.1 request path (its handler, response, the
    // codec's classes) would be missing from the archive and loaded, decompressed and verified on
    // every start's first request. One round asks for the upgrade, as some clients do.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpClient upgrading = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    StringBuilder orders = new StringBuilder("[");
    for (int i = 0; i < 400; i++) {
      orders
          .append(i == 0 ? "" : ",")
          .append("{\\\"id\\\":\\\"ord_")
          .append(100000 + i)
          .append("\\\",\\\"status\\\":\\\"")
          .append(i == 217 ? "FAILED" : "shipped")
          .append("\\\"}");
    }
    String tool = orders.append(']').toString();
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      log.append("2026-12-06T10:00:")
          .append(i % 60)
          .append("Z INFO GET /v1/items/")
          .append(i)
          .append(" 200\\n");
    }
    log.append("2026-12-06T10:59:59Z ERROR payment failed\\n");
    String chat =
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
            + "\"function\":{\"name\":\"orders\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\""
            + tool
            + "\"}]";
    List<HttpRequest> requests = new ArrayList<>();
    requests.add(get(base + "/healthz"));
    requests.add(get(base + "/metrics"));
    requests.add(get(base + "/v1/retrieve/0123456789abcdef"));
    requests.add(post(base + "/v1/chat/completions", chat + "}"));
    requests.add(post(base + "/v1/chat/completions", chat + ",\"stream\":true}"));
    requests.add(
        post(
            base + "/v1/messages",
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\""
                + log
                + "\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}"));
    requests.add(
        post(
            base + "/v1/responses",
            "{\"model\":\"gpt-5\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":\""
                + tool
                + "\"}]}"));
    requests.add(post(base + "/v1/models", "{}"));
    for (int round = 0; round < 3; round++) {
      for (HttpRequest request : requests) {
        (round == 0 ? upgrading : http).send(request, HttpResponse.BodyHandlers.discarding());
      }
    }
    // The compressors' warm-up runs in the background once the gateway listens: let it finish.
    Thread.sleep(5_000);
  }

  private static HttpRequest get(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).build();
  }

  private static HttpRequest post(String uri, String body) {
    return HttpRequest.newBuilder(URI.create(uri))
        .header("content-type", "application/json")
        .header("authorization", "Bearer sk-training")
        .header("x-api-key", "sk-training")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Answers every request as a provider would: JSON, or an event stream when asked for one. */
  private static HttpServer provider() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean stream = body.contains("\"stream\":true");
          byte[] answer =
              (stream
                      ? "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                          + "\"delta\":{\"content\":\"ord_100217\"}}]}\n\n"
                          + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                          + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1}}\n\ndata: [DONE]\n\n"
                      : "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                          + "{\"role\":\"assistant\",\"content\":\"ord_100217\"},\"finish_reason\":\"stop\"}],"
                          + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1,"
                          + "\"prompt_tokens_details\":{\"cached_tokens\":0}}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("content-type", stream ? "text/event-stream" : "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }
}
