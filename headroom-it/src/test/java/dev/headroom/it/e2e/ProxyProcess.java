package dev.headroom.it.e2e;

import dev.headroom.proxy.HeadroomProxy;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real proxy as its own process, started on the module path as the ./headroom launcher does.
 */
final class ProxyProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s]+)");

  private final Process process;

  /** {@code http://host:port} the proxy reported. */
  final String url;

  private ProxyProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * @param arguments the command line after {@code proxy} ({@code --host 127.0.0.1 --port 0} come
   *     first)
   * @return the proxy, once it reported where it listens
   */
  static ProxyProcess start(String... arguments) throws IOException, URISyntaxException {
    Path proxyJar =
        Path.of(HeadroomProxy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path target = proxyJar.getParent();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "--module-path",
                String.join(
                    File.pathSeparator,
                    proxyJar.toString(),
                    target.resolve("modules").toString(),
                    target.resolve("lib").toString()),
                "--module",
                "dev.headroom.proxy/dev.headroom.proxy.internal.cli.ProxyCommand",
                "--host",
                "127.0.0.1",
                "--port",
                "0"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      return new ProxyProcess(process, awaitListening(process));
    } catch (RuntimeException | Error failure) {
      process.destroyForcibly();
      throw failure;
    }
  }

  private static String awaitListening(Process proxy) throws IOException {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    output.lines().forEach(ignored -> {});
                  } catch (UncheckedIOException closed) {
                    // the stream closes under the reader when the test stops the proxy
                  }
                },
                "proxy-output");
        drain.setDaemon(true);
        drain.start();
        return listening.group(1);
      }
    }
    throw new AssertionError("the proxy did not report it was listening; its output:\n" + seen);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
