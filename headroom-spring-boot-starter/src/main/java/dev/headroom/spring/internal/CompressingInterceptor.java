package dev.headroom.spring.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.client.CompressingTransport;
import dev.headroom.client.Exchange;
import dev.headroom.client.HeadroomClient;
import dev.headroom.compress.ProviderApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;
import org.apiguardian.api.API;

/**
 * An OkHttp interceptor with Headroom in front: Spring AI 2's OpenAI and Anthropic models send
 * through the official SDKs over OkHttp, and take interceptors through their HTTP-client builder
 * customizers. A request to one of the chosen APIs goes through {@link CompressingTransport}; its
 * response comes back unchanged and unbuffered (a stream is relayed as it arrives, read alongside
 * for usage).
 */
@API(status = INTERNAL, since = "0.1")
public final class CompressingInterceptor implements Interceptor {

  private final Transport transport;

  /**
   * @param headroom the client requests go through
   * @param apis the request formats the model sends
   * @param prepared told of each request prepared, before it is sent (the meters)
   */
  public CompressingInterceptor(
      HeadroomClient headroom, Set<ProviderApi> apis, Consumer<Exchange> prepared) {
    this.transport = new Transport(headroom, apis, prepared);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      return transport.execute(
          chain.request(),
          request -> {
            try {
              return chain.proceed(request);
            } catch (IOException failed) {
              throw new UncheckedIOException(failed);
            }
          });
    } catch (UncheckedIOException failed) {
      throw failed.getCause();
    }
  }

  /** How OkHttp's requests and responses are read and rebuilt. */
  private static final class Transport extends CompressingTransport<Request, Response> {

    private final Consumer<Exchange> prepared;

    Transport(HeadroomClient headroom, Set<ProviderApi> apis, Consumer<Exchange> prepared) {
      super(headroom, apis);
      this.prepared = prepared;
    }

    @Override
    protected void prepared(Exchange exchange) {
      prepared.accept(exchange);
    }

    @Override
    protected String method(Request request) {
      return request.method();
    }

    @Override
    protected List<String> pathSegments(Request request) {
      return request.url().pathSegments().stream().filter(s -> !s.isEmpty()).toList();
    }

    @Override
    protected Optional<byte[]> requestBody(Request request) {
      RequestBody body = request.body();
      if (body == null || body.isDuplex() || body.isOneShot()) {
        return Optional.empty();
      }
      try (Buffer buffer = new Buffer()) {
        body.writeTo(buffer);
        return buffer.size() == 0 ? Optional.empty() : Optional.of(buffer.readByteArray());
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }

    @Override
    protected Map<String, List<String>> headers(Request request) {
      return request.headers().toMultimap();
    }

    @Override
    protected Request rebuild(Request request, byte[] body, HeaderChanges changes) {
      Request.Builder builder = request.newBuilder();
      changes.removed().forEach(builder::removeHeader);
      changes.set().forEach(builder::header);
      RequestBody original = request.body();
      MediaType type = original == null ? null : original.contentType();
      return builder.method(request.method(), RequestBody.create(body, type)).build();
    }

    @Override
    protected int status(Response response) {
      return response.code();
    }

    @Override
    protected Optional<String> contentType(Response response) {
      return Optional.ofNullable(response.header("Content-Type"));
    }

    @Override
    protected InputStream responseBody(Response response) {
      ResponseBody body = response.body();
      return body == null ? InputStream.nullInputStream() : body.byteStream();
    }

    @Override
    protected Response withBody(Response response, InputStream observed) {
      ResponseBody body = response.body();
      if (body == null) {
        return response;
      }
      return response
          .newBuilder()
          .body(
              ResponseBody.create(
                  Okio.buffer(Okio.source(observed)), body.contentType(), body.contentLength()))
          .build();
    }
  }
}
