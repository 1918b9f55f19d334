package dev.headroom.testkit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A request as the upstream received it from the proxy.
 *
 * @param method the HTTP method
 * @param uri the path and query
 * @param headers header names in lower case, to their values in arrival order
 * @param body the exact body bytes
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RecordedRequest(
    String method, String uri, Map<String, List<String>> headers, byte[] body) {

  /** Copies the headers and the body. */
  public RecordedRequest {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * @return the body decoded as UTF-8
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * @param name a header name, in any case
   * @return its first value, or empty when absent
   */
  public Optional<String> header(String name) {
    return Headers.first(headers, name);
  }
}
