package dev.headroom.anthropic;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.anthropic.backends.AnthropicBackend;
import com.anthropic.backends.Backend;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientImpl;
import com.anthropic.client.okhttp.OkHttpClient;
import com.anthropic.core.ClientOptions;
import com.anthropic.core.http.HttpClient;
import dev.headroom.anthropic.internal.CompressingHttpClient;
import dev.headroom.client.HeadroomClient;
import java.net.Proxy;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Turns Headroom on for the Anthropic Java SDK by changing where the client is built:
 *
 * <pre>{@code
 * AnthropicClient client = AnthropicOkHttpClient.builder().apiKey(key).build();             // before
 * AnthropicClient client = HeadroomAnthropic.builder(headroom).apiKey(key).build();         // after
 * }</pre>
 *
 * <p>The SDK's pluggable {@link HttpClient} (its OkHttp transport, with the {@link Backend} that
 * authorises requests) is wrapped by one that runs each Messages request body through a {@link
 * HeadroomClient} (live-zone compression and the pipeline stages) and hands the response back
 * unchanged, streams included. Every other call passes through.
 *
 * <p>Why a builder rather than wrapping a built client, as {@code HeadroomOpenAI} does: this SDK
 * keeps the API key and base URL in the backend inside its transport, which a built client does not
 * expose.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HeadroomAnthropic {

  private HeadroomAnthropic() {}

  /**
   * @param headroom the Headroom client to send requests through
   * @return a builder with the most used settings of {@code AnthropicOkHttpClient.Builder}
   */
  public static Builder builder(HeadroomClient headroom) {
    return new Builder(Objects.requireNonNull(headroom, "headroom must not be null"));
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

  /** The settings of {@code AnthropicOkHttpClient.Builder} that most code uses, same names. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final HeadroomClient headroom;
    private final ClientOptions.Builder options = ClientOptions.builder();
    private final AnthropicBackend.Builder defaultBackend = AnthropicBackend.builder();
    private Backend backend;
    private Proxy proxy;

    private Builder(HeadroomClient headroom) {
      this.headroom = headroom;
    }

    /**
     * @return this builder, with the key, token and base URL from the environment
     */
    public Builder fromEnv() {
      defaultBackend.fromEnv();
      return this;
    }

    /**
     * @param value the API key @return this builder
     */
    public Builder apiKey(String value) {
      defaultBackend.apiKey(value);
      return this;
    }

    /**
     * @param value the bearer token @return this builder
     */
    public Builder authToken(String value) {
      defaultBackend.authToken(value);
      return this;
    }

    /**
     * @param value the API's base URL @return this builder
     */
    public Builder baseUrl(String value) {
      defaultBackend.baseUrl(value);
      return this;
    }

    /**
     * @param value another backend (it replaces key, token and base URL) @return this builder
     */
    public Builder backend(Backend value) {
      this.backend = value;
      return this;
    }

    /**
     * @param value the request timeout @return this builder
     */
    public Builder timeout(Duration value) {
      options.timeout(value);
      return this;
    }

    /**
     * @param value how often the SDK retries @return this builder
     */
    public Builder maxRetries(int value) {
      options.maxRetries(value);
      return this;
    }

    /**
     * @param name a header name @param value its value @return this builder
     */
    public Builder putHeader(String name, String value) {
      options.putHeader(name, value);
      return this;
    }

    /**
     * @param value an HTTP proxy @return this builder
     */
    public Builder proxy(Proxy value) {
      this.proxy = value;
      return this;
    }

    /**
     * @return the client, its transport wrapped by Headroom
     */
    public AnthropicClient build() {
      OkHttpClient transport =
          OkHttpClient.builder()
              .timeout(options.timeout())
              .proxy(proxy)
              .backend(backend != null ? backend : defaultBackend.build())
              .build();
      return new AnthropicClientImpl(options.httpClient(httpClient(transport, headroom)).build());
    }
  }
}
