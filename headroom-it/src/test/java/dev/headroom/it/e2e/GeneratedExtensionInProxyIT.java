package dev.headroom.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extension author's whole journey: the project the archetype generated (and the archetype's
 * integration test built, earlier in this build) is dropped into the proxy's extensions directory;
 * the real proxy, started as `./headroom proxy` starts it, redacts the fake API key before the
 * upstream sees the request.
 */
class GeneratedExtensionInProxyIT {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s]+)");
  private static final String FAKE_KEY = "sk-live-ABCDEFGHIJKLMNOPQRST123456";

  @Test
  void theGeneratedRedactorRunsInsideTheProxy(@TempDir Path extensions) throws Exception {
    Path generated = Path.of(System.getProperty("headroom.generated.project"), "target");
    Path jar;
    try (Stream<Path> files = Files.list(generated)) {
      jar =
          files
              .filter(file -> file.getFileName().toString().matches("acme-redactor-.*\\.jar"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no jar in "
                              + generated
                              + ": the archetype's integration test builds it; run the whole ./mvnw verify"));
    }
    Files.copy(jar, extensions.resolve(jar.getFileName()));

    BlockingQueue<String> upstreamBodies = new LinkedBlockingQueue<>();
    HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          upstreamBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer =
              "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    upstream.start();
    String upstreamUrl = "http://127.0.0.1:" + upstream.getAddress().getPort();
    try (ProxyProcess proxy =
        ProxyProcess.start(
            "--openai-api-url",
            upstreamUrl,
            "--anthropic-api-url",
            upstreamUrl,
            "--extensions-dir",
            extensions.toString())) {
      String proxyUrl = proxy.url;
      String body =
          "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
              + "{\"role\":\"user\",\"content\":\"my key "
              + FAKE_KEY
              + " gets 401, why?\"}]}";

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(proxyUrl + "/v1/chat/completions"))
                      .header("content-type", "application/json")
                      .header("authorization", "Bearer sk-test")
                      .timeout(Duration.ofSeconds(20))
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      String received = upstreamBodies.poll(10, TimeUnit.SECONDS);
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(
          received != null && received.contains("my key [redacted] gets 401"),
          "upstream received: " + received);
      assertFalse(received.contains(FAKE_KEY), "the key reached the upstream");
      assertTrue(received.contains("\"be brief\""), "the rest of the request is kept");
    } finally {
      upstream.stop(0);
    }
  }
}
