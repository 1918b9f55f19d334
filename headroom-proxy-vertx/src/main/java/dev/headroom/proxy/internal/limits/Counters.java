package dev.headroom.proxy.internal.limits;

import io.vertx.core.Future;

/** Where the limits' counters live: this proxy's memory, or the fleet's Redis. */
interface Counters {

  /**
   * Counts one request in its minute and reads the tokens used so far.
   *
   * @param credential the caller's hashed credential
   * @param minute minutes since the epoch
   * @param day days since the epoch (UTC)
   * @return the minute's requests (this one included), the minute's input tokens, the day's tokens
   */
  Future<Usage> admit(String credential, long minute, long day);

  /**
   * Adds a finished request's tokens.
   *
   * @param credential the caller's hashed credential
   * @param minute minutes since the epoch
   * @param day days since the epoch (UTC)
   * @param inputTokens input tokens the provider reported (for the per-minute limit)
   * @param allTokens input and output tokens (for the daily budget)
   * @return completes when counted
   */
  Future<Void> charge(String credential, long minute, long day, long inputTokens, long allTokens);

  /** What a credential has used. */
  record Usage(long minuteRequests, long minuteTokens, long dayTokens) {}
}
