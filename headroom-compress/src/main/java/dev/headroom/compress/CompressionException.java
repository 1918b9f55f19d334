package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.api.HeadroomException;
import org.apiguardian.api.API;

/** Compression was asked for something it cannot do, such as an unknown tokenizer encoding. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CompressionException extends HeadroomException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong
   */
  public CompressionException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public CompressionException(String message, Throwable cause) {
    super(message, cause);
  }
}
