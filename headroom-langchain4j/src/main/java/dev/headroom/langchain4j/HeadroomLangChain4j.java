package dev.headroom.langchain4j;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.client.HeadroomClient;
import dev.headroom.langchain4j.internal.CompressingHttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Headroom for LangChain4j's chat models, through their pluggable HTTP client: every Chat
 * Completions, Responses and Anthropic Messages request they send — from {@code OpenAiChatModel},
 * {@code OpenAiStreamingChatModel}, {@code AnthropicChatModel}, {@code
 * AnthropicStreamingChatModel}, and so from AI Services and their tool calls — goes through a
 * {@link HeadroomClient}, which compresses its live zone and replays what earlier turns compressed.
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder()
 *     .apiKey(key)
 *     .modelName("gpt-4o")
 *     .httpClientBuilder(HeadroomLangChain4j.httpClientBuilder(headroom))   // the one added line
 *     .build();
 * }</pre>
 *
 * <p>Or without touching the models' code: with this jar on the class path, {@code
 * -Dlangchain4j.http.clientBuilderFactory=dev.headroom.langchain4j.HeadroomHttpClientBuilderFactory}
 * makes every model that finds its HTTP client itself use {@link HeadroomHttpClientBuilderFactory}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HeadroomLangChain4j {

  private HeadroomLangChain4j() {}

  /**
   * @param headroom the Headroom client requests go through
   * @return a builder of LangChain4j's JDK HTTP client with Headroom in front
   */
  public static HttpClientBuilder httpClientBuilder(HeadroomClient headroom) {
    return httpClientBuilder(JdkHttpClient.builder(), headroom);
  }

  /**
   * @param delegate the builder of another HTTP client (Spring's {@code RestClient} one, …)
   * @param headroom the Headroom client requests go through
   * @return that builder with Headroom in front of what it builds
   */
  public static HttpClientBuilder httpClientBuilder(
      HttpClientBuilder delegate, HeadroomClient headroom) {
    Objects.requireNonNull(delegate, "delegate must not be null");
    Objects.requireNonNull(headroom, "headroom must not be null");
    return new CompressingHttpClientBuilder(delegate, () -> headroom);
  }
}
