package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One marker in a compressed text and what it stands for.
 *
 * @param hash the hash under which the dropped content is stored
 * @param description what was dropped, e.g. {@code 412 rows omitted}
 * @param bytes the UTF-8 size of the dropped content
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CcrReference(String hash, String description, int bytes) {

  /** Checks the components. */
  public CcrReference {
    Objects.requireNonNull(hash, "hash must not be null");
    Objects.requireNonNull(description, "description must not be null");
  }
}
