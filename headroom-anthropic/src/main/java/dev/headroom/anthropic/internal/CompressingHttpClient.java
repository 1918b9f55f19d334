package dev.headroom.anthropic.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.Headers;
import com.anthropic.core.http.HttpClient;
import com.anthropic.core.http.HttpMethod;
import com.anthropic.core.http.HttpRequest;
import com.anthropic.core.http.HttpRequestBody;
import com.anthropic.core.http.HttpResponse;
import dev.headroom.client.Exchange;
import dev.headroom.client.HeadroomClient;
import dev.headroom.compress.ProviderApi;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * The SDK transport with Headroom in front: request bodies through the live-zone rewrite, responses
 * observed.
 */
@API(status = INTERNAL, since = "0.1")
public final class CompressingHttpClient implements HttpClient {

  private final HttpClient delegate;
  private final HeadroomClient headroom;

  /**
   * @param delegate the transport that talks to the network
   * @param headroom the Headroom client
   */
  public CompressingHttpClient(HttpClient delegate, HeadroomClient headroom) {
    this.delegate = delegate;
    this.headroom = headroom;
  }

  @Override
  public HttpResponse execute(HttpRequest request, RequestOptions options) {
    Optional<ProviderApi> api = apiOf(request);
    if (api.isEmpty()) {
      return delegate.execute(request, options);
    }
    Exchange exchange =
        headroom.prepare(api.get(), bytesOf(request.body()), headersOf(request.headers()));
    return observed(delegate.execute(rebuilt(request, exchange), options), exchange);
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
    Optional<ProviderApi> api = apiOf(request);
    if (api.isEmpty()) {
      return delegate.executeAsync(request, options);
    }
    Exchange exchange =
        headroom.prepare(api.get(), bytesOf(request.body()), headersOf(request.headers()));
    return delegate
        .executeAsync(rebuilt(request, exchange), options)
        .thenApply(response -> observed(response, exchange));
  }

  @Override
  public void close() {
    delegate.close();
  }

  static Optional<ProviderApi> apiOf(HttpRequest request) {
    List<String> path = request.pathSegments();
    if (request.method() != HttpMethod.POST || request.body() == null || path.isEmpty()) {
      return Optional.empty();
    }
    // POST /v1/messages (also with ?beta=true); count_tokens and batches are left alone.
    return path.get(path.size() - 1).equals("messages")
        ? Optional.of(ProviderApi.ANTHROPIC_MESSAGES)
        : Optional.empty();
  }

  private static byte[] bytesOf(HttpRequestBody body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toByteArray();
  }

  private static Map<String, String> headersOf(Headers headers) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String name : headers.names()) {
      map.put(name, String.join(",", headers.values(name)));
    }
    return map;
  }

  private static HttpRequest rebuilt(HttpRequest request, Exchange exchange) {
    HttpRequest.Builder builder =
        request.toBuilder().body(new JsonBody(exchange.body(), request.body().contentType()));
    Map<String, String> before = headersOf(request.headers());
    Map<String, String> after = exchange.headers();
    for (String name : request.headers().names()) {
      if (!after.containsKey(name.toLowerCase(java.util.Locale.ROOT))) {
        builder.removeHeaders(name);
      }
    }
    after.forEach(
        (name, value) -> {
          if (!value.equals(before.get(name))) {
            builder.replaceHeaders(name, value);
          }
        });
    return builder.build();
  }

  private static HttpResponse observed(HttpResponse response, Exchange exchange) {
    InputStream body =
        exchange.observe(
            response.statusCode(),
            response.headers().values("content-type").stream().findFirst().orElse(null),
            response.body());
    return new HttpResponse() {
      @Override
      public int statusCode() {
        return response.statusCode();
      }

      @Override
      public Headers headers() {
        return response.headers();
      }

      @Override
      public Optional<String> requestId() {
        return response.requestId();
      }

      @Override
      public InputStream body() {
        return body;
      }

      @Override
      public void close() {
        try {
          body.close();
        } catch (java.io.IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          response.close();
        }
      }
    };
  }

  private record JsonBody(byte[] bytes, String type) implements HttpRequestBody {
    @Override
    public void writeTo(OutputStream out) {
      try {
        out.write(bytes);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String contentType() {
      return type;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public boolean repeatable() {
      return true;
    }

    @Override
    public void close() {
      // nothing held
    }
  }
}
