package dev.headroom.proxy.internal.ccr;

import dev.headroom.api.HeadroomException;

/** The Redis store could not be reached in time; the caller forwards the original instead. */
final class RedisUnavailableException extends HeadroomException {

  private static final long serialVersionUID = 1L;

  RedisUnavailableException(String message) {
    super(message);
  }

  RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
