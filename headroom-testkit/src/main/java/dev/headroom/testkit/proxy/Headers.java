package dev.headroom.testkit.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Header lookup shared by {@link RecordedRequest} and {@link HarnessResponse}. */
final class Headers {

  private Headers() {}

  static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
