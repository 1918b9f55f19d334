package dev.headroom.testkit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the proxy answered the test's request.
 *
 * @param status the HTTP status
 * @param headers header names in lower case, to their values
 * @param body the body bytes
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HarnessResponse(int status, Map<String, List<String>> headers, byte[] body) {

  /** Copies the headers and the body. */
  public HarnessResponse {
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
