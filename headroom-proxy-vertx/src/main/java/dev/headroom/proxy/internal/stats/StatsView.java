package dev.headroom.proxy.internal.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Writes {@code GET /stats}'s JSON from a set of {@link Slices}. */
final class StatsView {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String DEFINITION =
      "saved = tokens_before - tokens_after of the tool outputs and texts Headroom sent compressed, "
          + "counted with the request's tokenizer, summed over requests; replayed_saved is the part "
          + "saved by blocks replayed unchanged from earlier requests of the same conversation. "
          + "money_saved_usd prices fresh savings at the model's input price and replayed savings "
          + "at its cache-read price. See docs/operations.md#what-saved-means.";

  private StatsView() {}

  /**
   * @param slices what to show
   * @param scope {@code this_proxy} or {@code fleet}
   * @param started when this proxy started
   * @param nowMillis the time now, epoch milliseconds
   * @param pricingAsOf the date of the prices
   * @param fleetError why the fleet's figures could not be read, or {@code null}
   * @return the JSON body
   */
  static byte[] render(
      Slices slices,
      String scope,
      Instant started,
      long nowMillis,
      String pricingAsOf,
      String fleetError) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scope", scope);
    if (fleetError != null) {
      root.put("fleet_unavailable", fleetError);
    }
    root.put("started", started.toString());
    root.put("now", Instant.ofEpochMilli(nowMillis).toString());
    long epochMinute = nowMillis / 60_000;
    slice(root, slices.total);
    dimension(root.putObject("by_model"), slices.byModel);
    dimension(root.putObject("by_route"), slices.byRoute);
    dimension(root.putObject("by_credential"), slices.byCredential);
    ObjectNode series = root.putObject("series");
    var minutes = series.putArray("minutes");
    for (long m = epochMinute - Slices.MINUTES + 1; m <= epochMinute; m++) {
      ObjectNode point = minutes.addObject().put("start", Instant.ofEpochSecond(m * 60).toString());
      slice(point, slices.minutes.getOrDefault(m, new Tally()));
    }
    var hours = series.putArray("hours");
    long hour = epochMinute / 60;
    for (long h = hour - Slices.HOURS + 1; h <= hour; h++) {
      ObjectNode point = hours.addObject().put("start", Instant.ofEpochSecond(h * 3600).toString());
      slice(point, slices.hours.getOrDefault(h, new Tally()));
    }
    root.putObject("pricing").put("as_of", pricingAsOf);
    root.put("definition", DEFINITION);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static void dimension(ObjectNode into, Map<String, Tally> dimension) {
    for (Map.Entry<String, Tally> named : new TreeMap<>(dimension).entrySet()) {
      slice(into.putObject(named.getKey()), named.getValue());
    }
  }

  private static void slice(ObjectNode into, Tally t) {
    into.put("requests", t.get(Tally.REQUESTS));
    ObjectNode tokens = into.putObject("tokens");
    tokens.put("before", t.get(Tally.BEFORE));
    tokens.put("after", t.get(Tally.AFTER));
    tokens.put("saved", t.get(Tally.SAVED));
    tokens.put("replayed_saved", t.get(Tally.REPLAYED_SAVED));
    tokens.put("fresh_saved", t.get(Tally.SAVED) - t.get(Tally.REPLAYED_SAVED));
    ObjectNode provider = into.putObject("provider_tokens");
    provider.put("input", t.get(Tally.INPUT));
    provider.put("output", t.get(Tally.OUTPUT));
    ObjectNode cache = into.putObject("provider_cache");
    cache.put("read", t.get(Tally.CACHE_READ));
    cache.put("write", t.get(Tally.CACHE_WRITE));
    into.put("money_saved_usd", BigDecimal.valueOf(t.get(Tally.USD_MICROS), 6));
  }
}
