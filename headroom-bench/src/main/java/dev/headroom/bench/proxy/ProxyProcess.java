package dev.headroom.bench.proxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as users run it: its own process, started by a launcher ({@code ./headroom proxy},
 * the jlink image's {@code bin/headroom proxy}, or any command) with nothing added but {@code
 * --port 0}, the upstream URLs and {@code -Xlog:gc} to a file (through {@code HEADROOM_JAVA_OPTS},
 * after the launcher's settings, changing none of them). Its output is drained (the access log
 * stays on, as by default); its boot time is the time from start to the first 200 from {@code
 * /healthz}; its RSS is read from {@code /proc} for the JVM itself (a launcher script's child, when
 * there is one); its collector's pauses from the GC log.
 */
public final class ProxyProcess implements AutoCloseable {

  private static final Pattern LISTENING =
      Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final int port;
  private final Duration boot;
  private final Path gcLog;
  private final long started;

  private ProxyProcess(Process process, int port, long started, Path gcLog) {
    this.process = process;
    this.port = port;
    this.boot = Duration.ofNanos(System.nanoTime() - started);
    this.started = started;
    this.gcLog = gcLog;
  }

  /**
   * Starts the command and waits until it serves {@code /healthz}.
   *
   * @param command the launcher and its arguments
   * @param upstream the base URL both providers' routes are sent to
   * @return the running gateway
   * @throws IOException when it cannot be started or never says where it listens
   */
  public static ProxyProcess start(List<String> command, String upstream) throws IOException {
    List<String> full = new ArrayList<>(command);
    full.addAll(
        List.of("--port", "0", "--openai-api-url", upstream, "--anthropic-api-url", upstream));
    // The collector's pauses go to a file (a launcher takes HEADROOM_JAVA_OPTS after its own
    // settings, and -Xlog changes none of them); any other command ignores the variable.
    Path gcLog = Files.createTempFile("headroom-gc-", ".log");
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    String opts = builder.environment().getOrDefault("HEADROOM_JAVA_OPTS", "");
    builder
        .environment()
        .put("HEADROOM_JAVA_OPTS", (opts + " -Xlog:gc:file=" + gcLog + "::filecount=0").strip());
    long started = System.nanoTime();
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    int port = -1;
    StringBuilder said = new StringBuilder();
    for (String line; port < 0 && (line = out.readLine()) != null; ) {
      said.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
      }
    }
    if (port < 0) {
      process.destroy();
      Files.deleteIfExists(gcLog);
      throw new IOException("the gateway never said where it listens:\n" + said);
    }
    Thread drain =
        new Thread(
            () -> {
              try {
                out.lines().forEach(ignored -> {});
              } catch (UncheckedIOException closed) {
                // The gateway stopped.
              }
            },
            "gateway-output");
    drain.setDaemon(true);
    drain.start();
    awaitHealthy(port);
    return new ProxyProcess(process, port, started, gcLog);
  }

  /**
   * Polls {@code GET /healthz} over a bare socket (an HTTP client's own start-up would be counted
   * as the gateway's) until it answers 200.
   */
  private static void awaitHealthy(int port) throws IOException {
    byte[] request =
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        socket.getOutputStream().write(request);
        byte[] head = socket.getInputStream().readNBytes(12);
        if (new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 200")) {
          return;
        }
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("/healthz never answered 200");
      }
    }
  }

  /**
   * @return the port it listens on
   */
  public int port() {
    return port;
  }

  /**
   * @return from the process's start to its first served {@code /healthz}
   */
  public Duration boot() {
    return boot;
  }

  /**
   * @return the pid of the JVM: a launcher script's child when the command is a script
   */
  public long jvmPid() {
    return process.descendants().map(ProcessHandle::pid).findFirst().orElse(process.pid());
  }

  /**
   * @return the JVM's resident set size in KiB, from {@code /proc/PID/status}
   */
  public long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + jvmPid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return the collector's pauses so far, from the {@code -Xlog:gc} file the process was started
   *     with (none for a command that is not a Headroom launcher)
   */
  public GcPauses gcPauses() {
    return GcPauses.parse(gcLines());
  }

  /**
   * @return how long ago the process was started: about its JVM's uptime, which {@code -Xlog:gc}
   *     stamps each pause with (the JVM starts a few milliseconds after the launcher)
   */
  public Duration uptime() {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /**
   * @param from a window's start, as {@link #uptime()} read it
   * @param to its end
   * @return the collector's pauses that began in that window
   */
  public GcPauses gcPauses(Duration from, Duration to) {
    return GcPauses.parse(gcLines(), from.toNanos() / 1e9, to.toNanos() / 1e9);
  }

  private List<String> gcLines() {
    try {
      return Files.readAllLines(gcLog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the gateway (SIGTERM to it and its children) and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try {
      Files.deleteIfExists(gcLog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
