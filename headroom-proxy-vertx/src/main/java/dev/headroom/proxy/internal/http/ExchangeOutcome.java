package dev.headroom.proxy.internal.http;

/**
 * What the parts of an exchange (its body reader, its upstream call, its response relay) report to
 * the exchange. Called on the exchange's event loop only.
 */
interface ExchangeOutcome {

  /**
   * @return whether the exchange is over (answered, failed, or the client left): parts stop and
   *     release what they hold
   */
  boolean finished();

  /**
   * The response head went to the client.
   *
   * @param stream whether the response is an event stream
   */
  void responding(boolean stream);

  /** The whole response went to the client. */
  void completed();

  /**
   * The exchange cannot go on: the client gets the failure's error if nothing was sent to it yet,
   * else its response is cut.
   *
   * @param failure what went wrong
   */
  void failed(ProxyFailure failure);
}
