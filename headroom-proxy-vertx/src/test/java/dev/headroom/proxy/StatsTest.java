package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /stats}: one definition of "saved" behind the response headers, the Prometheus
 * counters and the JSON alike; money from the pricing table (or the operator's file); slices by
 * model, route and hashed credential; per-minute and per-hour series; one picture for a fleet
 * sharing a Redis, and this proxy's own when Redis is gone.
 */
class StatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GENEROUS = Duration.ofSeconds(10);
  private static final String KEY = "sk-stats-test-key-123";

  /** A chat answer with usage: 1,200 prompt tokens of which 400 cached, 30 completion tokens. */
  private static void answerWithUsage(FakeUpstream upstream) {
    upstream.respond(
        (request, body) ->
            request
                .response()
                .putHeader("content-type", "application/json")
                .end(
                    "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-2024-08-06\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"ord_100217 failed\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":30,"
                        + "\"total_tokens\":1230,\"prompt_tokens_details\":{\"cached_tokens\":400}}}"));
  }

  private static String chat(String model) throws Exception {
    return "{\"model\":\""
        + model
        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
        + JSON.writeValueAsString(LiveZoneCompressionTest.orders())
        + "}]}";
  }

  private static JsonNode stats(ProxyFixture fx, int port) throws Exception {
    Tests.Reply reply =
        Tests.call(fx.client, port, HttpMethod.GET, "/stats", Tests.headers(), null);
    assertEquals(200, reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
    assertEquals("application/json", reply.headers().get("content-type"));
    return JSON.readTree(reply.body());
  }

  /**
   * The exchange books itself once its response has been written, which a client can see a moment
   * before: wait for the request count.
   */
  private static JsonNode statsOnce(ProxyFixture fx, int port, long requests) throws Exception {
    assertTrue(
        Tests.eventually(
            () -> {
              try {
                return stats(fx, port).path("requests").asLong() >= requests;
              } catch (Exception notYet) {
                return false;
              }
            }),
        "the proxy booked " + requests + " request(s)");
    return stats(fx, port);
  }

  private static double metric(String scrape, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.E-]+)$").matcher(scrape);
    assertTrue(m.find(), name + " in " + scrape);
    return Double.parseDouble(m.group(1));
  }

  private static BigDecimal usd(long tokens, double pricePerMillion) {
    return BigDecimal.valueOf(Math.round(tokens * pricePerMillion), 6);
  }

  @Test
  void theHeadersTheMetricsAndStatsShowTheSameSaving() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      answerWithUsage(fx.openai);

      Tests.Reply reply =
          fx.post("/v1/chat/completions", chat("gpt-4o"), "authorization", "Bearer " + KEY);

      assertEquals(200, reply.status());
      long saved = Long.parseLong(reply.headers().get("x-headroom-tokens-saved"));
      long before = Long.parseLong(reply.headers().get("x-headroom-tokens-before"));
      assertTrue(saved > 1000, "the order list was compressed: " + saved);
      JsonNode stats = statsOnce(fx, fx.port, 1);
      assertEquals("this_proxy", stats.get("scope").asText());
      assertEquals(1, stats.get("requests").asLong());
      assertEquals(saved, stats.at("/tokens/saved").asLong());
      assertEquals(before, stats.at("/tokens/before").asLong());
      assertEquals(0, stats.at("/tokens/replayed_saved").asLong());
      assertEquals(saved, stats.at("/tokens/fresh_saved").asLong());
      assertEquals(1200, stats.at("/provider_tokens/input").asLong());
      assertEquals(30, stats.at("/provider_tokens/output").asLong());
      assertEquals(400, stats.at("/provider_cache/read").asLong());
      // gpt-4o's shipped input price: $2.50 per million tokens, all of it fresh.
      assertEquals(usd(saved, 2.50), stats.get("money_saved_usd").decimalValue());
      String scrape = fx.proxy.scrapeMetrics();
      assertEquals(saved, (long) metric(scrape, "headroom_tokens_saved_total"));
      assertEquals(
          usd(saved, 2.50).doubleValue(), metric(scrape, "headroom_money_saved_usd_total"), 1e-9);

      assertEquals(saved, stats.at("/by_model/gpt-4o/tokens/saved").asLong());
      assertEquals(1, stats.at("/by_route/chat/requests").asLong());
      JsonNode credentials = stats.get("by_credential");
      assertEquals(1, credentials.size());
      String credential = credentials.fieldNames().next();
      assertTrue(credential.matches("key:[0-9a-f]{32}"), credential);
      String body = stats.toString();
      assertFalse(body.contains(KEY), "the key itself never shows");

      JsonNode minutes = stats.at("/series/minutes");
      JsonNode hours = stats.at("/series/hours");
      assertEquals(60, minutes.size());
      assertEquals(7 * 24, hours.size());
      long inSeries = 0;
      for (JsonNode minute : minutes) {
        inSeries += minute.at("/tokens/saved").asLong();
      }
      assertEquals(saved, inSeries, "the minute it happened in holds it");
      assertEquals(saved, hours.get(hours.size() - 1).at("/tokens/saved").asLong());
      assertTrue(stats.get("definition").asText().contains("tokens_before - tokens_after"));
    }
  }

  @Test
  void theJdkClientsUpgradeRequestIsOneExchangeBookedOnce() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      answerWithUsage(fx.openai);
      // java.net.http asks plain-HTTP servers to upgrade to HTTP/2 (h2c) on every request; the
      // upgraded stream closes as its response ends, which once reported the exchange twice.
      java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
      java.net.http.HttpResponse<String> answer =
          jdk.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + fx.port + "/v1/chat/completions"))
                  .header("content-type", "application/json")
                  .header("authorization", "Bearer " + KEY)
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(chat("gpt-4o")))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());

      assertEquals(200, answer.statusCode());
      statsOnce(fx, fx.port, 1);
      // A second report of the same exchange would follow within microseconds of the first.
      Thread.sleep(200);
      assertEquals(1, stats(fx, fx.port).get("requests").asLong(), "booked once");
      assertTrue(
          fx.proxy
              .scrapeMetrics()
              .contains("headroom_requests_total{route=\"chat\",status=\"200\"} 1.0"),
          fx.proxy.scrapeMetrics());
      fx.openai.take();
      assertTrue(fx.openai.nothingRecorded(), "one upstream call");
    }
  }

  @Test
  void aRequestTheRewriteDidNotReadIsCountedUnderTheModelItsResponseNames() throws Exception {
    try (ProxyFixture fx = ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS))) {
      answerWithUsage(fx.openai);

      fx.post(
          "/v1/chat/completions",
          "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
          "authorization",
          "Bearer " + KEY);

      JsonNode stats = statsOnce(fx, fx.port, 1);
      assertEquals(1, stats.at("/by_model/gpt-4o-2024-08-06/requests").asLong(), stats.toString());
      assertEquals(1200, stats.at("/by_model/gpt-4o-2024-08-06/provider_tokens/input").asLong());
    }
  }

  @Test
  void aReplayedBlockIsPricedAtTheCacheReadPrice(@TempDir Path dir) throws Exception {
    Path prices = dir.resolve("prices.json");
    Files.writeString(
        prices,
        "{\"as_of\":\"2026-12-01\",\"models\":{\"acme-1\":{\"input\":10.0,\"output\":30.0,"
            + "\"cache_read\":1.0,\"cache_write\":12.5}}}");
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS).pricingFile(prices))) {
      answerWithUsage(fx.openai);
      String first = chat("acme-1-large");
      Tests.Reply turn1 = fx.post("/v1/chat/completions", first, "authorization", "Bearer " + KEY);
      long fresh = Long.parseLong(turn1.headers().get("x-headroom-tokens-saved"));
      String second =
          first.substring(0, first.length() - 2)
              + ",{\"role\":\"assistant\",\"content\":\"ord_100217 failed.\"},"
              + "{\"role\":\"user\",\"content\":\"Thanks. Anything else?\"}]}";
      Tests.Reply turn2 = fx.post("/v1/chat/completions", second, "authorization", "Bearer " + KEY);
      long replayed = Long.parseLong(turn2.headers().get("x-headroom-tokens-saved-replayed"));
      assertTrue(replayed > 0, "the second turn replays the first turn's block");

      JsonNode stats = statsOnce(fx, fx.port, 2);

      assertEquals(2, stats.path("requests").asLong(), stats.toString());
      assertEquals(replayed, stats.at("/tokens/replayed_saved").asLong());
      assertEquals(fresh + replayed, stats.at("/tokens/saved").asLong());
      BigDecimal expected =
          BigDecimal.valueOf(Math.round(fresh * 10.0) + Math.round(replayed * 1.0), 6);
      assertEquals(expected, stats.get("money_saved_usd").decimalValue());
      assertEquals("2026-12-01", stats.at("/pricing/as_of").asText());
    }
  }

  @Test
  void aBadPricingFileStopsTheProxyFromStarting(@TempDir Path dir) throws Exception {
    Path prices = dir.resolve("prices.json");
    Files.writeString(prices, "{\"models\":{\"acme\":{\"input\":\"cheap\"}}}");
    Vertx vertx = Vertx.vertx();
    try {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  HeadroomProxy.create(
                      vertx, ProxyOptions.builder().port(0).pricingFile(prices).build()));
      assertTrue(refused.getMessage().contains("\"input\""), refused.getMessage());
    } finally {
      Tests.await(vertx.close());
    }
  }

  @Test
  void theAdminPortServesStatsAndTheDashboard() throws Exception {
    try (ProxyFixture fx = ProxyFixture.start(b -> b.adminPort(0))) {
      int admin = fx.proxy.adminPort();
      assertEquals(0, stats(fx, admin).get("requests").asLong());
      Tests.Reply page =
          Tests.call(fx.client, admin, HttpMethod.GET, "/dashboard", Tests.headers(), null);
      assertEquals(200, page.status());
      assertTrue(page.headers().get("content-type").startsWith("text/html"));
      String html = new String(page.body(), StandardCharsets.UTF_8);
      assertTrue(html.contains("fetch(\"stats\""), "the page reads /stats beside it");
      assertFalse(html.contains("http://") || html.contains("https://"), "nothing from elsewhere");

      assertEquals(404, fx.get("/stats").status());
      assertEquals(404, fx.get("/dashboard").status());
    }
  }

  @Test
  void proxiesSharingARedisShowOnePictureAndTheirOwnWhenItIsGone() throws Exception {
    try (RedisServer redis = RedisServer.start();
        ProxyFixture first =
            ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS));
        ProxyFixture second =
            ProxyFixture.asConfigured(b -> b.ccrStore(redis.uri()).compressionBudget(GENEROUS))) {
      answerWithUsage(first.openai);
      answerWithUsage(second.openai);
      long saved1 =
          Long.parseLong(
              first
                  .post("/v1/chat/completions", chat("gpt-4o"), "authorization", "Bearer a-key")
                  .headers()
                  .get("x-headroom-tokens-saved"));
      long saved2 =
          Long.parseLong(
              second
                  .post(
                      "/v1/messages",
                      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":["
                          + "{\"role\":\"user\",\"content\":\"Which order failed?\"},"
                          + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\","
                          + "\"name\":\"orders\",\"input\":{}}]},"
                          + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                          + "\"tool_use_id\":\"t\",\"content\":"
                          + JSON.writeValueAsString(LiveZoneCompressionTest.orders())
                          + "}]}]}",
                      "x-api-key",
                      "b-key")
                  .headers()
                  .get("x-headroom-tokens-saved"));

      // The second proxy adds its figures within a second; the first flushes its own on reading.
      assertTrue(
          Tests.eventually(
              () -> {
                try {
                  return stats(first, first.port).get("requests").asLong() == 2;
                } catch (Exception e) {
                  return false;
                }
              }),
          "both proxies' requests in one picture");
      JsonNode fleet = stats(first, first.port);
      assertEquals("fleet", fleet.get("scope").asText());
      assertEquals(saved1 + saved2, fleet.at("/tokens/saved").asLong());
      assertEquals(saved1, fleet.at("/by_model/gpt-4o/tokens/saved").asLong());
      assertEquals(saved2, fleet.at("/by_model/claude-sonnet-4-5/tokens/saved").asLong());
      assertEquals(1, fleet.at("/by_route/messages/requests").asLong());
      assertEquals(2, fleet.get("by_credential").size());
      BigDecimal money =
          usd(saved1, 2.50).add(usd(saved2, 3.00)).setScale(6, RoundingMode.UNNECESSARY);
      assertEquals(money, fleet.get("money_saved_usd").decimalValue());
      assertEquals(saved1 + saved2, stats(second, second.port).at("/tokens/saved").asLong());

      redis.close();

      JsonNode alone = stats(second, second.port);
      assertEquals("this_proxy", alone.get("scope").asText());
      assertTrue(alone.has("fleet_unavailable"), alone.toString());
      assertEquals(saved2, alone.at("/tokens/saved").asLong());

      // Counted while Redis is gone, added to the fleet's figures once it is back (empty: it
      // keeps nothing on disk here, so the fleet holds only what came after).
      // (Forwarded uncompressed: with the store down, no original could be kept for retrieval.)
      Tests.Reply third =
          second.post("/v1/chat/completions", chat("gpt-4o"), "authorization", "Bearer c-key");
      assertEquals(200, third.status());
      String header = third.headers().get("x-headroom-tokens-saved");
      long saved3 = header == null ? 0 : Long.parseLong(header);
      assertTrue(
          Tests.eventually(
              () -> {
                try {
                  return stats(second, second.port).get("requests").asLong() == 2;
                } catch (Exception notYet) {
                  return false;
                }
              }),
          "booked by the proxy that served it");
      try (RedisServer again = RedisServer.startOn(redis.port)) {
        assertTrue(
            Tests.eventually(
                () -> {
                  try {
                    JsonNode back = stats(first, first.port);
                    return back.get("scope").asText().equals("fleet")
                        && back.get("requests").asLong() == 1;
                  } catch (Exception notYet) {
                    return false;
                  }
                }),
            "the outage's request reached the fleet's figures");
        JsonNode back = stats(first, first.port);
        assertEquals(saved3, back.at("/tokens/saved").asLong());
        assertEquals(1200, back.at("/provider_tokens/input").asLong(), "its usage, as answered");
        assertEquals(1, back.at("/by_credential").size());
      }
    }
  }
}
