package dev.headroom.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An extension provider that could not be loaded or constructed; it was skipped.
 *
 * @param provider the provider's class name, or a description when the class is unknown
 * @param cause what went wrong
 */
@API(status = STABLE, since = "0.1")
public record ExtensionFailure(String provider, Throwable cause) {

  /** Checks both components are present. */
  public ExtensionFailure {
    Objects.requireNonNull(provider, "provider must not be null");
    Objects.requireNonNull(cause, "cause must not be null");
  }
}
