package dev.headroom.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The root of every exception Headroom throws. It is unchecked and abstract: what is thrown is
 * always a specific subclass that says what went wrong.
 */
@API(status = STABLE, since = "0.1")
public abstract class HeadroomException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong and, where it helps, what to do about it
   */
  protected HeadroomException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong and, where it helps, what to do about it
   * @param cause the underlying failure
   */
  protected HeadroomException(String message, Throwable cause) {
    super(message, cause);
  }
}
