package dev.headroom.proxy.internal.stats;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a model's tokens cost, by model family: the shipped list prices ({@code pricing.json} beside
 * this class), with an operator's file ({@code --pricing-file}, same shape) laid over them. A model
 * id is priced by its longest matching family prefix once a vendor prefix is cut off ({@code
 * us.anthropic.claude-sonnet-4-5-20250929-v1:0} → {@code claude-sonnet-4}, {@code
 * models/gemini-2.5-pro} → {@code gemini-2.5-pro}); a model no family matches is not priced.
 */
@API(status = INTERNAL, since = "0.1")
public final class Pricing {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * USD per million tokens.
   *
   * @param input an uncached input token
   * @param output an output token
   * @param cacheRead an input token read from the provider's prompt cache
   * @param cacheWrite an input token written to it
   */
  @API(status = INTERNAL, since = "0.1")
  public record Price(double input, double output, double cacheRead, double cacheWrite) {}

  private final List<Map.Entry<String, Price>> families;
  private final String asOf;

  private Pricing(Map<String, Price> byFamily, String asOf) {
    this.asOf = asOf;
    List<Map.Entry<String, Price>> sorted = new ArrayList<>(byFamily.entrySet());
    sorted.sort(
        Comparator.comparingInt((Map.Entry<String, Price> e) -> e.getKey().length()).reversed());
    this.families = List.copyOf(sorted);
  }

  /**
   * @return the shipped list prices, read once
   */
  public static Pricing defaults() {
    return Shipped.PRICES;
  }

  /** The shipped prices, read when first asked for (a gateway's start reads them early). */
  private static final class Shipped {
    static final Pricing PRICES = read();
  }

  private static Pricing read() {
    try (InputStream in = Pricing.class.getResourceAsStream("pricing.json")) {
      if (in == null) {
        throw new IllegalStateException("pricing.json is missing from the proxy's module");
      }
      JsonNode tree = JSON.readTree(in);
      return new Pricing(parse(tree, "the shipped pricing.json"), tree.path("as_of").asText(""));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /**
   * @param file an operator's prices, {@code {"models": {"family": {"input": 3.0, "output": 15.0,
   *     "cache_read": 0.3, "cache_write": 3.75}}}}; its families replace or add to the shipped ones
   * @return the shipped prices with the file's laid over them
   * @throws IllegalArgumentException when the file cannot be read or is not of that shape
   */
  public static Pricing withOverrides(Path file) {
    JsonNode tree;
    try {
      tree = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException unreadable) {
      throw new IllegalArgumentException(
          "cannot read the pricing file " + file + ": " + unreadable.getMessage(), unreadable);
    }
    Map<String, Price> merged = new LinkedHashMap<>();
    Pricing shipped = defaults();
    for (Map.Entry<String, Price> family : shipped.families) {
      merged.put(family.getKey(), family.getValue());
    }
    merged.putAll(parse(tree, "the pricing file " + file));
    return new Pricing(merged, tree.path("as_of").asText(shipped.asOf));
  }

  /**
   * @return the date the prices were taken from the providers' price pages ({@code as_of}), or
   *     {@code ""}
   */
  public String asOf() {
    return asOf;
  }

  private static Map<String, Price> parse(JsonNode tree, String source) {
    JsonNode models = tree == null ? null : tree.get("models");
    if (models == null || !models.isObject()) {
      throw new IllegalArgumentException(source + " has no \"models\" object");
    }
    Map<String, Price> prices = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> family = it.next();
      JsonNode price = family.getValue();
      double input = number(price, "input", source, family.getKey());
      double output = number(price, "output", source, family.getKey());
      // A family without cache prices is billed the input price for cached tokens: no discount
      // is claimed that the file does not state.
      double read =
          price.has("cache_read") ? number(price, "cache_read", source, family.getKey()) : input;
      double write =
          price.has("cache_write") ? number(price, "cache_write", source, family.getKey()) : input;
      prices.put(family.getKey().toLowerCase(Locale.ROOT), new Price(input, output, read, write));
    }
    return prices;
  }

  private static double number(JsonNode price, String field, String source, String family) {
    JsonNode value = price.get(field);
    if (value == null || !value.isNumber() || value.asDouble() < 0) {
      throw new IllegalArgumentException(
          source + ": model \"" + family + "\" needs a non-negative number \"" + field + "\"");
    }
    return value.asDouble();
  }

  /**
   * @param model a model id as a request or its path names it
   * @return its family's price, if one matches
   */
  public Optional<Price> of(String model) {
    String id = family(model);
    for (Map.Entry<String, Price> family : families) {
      if (id.startsWith(family.getKey())) {
        return Optional.of(family.getValue());
      }
    }
    return Optional.empty();
  }

  /** A model id without its vendor prefix: what comes after the last {@code /} and vendor dot. */
  static String family(String model) {
    String id = model.toLowerCase(Locale.ROOT);
    id = id.substring(id.lastIndexOf('/') + 1);
    int vendor = id.lastIndexOf("anthropic.");
    if (vendor >= 0) {
      id = id.substring(vendor + "anthropic.".length());
    }
    return id;
  }

  /**
   * Money saved by one request's compression, in millionths of a dollar: the tokens saved on blocks
   * compressed for the first time at the input price (without Headroom they were new input), and
   * the tokens saved on replayed blocks at the cache-read price (without Headroom the original
   * would have been in the cached prefix by then).
   *
   * @param model the request's model
   * @param freshSaved tokens saved on blocks compressed in this request
   * @param replayedSaved tokens saved on blocks replayed from earlier requests
   * @return micro-USD, 0 when the model is not priced
   */
  public long savedMicros(String model, long freshSaved, long replayedSaved) {
    if (freshSaved == 0 && replayedSaved == 0) {
      return 0; // most requests: no family lookup for nothing
    }
    return of(model)
        .map(p -> Math.round(freshSaved * p.input() + replayedSaved * p.cacheRead()))
        .orElse(0L);
  }
}
