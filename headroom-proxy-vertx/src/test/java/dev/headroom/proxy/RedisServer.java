package dev.headroom.proxy;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} on a free loopback port, without persistence. Where none is
 * installed, Debian's is installed when the test runs as root with apt-get; otherwise the test is
 * skipped with the reason. One that is installed and does not start fails the test: CI proves the
 * shared store, it never skips it for a reason of its own.
 */
public final class RedisServer implements AutoCloseable {

  /** How many free ports {@link #start()} tries. */
  private static final int PORTS_TRIED = 5;

  private final Process process;
  final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * A port found free may be taken before redis-server binds it (the server then exits, or another
   * process answers there): each of a few free ports is tried until Redis itself answers.
   */
  public static RedisServer start() throws Exception {
    String binary = binary();
    for (int attempt = 0; attempt < PORTS_TRIED; attempt++) {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      RedisServer server = launch(binary, port);
      if (server != null) {
        return server;
      }
    }
    throw new AssertionError("redis-server did not start on any of " + PORTS_TRIED + " free ports");
  }

  /** A server on a given port: a stopped one started again where its clients look for it. */
  public static RedisServer startOn(int port) throws Exception {
    RedisServer server = launch(binary(), port);
    if (server == null) {
      throw new AssertionError("redis-server did not start again on port " + port);
    }
    return server;
  }

  private static String binary() throws InterruptedException {
    String binary = locate();
    Assumptions.assumeTrue(
        binary != null,
        "SKIPPED: no redis-server on PATH and it could not be installed (apt-get install -y redis-server as root)");
    return binary;
  }

  /**
   * @return the server once it answers {@code PING}; {@code null} (and the process stopped) when it
   *     exited first or never answered
   */
  private static RedisServer launch(String binary, int port) throws Exception {
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
                "no",
                "--protected-mode",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    RedisServer server = new RedisServer(process, port);
    if (Tests.eventually(() -> !process.isAlive() || server.answers()) && process.isAlive()) {
      return server;
    }
    server.close();
    return null;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** Whether Redis answers on the port: {@code PING}, {@code +PONG}. */
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

  private static String locate() throws InterruptedException {
    String found = onPath();
    if (found != null
        || !new File("/usr/bin/apt-get").canExecute()
        || !"root".equals(System.getProperty("user.name"))) {
      return found;
    }
    try {
      Process install =
          new ProcessBuilder(
                  "sh",
                  "-c",
                  "apt-get install -y -qq redis-server || (apt-get update -qq && apt-get install -y -qq redis-server)")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!install.waitFor(180, TimeUnit.SECONDS)) {
        install.destroyForcibly();
      }
    } catch (IOException noShell) {
      return null;
    }
    return onPath();
  }

  private static String onPath() {
    for (String dir :
        System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").split(File.pathSeparator)) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    File debian = new File("/usr/bin/redis-server");
    return debian.canExecute() ? debian.getPath() : null;
  }

  /** Stops the server (the outage tests call this mid-test). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
