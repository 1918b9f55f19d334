package dev.headroom.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.ProviderApi;
import org.apiguardian.api.API;

/** Whose API a request speaks, as pipeline events, metrics and logs name it. */
@API(status = INTERNAL, since = "0.1")
public enum Provider {
  OPENAI("openai"),
  ANTHROPIC("anthropic");

  private final String wireName;

  Provider(String wireName) {
    this.wireName = wireName;
  }

  /**
   * @return {@code openai} or {@code anthropic}, as {@link
   *     dev.headroom.api.PipelineEvent#provider()} carries it
   */
  public String wireName() {
    return wireName;
  }

  /**
   * @param api a request format
   * @return the provider whose format it is
   */
  public static Provider of(ProviderApi api) {
    return api == ProviderApi.ANTHROPIC_MESSAGES ? ANTHROPIC : OPENAI;
  }
}
