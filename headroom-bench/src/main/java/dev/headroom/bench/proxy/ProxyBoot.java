package dev.headroom.bench.proxy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Boot time: starts the proxy as its own process (the jlink image or any launcher, with its
 * defaults) again and again, and reports the time from the process's start to its first 200 from
 * {@code /healthz} ({@link ProxyProcess}), one start at a time with a pause between them. One start
 * is too noisy to judge a change by on this machine (0.45–0.75 s for the same image, the JIT's
 * compiler threads and the start's own threads sharing two cores); the median of a run is not.
 *
 * <p>Usage: {@code ProxyBoot STARTS COMMAND...}, where COMMAND starts the proxy and gets {@code
 * --port 0 --openai-api-url …} appended, for example {@code
 * headroom-proxy-vertx/target/image/bin/headroom proxy}. Several commands may be compared in one
 * run, their starts alternated: separate them with {@code --vs}.
 */
public final class ProxyBoot {

  private ProxyBoot() {}

  public static void main(String[] args) throws Exception {
    int starts = Integer.parseInt(args[0]);
    List<List<String>> commands = new ArrayList<>();
    commands.add(new ArrayList<>());
    for (String arg : Arrays.asList(args).subList(1, args.length)) {
      if (arg.equals("--vs")) {
        commands.add(new ArrayList<>());
      } else {
        commands.get(commands.size() - 1).add(arg);
      }
    }
    // Nothing is sent upstream: the gateway only needs an address for its routes.
    HttpServer upstream =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.start();
    String url = "http://127.0.0.1:" + upstream.getAddress().getPort();
    long[][] boots = new long[commands.size()][starts];
    try {
      for (int i = 0; i < starts; i++) {
        for (int c = 0; c < commands.size(); c++) {
          try (ProxyProcess proxy = ProxyProcess.start(commands.get(c), url)) {
            boots[c][i] = proxy.boot().toNanos();
          }
          TimeUnit.MILLISECONDS.sleep(500); // the stopped process's exit, off the next start
        }
      }
    } finally {
      upstream.stop(0);
    }
    for (int c = 0; c < commands.size(); c++) {
      Percentiles p = new Percentiles(boots[c]);
      System.out.printf(
          Locale.ROOT,
          "%s%n  boot to /healthz over %d starts: median %d ms, p90 %d, min %d, max %d%n",
          String.join(" ", commands.get(c)),
          starts,
          ms(p.at(50)),
          ms(p.at(90)),
          ms(p.at(0)),
          ms(p.max()));
    }
  }

  private static long ms(long nanos) {
    return Duration.ofNanos(nanos).toMillis();
  }
}
