package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.ProviderApi;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The endpoints Headroom tells apart. An endpoint whose body has a live zone names its wire format,
 * a {@link ProviderApi}, which is the one name of that format from routing to stream parsing to
 * retrieval, and the {@link Provider} whose endpoint it is; everything else is {@link
 * #PASSTHROUGH}, forwarded as it is.
 */
@API(status = INTERNAL, since = "0.1")
public enum Route {
  CHAT("chat", ProviderApi.CHAT_COMPLETIONS, Provider.OPENAI),
  RESPONSES("responses", ProviderApi.RESPONSES, Provider.OPENAI),
  MESSAGES("messages", ProviderApi.ANTHROPIC_MESSAGES, Provider.ANTHROPIC),
  /**
   * Anthropic's token counting: extensions see it, compression leaves it alone so counts stay true.
   */
  COUNT_TOKENS("count_tokens", null, Provider.ANTHROPIC),
  /**
   * Azure OpenAI chat: {@code /openai/deployments/{d}/chat/completions}, {@code
   * /openai/v1/chat/completions}.
   */
  AZURE_CHAT("azure_chat", ProviderApi.CHAT_COMPLETIONS, Provider.AZURE_OPENAI),
  /** Azure OpenAI responses: {@code /openai/v1/responses}, {@code /openai/responses}. */
  AZURE_RESPONSES("azure_responses", ProviderApi.RESPONSES, Provider.AZURE_OPENAI),
  /** Gemini {@code /v1beta/models/{m}:generateContent} and {@code :streamGenerateContent}. */
  GEMINI("gemini", ProviderApi.GEMINI, Provider.GEMINI),
  /** Gemini {@code :countTokens}: seen by extensions, never compressed. */
  GEMINI_COUNT_TOKENS("gemini_count_tokens", null, Provider.GEMINI),
  /** Vertex AI Gemini models: {@code .../publishers/google/models/{m}:generateContent}. */
  VERTEX_GEMINI("vertex_gemini", ProviderApi.GEMINI, Provider.VERTEX),
  /** Vertex AI Anthropic models: {@code .../publishers/anthropic/models/{m}:rawPredict}. */
  VERTEX_ANTHROPIC("vertex_anthropic", ProviderApi.ANTHROPIC_MESSAGES, Provider.VERTEX),
  /** Bedrock {@code /model/{id}/converse} and {@code /converse-stream}. */
  BEDROCK_CONVERSE("bedrock_converse", ProviderApi.BEDROCK_CONVERSE, Provider.BEDROCK),
  /**
   * Bedrock {@code /model/{id}/invoke} and {@code /invoke-with-response-stream} of an Anthropic
   * model (an id with {@code anthropic.} in it): a Messages body.
   */
  BEDROCK_INVOKE("bedrock_invoke", ProviderApi.ANTHROPIC_MESSAGES, Provider.BEDROCK),
  PASSTHROUGH("passthrough", null, Provider.OPENAI);

  private final String label;
  private final ProviderApi api;
  private final Provider provider;

  Route(String label, ProviderApi api, Provider provider) {
    this.label = label;
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
   * @return the provider's own endpoint of that format
   */
  public static Route of(ProviderApi api) {
    return switch (api) {
      case CHAT_COMPLETIONS -> CHAT;
      case RESPONSES -> RESPONSES;
      case ANTHROPIC_MESSAGES -> MESSAGES;
      case GEMINI -> GEMINI;
      case BEDROCK_CONVERSE -> BEDROCK_CONVERSE;
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
    switch (path) {
      case "/v1/chat/completions" -> {
        return CHAT;
      }
      case "/v1/responses" -> {
        return RESPONSES;
      }
      case "/v1/messages" -> {
        return MESSAGES;
      }
      case "/v1/messages/count_tokens" -> {
        return COUNT_TOKENS;
      }
      default -> {
        // the provider-specific shapes below
      }
    }
    if (path.startsWith("/openai/")) {
      if (path.endsWith("/chat/completions")) {
        return AZURE_CHAT;
      }
      return path.endsWith("/responses") ? AZURE_RESPONSES : PASSTHROUGH;
    }
    if (path.startsWith("/model/")) {
      return bedrock(path);
    }
    int colon = path.lastIndexOf(':');
    if (colon < 0) {
      return PASSTHROUGH;
    }
    String action = path.substring(colon + 1);
    String resource = path.substring(0, colon);
    if (isGoogleVersion(resource) && resource.indexOf("/models/") == resource.indexOf('/', 1)) {
      // /v1beta/models/{m}:{action}
      return switch (action) {
        case "generateContent", "streamGenerateContent" -> GEMINI;
        case "countTokens" -> GEMINI_COUNT_TOKENS;
        default -> PASSTHROUGH;
      };
    }
    if (resource.startsWith("/v1/projects/") || resource.startsWith("/v1beta1/projects/")) {
      if (resource.contains("/publishers/google/models/")) {
        return action.equals("generateContent") || action.equals("streamGenerateContent")
            ? VERTEX_GEMINI
            : PASSTHROUGH;
      }
      if (resource.contains("/publishers/anthropic/models/")) {
        return action.equals("rawPredict") || action.equals("streamRawPredict")
            ? VERTEX_ANTHROPIC
            : PASSTHROUGH;
      }
    }
    return PASSTHROUGH;
  }

  private static boolean isGoogleVersion(String path) {
    return path.startsWith("/v1/")
        || path.startsWith("/v1beta/")
        || path.startsWith("/v1beta1/")
        || path.startsWith("/v1alpha/");
  }

  private static Route bedrock(String path) {
    int slash = path.lastIndexOf('/');
    if (slash <= "/model/".length()) {
      return PASSTHROUGH;
    }
    String model = path.substring("/model/".length(), slash).toLowerCase(Locale.ROOT);
    return switch (path.substring(slash + 1)) {
      case "converse", "converse-stream" -> BEDROCK_CONVERSE;
      // An id may be URL-encoded (an inference profile ARN): "anthropic." survives either way.
      case "invoke", "invoke-with-response-stream" ->
          model.contains("anthropic.") ? BEDROCK_INVOKE : PASSTHROUGH;
      default -> PASSTHROUGH;
    };
  }

  /**
   * @param path a request path of this route
   * @return whether the response is a stream by the path alone (Gemini's {@code
   *     :streamGenerateContent}, Vertex's {@code :streamRawPredict}, Bedrock's {@code -stream});
   *     other routes say so in their body
   */
  public static boolean streamsByPath(String path) {
    return path.endsWith(":streamGenerateContent")
        || path.endsWith(":streamRawPredict")
        || path.endsWith("/converse-stream")
        || path.endsWith("/invoke-with-response-stream");
  }
}
