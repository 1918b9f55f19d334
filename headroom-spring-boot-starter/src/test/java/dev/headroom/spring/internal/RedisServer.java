package dev.headroom.spring.internal;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} on a free loopback port, without persistence; skipped without one (CI
 * installs it). One that is installed and does not start fails the test.
 */
final class RedisServer implements AutoCloseable {

  private final Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * A port found free may be taken before redis-server binds it (the server then exits): each of a
   * few free ports is tried until Redis itself answers {@code PING}.
   */
  static RedisServer start() throws Exception {
    String binary = null;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        binary = candidate.getPath();
        break;
      }
    }
    Assumptions.assumeTrue(binary != null, "SKIPPED: no redis-server on PATH");
    for (int attempt = 0; attempt < 5; attempt++) {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Process process =
          new ProcessBuilder(
                  binary,
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      RedisServer server = new RedisServer(process, port);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (process.isAlive() && !server.answers() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      if (process.isAlive() && server.answers()) {
        return server;
      }
      server.close();
    }
    throw new AssertionError("redis-server did not start on any of 5 free ports");
  }

  String uri() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  private boolean answers() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(1_000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      return "+PONG\r\n"
          .equals(new String(socket.getInputStream().readNBytes(7), StandardCharsets.US_ASCII));
    } catch (IOException notYet) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
