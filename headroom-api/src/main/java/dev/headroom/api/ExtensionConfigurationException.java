package dev.headroom.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The set of extensions cannot be assembled: two share an id, or an extension breaks the contract
 * in a way found at start-up (a blank id, no stages). Start-up fails with this exception.
 */
@API(status = STABLE, since = "0.1")
public final class ExtensionConfigurationException extends HeadroomException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong with the configuration
   */
  public ExtensionConfigurationException(String message) {
    super(message);
  }
}
