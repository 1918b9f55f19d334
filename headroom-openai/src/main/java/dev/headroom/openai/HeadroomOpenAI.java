package dev.headroom.openai;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.core.http.HttpClient;
import dev.headroom.client.HeadroomClient;
import dev.headroom.openai.internal.CompressingHttpClient;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Turns Headroom on for an OpenAI Java SDK client by wrapping where it is built:
 *
 * <pre>{@code
 * OpenAIClient client = HeadroomOpenAI.compress(OpenAIOkHttpClient.builder().fromEnv().build());
 * }</pre>
 *
 * <p>The SDK's pluggable {@link HttpClient} is replaced by one that runs each Chat Completions and
 * Responses request body through a {@link HeadroomClient} (live-zone compression and the pipeline
 * stages) and hands the response back unchanged, streams included. Every other call passes through.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HeadroomOpenAI {

  private HeadroomOpenAI() {}

  /**
   * @param client a client built as usual
   * @return a client with the same options whose requests go through a new default {@link
   *     HeadroomClient}
   */
  public static OpenAIClient compress(OpenAIClient client) {
    return compress(client, HeadroomClient.builder().build());
  }

  /**
   * A copy of the client (same key, base URL, headers, retries, timeout) whose transport is a new
   * SDK OkHttp client wrapped by Headroom. A proxy, socket factory or trust manager set on the
   * original builder is not carried over: use {@link #httpClient(HttpClient, HeadroomClient)} for
   * those.
   *
   * @param client a client built as usual
   * @param headroom the Headroom client to send requests through
   * @return the compressing client
   */
  public static OpenAIClient compress(OpenAIClient client, HeadroomClient headroom) {
    Objects.requireNonNull(client, "client must not be null");
    Objects.requireNonNull(headroom, "headroom must not be null");
    return client.withOptions(
        options ->
            options.httpClient(
                httpClient(OkHttpClient.builder().timeout(options.timeout()).build(), headroom)));
  }

  /**
   * For clients built from {@code ClientOptions.builder().httpClient(...)}: wraps any SDK
   * transport.
   *
   * @param delegate the transport that talks to the network
   * @param headroom the Headroom client to send requests through
   * @return a transport that compresses request bodies and observes responses
   */
  public static HttpClient httpClient(HttpClient delegate, HeadroomClient headroom) {
    return new CompressingHttpClient(
        Objects.requireNonNull(delegate, "delegate must not be null"),
        Objects.requireNonNull(headroom, "headroom must not be null"));
  }
}
