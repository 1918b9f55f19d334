package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Content a compressor dropped, kept so that the model or the user can retrieve it.
 *
 * @param hash the content hash the marker in the compressed text carries ({@code <<ccr:HASH …>>})
 * @param scope who owns the original (for example a hashed API key); never shared across scopes
 * @param content the dropped original text
 * @param description what the marker stands for, e.g. {@code 412 rows omitted}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CcrEntry(String hash, String scope, String content, String description) {

  /** Checks the components. */
  public CcrEntry {
    Objects.requireNonNull(hash, "hash must not be null");
    Objects.requireNonNull(scope, "scope must not be null");
    Objects.requireNonNull(content, "content must not be null");
    Objects.requireNonNull(description, "description must not be null");
  }
}
