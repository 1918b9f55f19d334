package dev.headroom.spring.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.client.Exchange;
import dev.headroom.compress.BlockDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The starter's meters, named as the gateway's so one dashboard reads both: {@code
 * headroom.tokens.before/after/saved} (Prometheus: {@code headroom_tokens_saved_total}, …) and
 * {@code headroom.compression.blocks} by {@code outcome} and {@code content_type}.
 */
@API(status = INTERNAL, since = "0.1")
public final class HeadroomMeters implements Consumer<Exchange> {

  private final MeterRegistry registry;
  private final Counter tokensBefore;
  private final Counter tokensAfter;
  private final Counter tokensSaved;
  private final Map<String, Counter> blocks = new ConcurrentHashMap<>();

  /**
   * @param registry the application's registry
   */
  public HeadroomMeters(MeterRegistry registry) {
    this.registry = registry;
    tokensBefore =
        Counter.builder("headroom.tokens.before")
            .description("live-zone tokens before compression")
            .register(registry);
    tokensAfter =
        Counter.builder("headroom.tokens.after")
            .description("live-zone tokens after compression")
            .register(registry);
    tokensSaved =
        Counter.builder("headroom.tokens.saved")
            .description("live-zone tokens compression removed")
            .register(registry);
  }

  /** Counts one prepared request: its token counts, and each live-zone block by outcome. */
  @Override
  public void accept(Exchange exchange) {
    tokensBefore.increment(exchange.tokensBefore());
    tokensAfter.increment(exchange.tokensAfter());
    tokensSaved.increment(Math.max(0, exchange.tokensBefore() - exchange.tokensAfter()));
    for (BlockDecision block : exchange.blocks()) {
      String type = block.contentType().name().toLowerCase(Locale.ROOT);
      blocks
          .computeIfAbsent(
              block.outcome() + '|' + type,
              key ->
                  Counter.builder("headroom.compression.blocks")
                      .description("live-zone blocks by outcome and content type")
                      .tag("outcome", block.outcome())
                      .tag("content_type", type)
                      .register(registry))
          .increment();
    }
  }
}
