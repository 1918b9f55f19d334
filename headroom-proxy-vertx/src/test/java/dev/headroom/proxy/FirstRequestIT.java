package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first request a fresh gateway process gets is compressed, with its default settings: the
 * jlink image as users start it, one new process per run ({@code -Dheadroom.firstRequest.runs},
 * default 2), alternately a JSON array of 600 orders (about 50 KB) and a log of 3,000 lines (about
 * 250 KB) as the newest tool output. Before the time budget stopped only further blocks, such first
 * requests were compressed and then sent uncompressed, having run past 50 ms on a cold JVM.
 */
class FirstRequestIT {

  private static final Pattern LISTENING =
      Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theFirstCompressibleRequestOfAFreshProcessIsCompressed() throws Exception {
    int runs = Integer.getInteger("headroom.firstRequest.runs", 2);
    Path launcher =
        Path.of(System.getProperty("headroom.image", "target/image"), "bin", "headroom");
    assertTrue(Files.isExecutable(launcher), launcher + " is built");
    Vertx vertx = Vertx.vertx();
    try (FakeUpstream upstream = FakeUpstream.start(vertx)) {
      HttpClient client = Tests.client(vertx);
      for (int run = 0; run < runs; run++) {
        String output = run % 2 == 0 ? ordersOf(600) : log(3_000);
        String body =
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":"
                + JSON.writeValueAsString(output)
                + "}]}";
        Process proxy =
            new ProcessBuilder(
                    launcher.toString(), "--port", "0", "--openai-api-url", upstream.url())
                .redirectErrorStream(true)
                .start();
        try {
          int port = port(proxy);
          Tests.Reply reply = Tests.post(client, port, "/v1/chat/completions", body);
          byte[] sent = upstream.take().body();
          String saved = reply.headers().get("x-headroom-tokens-saved");
          assertNotNull(saved, "run " + run + ": the response says what was saved");
          assertTrue(Integer.parseInt(saved) > 0, "run " + run + ": saved " + saved);
          assertTrue(
              sent.length < body.length() / 4,
              "run " + run + ": sent " + sent.length + " of " + body.length() + " bytes");
        } finally {
          proxy.descendants().forEach(ProcessHandle::destroy);
          proxy.destroy();
          proxy.waitFor(20, TimeUnit.SECONDS);
        }
      }
    } finally {
      Tests.await(vertx.close());
    }
  }

  private static int port(Process process) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        // The process keeps logging to the pipe; drain it so it never blocks on a full one.
        Thread drain = new Thread(() -> out.lines().forEach(ignored -> {}), "drain");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the proxy never said where it listens");
  }

  private static String ordersOf(int count) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"ord_")
          .append(100000 + i)
          .append("\",\"customer\":\"cus_")
          .append(7000 + i % 40)
          .append("\",\"total\":")
          .append(10 + i % 90)
          .append(".50,\"status\":\"")
          .append(i == 417 ? "FAILED" : "shipped")
          .append("\"}");
    }
    return json.append(']').toString();
  }

  private static String log(int lines) {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      log.append("2026-12-06T10:")
          .append(10 + i / 60 % 50)
          .append(':')
          .append(10 + i % 50)
          .append(".123Z INFO  [worker-")
          .append(i % 8)
          .append("] order service handled GET /v1/orders/")
          .append(100000 + i)
          .append(" in ")
          .append(3 + i % 40)
          .append(" ms\n");
      if (i == 2_345) {
        log.append(
            "2026-12-06T10:49:05.123Z ERROR [worker-3] order ord_102345 failed: card declined\n");
      }
    }
    return log.toString();
  }
}
