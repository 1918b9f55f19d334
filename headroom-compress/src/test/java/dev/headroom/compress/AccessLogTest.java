package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Web access logs in the formats servers and load balancers write are detected as logs and come
 * back as a table of route and status groups with counts, every failing route's requests shown,
 * ordinary traffic counted, and the whole shrunk by more than 80%.
 */
class AccessLogTest {

  private static final Compressor COMPRESSOR = Compressor.create();

  /** How one request is written by each server. */
  enum Format {
    NGINX_COMBINED_WITH_TIMINGS(
        (r, i) ->
            r.ip
                + " - - [06/Dec/2026:11:"
                + two(i / 60 % 60)
                + ":"
                + two(i % 60)
                + " +0000] \"GET "
                + r.target
                + " HTTP/1.1\" "
                + r.status
                + " "
                + r.bytes
                + " \"https://shop.example/\" \"Mozilla/5.0\" rt=0."
                + two(i % 97)
                + " uct=\"0.000\" urt=\"0.0"
                + two(i % 89)
                + "\""),
    APACHE_COMMON(
        (r, i) ->
            r.ip
                + " - alice [06/Dec/2026:11:"
                + two(i / 60 % 60)
                + ":"
                + two(i % 60)
                + " +0100] \"POST "
                + r.target
                + " HTTP/1.0\" "
                + r.status
                + " "
                + r.bytes),
    ENVOY(
        (r, i) ->
            "[2026-12-06T11:"
                + two(i / 60 % 60)
                + ":"
                + two(i % 60)
                + ".000Z] \"GET "
                + r.target
                + " HTTP/2\" "
                + r.status
                + " - 0 "
                + r.bytes
                + " 12 11 \"-\" \"curl/8.5\" \"5f1c-"
                + i
                + "\" \"shop.internal\" \"10.0.3.7:8080\""),
    AWS_ALB(
        (r, i) ->
            "https 2026-12-06T11:"
                + two(i / 60 % 60)
                + ":"
                + two(i % 60)
                + ".123456Z app/shop-alb/50dc6c495c0c9188 "
                + r.ip
                + ":52341 10.0.2.17:8080 0.001 0.0"
                + two(i % 90)
                + " 0.000 "
                + r.status
                + " "
                + r.status
                + " 312 "
                + r.bytes
                + " \"GET https://shop.example.com:443"
                + r.target
                + " HTTP/1.1\" \"Mozilla/5.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2");

    final BiFunction<Request, Integer, String> writer;

    Format(BiFunction<Request, Integer, String> writer) {
      this.writer = writer;
    }
  }

  private record Request(String ip, String target, int status, int bytes) {}

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private record Log(String text, Map<String, Integer> failingGroups) {}

  /** Mostly healthy traffic; one route fails now and then with 503, another has a few 404s. */
  private static Log log(Format format, long seed) {
    Random random = new Random(seed);
    // Asset names carry a content hash, as bundlers write them.
    String[] routes = {
      "/cart", "/products/%d", "/products/%d/reviews", "/account", "/static/%x.css"
    };
    List<String> lines = new ArrayList<>();
    Map<String, Integer> failing = new LinkedHashMap<>();
    int count = 1800 + random.nextInt(800);
    for (int i = 0; i < count; i++) {
      String route = routes[random.nextInt(routes.length)];
      String target = String.format(route, 0x10000000 + random.nextInt(1 << 27));
      if (random.nextInt(4) == 0) {
        target += "?ref=" + random.nextInt(1000);
      }
      int status = 200;
      if (route.equals("/checkout/pay") || i % 97 == 41) {
        target = "/checkout/pay";
        status = 503;
      } else if (route.startsWith("/products/%d/") && random.nextInt(60) == 0) {
        status = 404;
      }
      if (status >= 400) {
        String template =
            target.startsWith("/products/") ? "/products/{id}/reviews" : "/checkout/pay";
        failing.merge(template + " " + status, 1, Integer::sum);
      }
      lines.add(
          format.writer.apply(
              new Request(
                  "10."
                      + random.nextInt(256)
                      + "."
                      + random.nextInt(256)
                      + "."
                      + random.nextInt(256),
                  target,
                  status,
                  200 + random.nextInt(9000)),
              i));
    }
    return new Log(String.join("\n", lines) + "\n", failing);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void failingRoutesAreListedWithTheirCountsAndShown(Format format) {
    Log log = log(format, format.ordinal() * 31L + 7);

    assertEquals(ContentType.LOG, ContentDetector.detect(log.text()).type());
    Compressed compressed =
        (Compressed)
            COMPRESSOR.compress(
                log.text(), CompressContext.ofQuery("why do customers get errors?"));

    String text = compressed.text();
    for (Map.Entry<String, Integer> group : log.failingGroups().entrySet()) {
      String[] routeAndStatus = group.getKey().split(" ");
      Pattern route =
          Pattern.compile(
              Pattern.quote(routeAndStatus[0]).replace("{id}", "\\E[^/ ?]+\\Q") + "[ ?]");
      assertTrue(
          text.contains(" " + group.getKey() + " x" + group.getValue() + " "),
          "the table counts " + group.getKey() + ":\n" + text);
      assertTrue(
          text.lines()
              .anyMatch(
                  line ->
                      route.matcher(line).find()
                          && line.contains(" " + routeAndStatus[1] + " ")
                          && !line.startsWith("  ")),
          "a request of " + group.getKey() + " is shown as logged:\n" + text);
    }
    assertTrue(text.contains("/cart 200 x"), "ordinary traffic is counted:\n" + text);
    assertTrue(
        compressed.compressedTokens() < compressed.originalTokens() * 0.2,
        compressed.originalTokens() + " -> " + compressed.compressedTokens());
  }

  /**
   * nginx's combined format with the request time last ({@code $request_time}) or as {@code rt=}:
   * one ordinary route answered 200 after 31 s among requests of 2 to 180 ms.
   */
  @ParameterizedTest
  @ValueSource(strings = {" %s", " rt=%s uct=\"0.000\""})
  void theOneSlowRequestIsShownWhateverItsRouteAndStatus(String timing) {
    Random random = new Random(timing.length());
    List<String> lines = new ArrayList<>();
    int slow = 300 + random.nextInt(600);
    String slowLine = null;
    for (int i = 0; i < 1000; i++) {
      String path = new String[] {"/", "/cart", "/products", "/checkout"}[random.nextInt(4)];
      String seconds =
          i == slow ? "31.482" : String.format(Locale.ROOT, "0.%03d", 2 + random.nextInt(178));
      String line =
          "10.0."
              + random.nextInt(256)
              + "."
              + (1 + random.nextInt(254))
              + " - - [06/Dec/2026:14:"
              + two(i / 60 % 60)
              + ":"
              + two(i % 60)
              + " +0000] \"GET "
              + (i == slow ? "/checkout" : path)
              + " HTTP/1.1\" 200 "
              + (300 + random.nextInt(90_000))
              + " \"-\" \"Mozilla/5.0\""
              + String.format(timing, seconds);
      lines.add(line);
      if (i == slow) {
        slowLine = line;
      }
    }
    String log = String.join("\n", lines) + "\n";
    String text =
        ((Compressed)
                COMPRESSOR.compress(
                    log, CompressContext.ofQuery("why did a customer wait half a minute?")))
            .text();
    assertTrue(text.contains(slowLine + "\n"), text);
  }
}
