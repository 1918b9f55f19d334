package dev.headroom.langchain4j;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.client.HeadroomClient;
import dev.headroom.langchain4j.internal.CompressingHttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderFactory;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import org.apiguardian.api.API;

/**
 * LangChain4j's HTTP-client SPI, found with {@code ServiceLoader}: builds its JDK client with
 * Headroom in front, all sharing one {@link HeadroomClient} (extensions discovered, default
 * settings), created when the first client is built. LangChain4j refuses to choose between two
 * factories on its class path (its models bring the JDK one), so name this one: {@code
 * -Dlangchain4j.http.clientBuilderFactory=dev.headroom.langchain4j.HeadroomHttpClientBuilderFactory}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HeadroomHttpClientBuilderFactory implements HttpClientBuilderFactory {

  /** One client for the process: its replay memory is what keeps a conversation's turns stable. */
  private static final class Shared {
    static final HeadroomClient CLIENT = HeadroomClient.builder().build();
  }

  @Override
  public HttpClientBuilder create() {
    return new CompressingHttpClientBuilder(JdkHttpClient.builder(), () -> Shared.CLIENT);
  }
}
