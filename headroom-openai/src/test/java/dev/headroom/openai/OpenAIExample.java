package dev.headroom.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.headroom.client.HeadroomClient;

/** The OpenAI snippet of docs/library.md, compiled here and used by {@link HeadroomOpenAITest}. */
final class OpenAIExample {

  private OpenAIExample() {}

  static OpenAIClient client(String apiKey, String baseUrl, HeadroomClient headroom) {
    // tag::openai[]
    OpenAIClient client =
        HeadroomOpenAI.compress(
            OpenAIOkHttpClient.builder().apiKey(apiKey).baseUrl(baseUrl).build(), headroom);
    // end::openai[]
    return client;
  }
}
