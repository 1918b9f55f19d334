package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The outcome of {@link ContentDetector#detect(String)}.
 *
 * @param type what the content is
 * @param language the programming language for {@link ContentType#CODE}, empty otherwise or when
 *     unknown
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Detection(ContentType type, Optional<String> language) {

  /** Checks the components. */
  public Detection {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(language, "language must not be null");
  }

  /**
   * @param type the content type
   * @return a detection without a language
   */
  public static Detection of(ContentType type) {
    return new Detection(type, Optional.empty());
  }
}
