package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.compress.internal.detect.Detectors;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Classifies text as JSON, diff, HTML, search results, logs, tables, code or prose.
 *
 * <p>Detection looks at a bounded prefix of line-oriented content (so it is cheap on large inputs)
 * and is conservative: timestamped logfmt or CSV lines are never taken for {@code path:line:}
 * search hits, and anything it is unsure about is {@link ContentType#TEXT}, which is only ever
 * compressed losslessly.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContentDetector {

  private ContentDetector() {}

  /**
   * @param content the text to classify
   * @return its type (and language for code)
   */
  public static Detection detect(String content) {
    return Detectors.detect(Objects.requireNonNull(content, "content must not be null"));
  }
}
