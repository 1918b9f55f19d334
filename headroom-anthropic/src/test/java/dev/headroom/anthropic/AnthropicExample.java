package dev.headroom.anthropic;

import com.anthropic.client.AnthropicClient;
import dev.headroom.client.HeadroomClient;

/**
 * The Anthropic snippet of docs/library.md, compiled here and used by {@link
 * HeadroomAnthropicTest}.
 */
final class AnthropicExample {

  private AnthropicExample() {}

  static AnthropicClient client(String apiKey, String baseUrl, HeadroomClient headroom) {
    // tag::anthropic[]
    AnthropicClient client =
        HeadroomAnthropic.builder(headroom).apiKey(apiKey).baseUrl(baseUrl).build();
    // end::anthropic[]
    return client;
  }
}
