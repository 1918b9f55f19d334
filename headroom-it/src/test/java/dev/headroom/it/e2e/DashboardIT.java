package dev.headroom.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: the proxy as its own process serves traffic to a fake provider,
 * then headless Chromium opens {@code /dashboard} on the admin port and must show the numbers
 * {@code /stats} answers. Leaves a screenshot at {@code target/dashboard.png} (the one in {@code
 * docs/images} is such a picture).
 */
class DashboardIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void theDashboardShowsWhatStatsAnswers(@TempDir Path profile) throws Exception {
    assumeBrowser();
    HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] answer =
              ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\","
                      + "\"choices\":[],\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":12,"
                      + "\"prompt_tokens_details\":{\"cached_tokens\":256}}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    upstream.start();
    String upstreamUrl = "http://127.0.0.1:" + upstream.getAddress().getPort();
    int adminPort = freePort();
    try (ProxyProcess proxy =
        ProxyProcess.start(
            "--openai-api-url", upstreamUrl, "--admin-port", Integer.toString(adminPort))) {
      HttpClient http = HttpClient.newHttpClient();
      for (String key : new String[] {"sk-team-a", "sk-team-a", "sk-team-b"}) {
        HttpResponse<String> sent =
            http.send(
                HttpRequest.newBuilder(URI.create(proxy.url + "/v1/chat/completions"))
                    .header("content-type", "application/json")
                    .header("authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(chatWithALargeToolOutput()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());
      }
      String admin = "http://127.0.0.1:" + adminPort;
      JsonNode stats = awaitStats(http, admin, 3);
      Thread.sleep(200); // an exchange booked twice would show within microseconds
      stats = awaitStats(http, admin, 3);
      assertEquals(3, stats.get("requests").asLong(), "one booking per request: " + stats);
      assertEquals(
          3 * 900, stats.at("/provider_tokens/input").asLong(), "the usage the provider answered");
      assertTrue(stats.at("/tokens/saved").asLong() > 0, "something was saved: " + stats);

      WebDriver browser = chromium(profile);
      try {
        browser.manage().window().setSize(new Dimension(1280, 1100));
        browser.get(admin + "/dashboard");
        new WebDriverWait(browser, Duration.ofSeconds(20))
            .until(
                b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-loaded")));

        NumberFormat integers = NumberFormat.getIntegerInstance(Locale.US);
        for (String stat :
            new String[] {
              "requests",
              "tokens.saved",
              "tokens.replayed_saved",
              "tokens.before",
              "tokens.after",
              "provider_cache.read",
              "provider_tokens.input",
              "provider_tokens.output"
            }) {
          String shown =
              browser.findElement(By.cssSelector("[data-stat='" + stat + "']")).getText();
          long expected = stats.at("/" + stat.replace('.', '/')).asLong();
          assertEquals(integers.format(expected), shown, stat);
        }
        double money = stats.get("money_saved_usd").asDouble();
        assertEquals(
            "$" + String.format(Locale.US, money < 1 ? "%.4f" : "%.2f", money),
            browser.findElement(By.cssSelector("[data-stat='money_saved_usd']")).getText());
        assertEquals(
            integers.format(stats.at("/by_model/gpt-4o/tokens/saved").asLong()),
            browser
                .findElement(
                    By.cssSelector("#by_model tr[data-name='gpt-4o'] td[data-col='saved']"))
                .getText());
        assertEquals(
            2,
            browser.findElements(By.cssSelector("#by_credential tr[data-name]")).size(),
            "two keys, shown by their hashes");
        assertTrue(
            !browser.getPageSource().contains("sk-team-a"), "the keys themselves never show");
        assertEquals(60, browser.findElements(By.cssSelector("#minutes g")).size());
        assertEquals(7 * 24, browser.findElements(By.cssSelector("#hours g")).size());

        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(
            shot.toPath(), Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
      } finally {
        browser.quit();
      }
    } finally {
      upstream.stop(0);
    }
  }

  private static String chatWithALargeToolOutput() throws IOException {
    return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
        + JSON.writeValueAsString(Orders.json())
        + "}]}";
  }

  private static JsonNode awaitStats(HttpClient http, String admin, long requests)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    JsonNode stats = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(admin + "/stats")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      stats = JSON.readTree(answer.body());
      if (stats.get("requests").asLong() >= requests) {
        return stats;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the proxy booked fewer than " + requests + " requests: " + stats);
  }

  private static WebDriver chromium(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile.resolve("chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Debian's chromium and chromedriver, installed by the test when it runs as root with apt-get (as
   * the Redis tests install redis-server); otherwise skipped with the reason.
   */
  private static void assumeBrowser() throws InterruptedException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      if (Files.isExecutable(Path.of("/usr/bin/apt-get"))
          && "root".equals(System.getProperty("user.name"))) {
        try {
          Process install =
              new ProcessBuilder(
                      "sh",
                      "-c",
                      "apt-get install -y -qq chromium chromium-driver || (apt-get update -qq &&"
                          + " apt-get install -y -qq chromium chromium-driver)")
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .start();
          if (!install.waitFor(600, TimeUnit.SECONDS)) {
            install.destroyForcibly();
          }
        } catch (IOException noShell) {
          // reported below
        }
      }
    }
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "SKIPPED: no /usr/bin/chromium and /usr/bin/chromedriver, and they could not be installed"
            + " (apt-get install -y chromium chromium-driver as root)");
  }
}
