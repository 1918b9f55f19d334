package dev.headroom.langchain4j.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.client.HeadroomClient;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/** Builds the delegate's client with the model's timeouts, and puts Headroom in front of it. */
@API(status = INTERNAL, since = "0.1")
public final class CompressingHttpClientBuilder implements HttpClientBuilder {

  private final HttpClientBuilder delegate;
  private final Supplier<HeadroomClient> headroom;

  /**
   * @param delegate the builder of the client that talks to the network
   * @param headroom the Headroom client, looked up when the HTTP client is built
   */
  public CompressingHttpClientBuilder(
      HttpClientBuilder delegate, Supplier<HeadroomClient> headroom) {
    this.delegate = delegate;
    this.headroom = headroom;
  }

  @Override
  public Duration connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public HttpClientBuilder connectTimeout(Duration value) {
    delegate.connectTimeout(value);
    return this;
  }

  @Override
  public Duration readTimeout() {
    return delegate.readTimeout();
  }

  @Override
  public HttpClientBuilder readTimeout(Duration value) {
    delegate.readTimeout(value);
    return this;
  }

  @Override
  public HttpClient build() {
    return new CompressingHttpClient(delegate.build(), headroom.get());
  }
}
