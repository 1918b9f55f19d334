package dev.headroom.bench.proxy;

import dev.headroom.bench.Samples;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak: the proxy runs as its own process (the jlink image or any launcher, with its defaults), 64
 * connections keep chat requests with nothing to compress in flight (half of them 1 KB, half 100
 * KB), and every interval the proxy's RSS (from /proc) and its heap after a full GC (via {@code
 * jcmd}) are printed, so "flat" can be judged.
 *
 * <p>Usage: {@code ProxySoak SECONDS INTERVAL_SECONDS COMMAND...}, where COMMAND starts the proxy
 * and gets {@code --port 0 --openai-api-url …} appended, for example {@code
 * headroom-proxy-vertx/target/image/bin/headroom proxy}.
 */
public final class ProxySoak {

  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private ProxySoak() {}

  public static void main(String[] args) throws Exception {
    int seconds = Integer.parseInt(args[0]);
    int interval = Integer.parseInt(args[1]);
    List<String> command = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
    Vertx vertx = Vertx.vertx();
    Buffer answer = Buffer.buffer("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}");
    HttpServer upstream =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(
                request -> request.body().onSuccess(body -> request.response().end(answer)));
    upstream.listen().toCompletionStage().toCompletableFuture().get();
    ProxyProcess proxy = ProxyProcess.start(command, "http://127.0.0.1:" + upstream.actualPort());
    int port = proxy.port();
    System.out.printf(Locale.ROOT, "boot to /healthz: %d ms%n%n", proxy.boot().toMillis());

    HttpClient client =
        vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(64));
    RequestOptions options =
        new RequestOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setMethod(HttpMethod.POST)
            .setURI("/v1/chat/completions")
            .putHeader("content-type", "application/json");
    Buffer small = chat(960);
    Buffer large = chat(100 * 1024 - 60);
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    for (int c = 0; c < 64; c++) {
      Buffer body = c % 2 == 0 ? small : large;
      new Object() {
        void next() {
          if (running.get()) {
            client
                .request(options)
                .compose(r -> r.send(body))
                .compose(r -> r.body())
                .onComplete(
                    result -> {
                      (result.succeeded() ? completed : failed).incrementAndGet();
                      next();
                    });
          }
        }
      }.next();
    }
    System.out.println(
        "| elapsed s | requests/s | errors | proxy RSS MB | proxy heap after GC MB |");
    System.out.println("|---|---|---|---|---|");
    long previous = 0;
    for (int elapsed = interval; elapsed <= seconds; elapsed += interval) {
      Thread.sleep(TimeUnit.SECONDS.toMillis(interval));
      long now = completed.get();
      System.out.printf(
          Locale.ROOT,
          "| %d | %d | %d | %.1f | %.1f |%n",
          elapsed,
          (now - previous) / interval,
          failed.get(),
          proxy.rssKb() / 1024.0,
          heapAfterGcKb(proxy.jvmPid()) / 1024.0);
      previous = now;
    }
    running.set(false);
    System.out.println("\nThe proxy's collector over the soak: " + proxy.gcPauses().describe());
    proxy.close();
    vertx.close();
  }

  /** A chat request with nothing to compress: one user message of {@code chars} letters. */
  private static Buffer chat(int chars) {
    return Buffer.buffer(
        ("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + Samples.filler(chars)
                + "\"}]}")
            .getBytes(StandardCharsets.UTF_8));
  }

  private static long heapAfterGcKb(long pid) throws IOException, InterruptedException {
    run("jcmd", Long.toString(pid), "GC.run");
    String info = run("jcmd", Long.toString(pid), "GC.heap_info");
    Matcher m = HEAP_USED.matcher(info);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(30, TimeUnit.SECONDS);
    return output;
  }
}
