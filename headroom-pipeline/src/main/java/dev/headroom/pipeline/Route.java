package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.ProviderApi;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The endpoints Headroom tells apart. An endpoint whose body has a live zone names its wire format,
 * a {@link ProviderApi}, which is the one name of that format from routing to stream parsing to
 * retrieval; everything else is {@link #PASSTHROUGH}, forwarded as it is.
 */
@API(status = INTERNAL, since = "0.1")
public enum Route {
  CHAT("chat", "/v1/chat/completions", ProviderApi.CHAT_COMPLETIONS, Provider.OPENAI),
  RESPONSES("responses", "/v1/responses", ProviderApi.RESPONSES, Provider.OPENAI),
  MESSAGES("messages", "/v1/messages", ProviderApi.ANTHROPIC_MESSAGES, Provider.ANTHROPIC),
  /**
   * Anthropic's token counting: extensions see it, compression leaves it alone so counts stay true.
   */
  COUNT_TOKENS("count_tokens", "/v1/messages/count_tokens", null, Provider.ANTHROPIC),
  PASSTHROUGH("passthrough", "", null, Provider.OPENAI);

  private final String label;
  private final String path;
  private final ProviderApi api;
  private final Provider provider;

  Route(String label, String path, ProviderApi api, Provider provider) {
    this.label = label;
    this.path = path;
    this.api = api;
    this.provider = provider;
  }

  /**
   * @return the short name in metrics, logs and the {@link MetadataKeys#ROUTE} metadata
   */
  public String label() {
    return label;
  }

  /**
   * @return the request format whose live zone this endpoint's body has, if any
   */
  public Optional<ProviderApi> api() {
    return Optional.ofNullable(api);
  }

  /**
   * @return the provider whose endpoint this is ({@link #PASSTHROUGH}: decided by the caller)
   */
  public Provider provider() {
    return provider;
  }

  /**
   * @return whether the body is an LLM request that pipeline extensions see
   */
  public boolean carriesPayload() {
    return this != PASSTHROUGH;
  }

  /**
   * @param api a request format
   * @return the endpoint of that format
   */
  public static Route of(ProviderApi api) {
    return switch (api) {
      case CHAT_COMPLETIONS -> CHAT;
      case RESPONSES -> RESPONSES;
      case ANTHROPIC_MESSAGES -> MESSAGES;
    };
  }

  /**
   * Classifies a gateway request by method and path (without query).
   *
   * @param method the HTTP method, upper case
   * @param path the path
   * @return the route, {@link #PASSTHROUGH} for anything but a POST to a known path
   */
  public static Route of(String method, String path) {
    if (!"POST".equals(method)) {
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
