package dev.headroom.proxy.internal.stats;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One request's accounting, as {@link Ledger#record} takes it.
 *
 * @param route the route label ({@code chat}, {@code messages}, {@code compress}…)
 * @param model the model the request named, or {@code ""}
 * @param credential the caller's hashed credential scope ({@code key:…} or {@code anonymous})
 * @param tokensBefore tokens of the blocks Headroom compressed, before
 * @param tokensAfter the same blocks' tokens as sent
 * @param replayedSaved of the tokens saved, those saved by blocks replayed from earlier requests
 * @param input input tokens the provider reported, cached or not
 * @param output output tokens the provider reported
 * @param cacheRead input tokens the provider read from its prompt cache
 * @param cacheWrite input tokens the provider wrote to it
 */
@API(status = INTERNAL, since = "0.1")
public record Sample(
    String route,
    String model,
    String credential,
    long tokensBefore,
    long tokensAfter,
    long replayedSaved,
    long input,
    long output,
    long cacheRead,
    long cacheWrite) {

  public Sample {
    Objects.requireNonNull(route, "route must not be null");
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(credential, "credential must not be null");
  }

  /**
   * The one definition of "saved" every view uses (response headers, {@code /metrics}, {@code
   * /stats}, the dashboard): the tokens of the blocks Headroom compressed, before minus as sent,
   * counted with the request's tokenizer. Never negative: a block is only sent compressed when it
   * got smaller.
   *
   * @return tokens saved by this request
   */
  public long saved() {
    return Math.max(0, tokensBefore - tokensAfter);
  }

  /**
   * @return of {@link #saved()}, the tokens saved by blocks compressed in this request
   */
  public long freshSaved() {
    return Math.max(0, saved() - replayedSaved);
  }
}
