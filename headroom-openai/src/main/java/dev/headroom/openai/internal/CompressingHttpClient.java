package dev.headroom.openai.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import dev.headroom.client.CompressingTransport;
import dev.headroom.client.HeadroomClient;
import dev.headroom.compress.ProviderApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * The OpenAI SDK's transport with Headroom in front: Chat Completions and Responses bodies through
 * {@link CompressingTransport}, every other call as it is.
 */
@API(status = INTERNAL, since = "0.1")
public final class CompressingHttpClient implements HttpClient {

  private final HttpClient delegate;
  private final Transport transport;

  /**
   * @param delegate the transport that talks to the network
   * @param headroom the Headroom client
   */
  public CompressingHttpClient(HttpClient delegate, HeadroomClient headroom) {
    this.delegate = delegate;
    this.transport = new Transport(headroom);
  }

  @Override
  public HttpResponse execute(HttpRequest request, RequestOptions options) {
    return transport.execute(request, sent -> delegate.execute(sent, options));
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
    return transport.executeAsync(request, sent -> delegate.executeAsync(sent, options));
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** How the SDK's request and response types are read and rebuilt. */
  private static final class Transport extends CompressingTransport<HttpRequest, HttpResponse> {

    Transport(HeadroomClient headroom) {
      super(headroom, EnumSet.of(ProviderApi.CHAT_COMPLETIONS, ProviderApi.RESPONSES));
    }

    @Override
    protected String method(HttpRequest request) {
      return request.method().name();
    }

    @Override
    protected List<String> pathSegments(HttpRequest request) {
      return request.pathSegments();
    }

    @Override
    protected Optional<byte[]> requestBody(HttpRequest request) {
      HttpRequestBody body = request.body();
      if (body == null) {
        return Optional.empty();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      body.writeTo(out);
      return Optional.of(out.toByteArray());
    }

    @Override
    protected Map<String, List<String>> headers(HttpRequest request) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      Headers all = request.headers();
      all.names().forEach(name -> headers.put(name, all.values(name)));
      return headers;
    }

    @Override
    protected HttpRequest rebuild(HttpRequest request, byte[] body, HeaderChanges changes) {
      HttpRequest.Builder builder =
          request.toBuilder().body(new Body(body, request.body().contentType()));
      changes.removed().forEach(builder::removeHeaders);
      changes.set().forEach(builder::replaceHeaders);
      return builder.build();
    }

    @Override
    protected int status(HttpResponse response) {
      return response.statusCode();
    }

    @Override
    protected Optional<String> contentType(HttpResponse response) {
      return response.headers().values("content-type").stream().findFirst();
    }

    @Override
    protected InputStream responseBody(HttpResponse response) {
      return response.body();
    }

    @Override
    protected HttpResponse withBody(HttpResponse response, InputStream body) {
      return new Observed(response, body);
    }
  }

  /** The SDK's response, read through the observed stream. */
  private record Observed(HttpResponse response, InputStream body) implements HttpResponse {
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
    public void close() {
      try (response) {
        body.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The prepared body, sent as the SDK would send its own. */
  private record Body(byte[] bytes, String contentType) implements HttpRequestBody {
    @Override
    public void writeTo(OutputStream out) {
      try {
        out.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
