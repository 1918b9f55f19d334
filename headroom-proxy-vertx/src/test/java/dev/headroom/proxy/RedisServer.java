package dev.headroom.proxy;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} on a free loopback port, without persistence. Where none is
 * installed, Debian's is installed when the test runs as root with apt-get; otherwise the test is
 * skipped with the reason.
 */
public final class RedisServer implements AutoCloseable {

  private final Process process;
  final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static RedisServer start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return startOn(port);
  }

  /** A server on a given port: a stopped one started again where its clients look for it. */
  public static RedisServer startOn(int port) throws Exception {
    String binary = locate();
    Assumptions.assumeTrue(
        binary != null,
        "SKIPPED: no redis-server on PATH and it could not be installed (apt-get install -y redis-server as root)");
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
    if (!Tests.eventually(server::accepting)) {
      server.close();
      Assumptions.abort("SKIPPED: redis-server did not start on port " + port);
    }
    return server;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  boolean accepting() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
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
