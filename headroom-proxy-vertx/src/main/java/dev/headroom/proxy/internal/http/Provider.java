package dev.headroom.proxy.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.MultiMap;
import org.apiguardian.api.API;

/** Which upstream a request goes to. */
@API(status = INTERNAL, since = "0.1")
public enum Provider {
  OPENAI("openai"),
  ANTHROPIC("anthropic");

  private final String wireName;

  Provider(String wireName) {
    this.wireName = wireName;
  }

  /**
   * @return {@code openai} or {@code anthropic}, as in pipeline events and metric labels
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Anthropic-shaped traffic is {@code /v1/messages…} or carries an {@code anthropic-version}
   * header.
   *
   * @param path the request path without query
   * @param headers the inbound headers
   * @return the provider
   */
  public static Provider of(String path, MultiMap headers) {
    if (path.equals("/v1/messages")
        || path.startsWith("/v1/messages/")
        || headers.contains("anthropic-version")) {
      return ANTHROPIC;
    }
    return OPENAI;
  }
}
