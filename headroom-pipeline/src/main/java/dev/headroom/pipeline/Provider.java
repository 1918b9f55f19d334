package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.ProviderApi;
import org.apiguardian.api.API;

/**
 * Whose endpoint a request is for, as pipeline events, metrics and logs name it: it chooses the
 * upstream, the credential that scopes what is stored, and the shape of the proxy's own errors.
 */
@API(status = INTERNAL, since = "0.1")
public enum Provider {
  OPENAI("openai"),
  ANTHROPIC("anthropic"),
  /** Azure OpenAI and Azure AI Foundry ({@code /openai/...}, {@code api-key}). */
  AZURE_OPENAI("azure_openai"),
  /** The Gemini API ({@code generativelanguage.googleapis.com}). */
  GEMINI("gemini"),
  /** Vertex AI, Gemini and Anthropic models ({@code /v1/projects/...}). */
  VERTEX("vertex"),
  /** Amazon Bedrock Runtime ({@code /model/...}). */
  BEDROCK("bedrock");

  private final String wireName;

  Provider(String wireName) {
    this.wireName = wireName;
  }

  /**
   * @return the lower-case name, as {@link dev.headroom.api.PipelineEvent#provider()} carries it
   */
  public String wireName() {
    return wireName;
  }

  /**
   * @param api a request format
   * @return the provider whose own format it is
   */
  public static Provider of(ProviderApi api) {
    return switch (api) {
      case ANTHROPIC_MESSAGES -> ANTHROPIC;
      case GEMINI -> GEMINI;
      case BEDROCK_CONVERSE -> BEDROCK;
      case CHAT_COMPLETIONS, RESPONSES -> OPENAI;
    };
  }
}
