package dev.headroom.proxy.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.http.HttpMethod;
import org.apiguardian.api.API;

/** The routes the proxy tells apart; everything else is {@link #PASSTHROUGH}, forwarded as-is. */
@API(status = INTERNAL, since = "0.1")
public enum Route {
  CHAT("chat", "/v1/chat/completions"),
  RESPONSES("responses", "/v1/responses"),
  MESSAGES("messages", "/v1/messages"),
  COUNT_TOKENS("count_tokens", "/v1/messages/count_tokens"),
  PASSTHROUGH("passthrough", "");

  private final String label;
  private final String path;

  Route(String label, String path) {
    this.label = label;
    this.path = path;
  }

  /**
   * @return the short name used in logs and metric labels
   */
  public String label() {
    return label;
  }

  /**
   * @return whether the body is an LLM request that pipeline extensions see
   */
  public boolean carriesPayload() {
    return this != PASSTHROUGH;
  }

  /**
   * Classifies a request by method and path (without query).
   *
   * @param method the method
   * @param path the path
   * @return the route
   */
  public static Route of(HttpMethod method, String path) {
    if (!HttpMethod.POST.equals(method)) {
      return PASSTHROUGH;
    }
    for (Route route : values()) {
      if (route != PASSTHROUGH && route.path.equals(path)) {
        return route;
      }
    }
    return PASSTHROUGH;
  }
}
