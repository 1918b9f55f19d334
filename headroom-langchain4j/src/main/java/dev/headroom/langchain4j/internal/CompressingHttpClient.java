package dev.headroom.langchain4j.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.client.CompressingTransport;
import dev.headroom.client.HeadroomClient;
import dev.headroom.compress.ProviderApi;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * LangChain4j's HTTP client with Headroom in front: Chat Completions, Responses and Anthropic
 * Messages bodies through {@link CompressingTransport} — the core of every drop-in — and every
 * other call as it is. Blocking responses are observed for the response stages; a stream is relayed
 * to the model's listener event by event as the delegate parses it.
 */
@API(status = INTERNAL, since = "0.1")
public final class CompressingHttpClient implements HttpClient {

  private final HttpClient delegate;
  private final Transport transport;

  /**
   * @param delegate the client that talks to the network
   * @param headroom the Headroom client
   */
  public CompressingHttpClient(HttpClient delegate, HeadroomClient headroom) {
    this.delegate = delegate;
    this.transport = new Transport(headroom);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    return transport.execute(request, sent -> new Sent(delegate.execute(sent))).response();
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    transport.execute(
        request,
        sent -> {
          delegate.execute(sent, parser, listener);
          return Sent.STREAMING;
        });
  }

  /**
   * What the delegate answered: a whole response, or {@link #STREAMING} once a stream has been
   * handed to the model's listener (its events are the model's, not observed here).
   */
  record Sent(SuccessfulHttpResponse response) {
    static final Sent STREAMING = new Sent(null);
  }

  /** How LangChain4j's request and response types are read and rebuilt. */
  private static final class Transport extends CompressingTransport<HttpRequest, Sent> {

    Transport(HeadroomClient headroom) {
      super(
          headroom,
          EnumSet.of(
              ProviderApi.CHAT_COMPLETIONS, ProviderApi.RESPONSES, ProviderApi.ANTHROPIC_MESSAGES));
    }

    @Override
    protected String method(HttpRequest request) {
      return request.method().name();
    }

    @Override
    protected List<String> pathSegments(HttpRequest request) {
      String path = URI.create(request.url()).getRawPath();
      List<String> segments = new ArrayList<>();
      for (String segment : path == null ? new String[0] : path.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
      }
      return segments;
    }

    @Override
    protected Optional<byte[]> requestBody(HttpRequest request) {
      String body = request.body();
      return body == null || body.isEmpty()
          ? Optional.empty()
          : Optional.of(body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected Map<String, List<String>> headers(HttpRequest request) {
      return request.headers() == null ? Map.of() : request.headers();
    }

    @Override
    protected HttpRequest rebuild(HttpRequest request, byte[] body, HeaderChanges changes) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      if (request.headers() != null) {
        request
            .headers()
            .forEach(
                (name, values) -> {
                  String lower = name.toLowerCase(Locale.ROOT);
                  if (!changes.removed().contains(lower) && !changes.set().containsKey(lower)) {
                    headers.put(name, values);
                  }
                });
      }
      changes.set().forEach((name, value) -> headers.put(name, List.of(value)));
      HttpRequest.Builder builder =
          HttpRequest.builder()
              .method(request.method())
              .url(request.url())
              .headers(headers)
              .body(new String(body, StandardCharsets.UTF_8));
      if (request.formDataFields() != null && !request.formDataFields().isEmpty()) {
        builder.formDataFields(request.formDataFields());
      }
      if (request.formDataFiles() != null && !request.formDataFiles().isEmpty()) {
        builder.formDataFiles(request.formDataFiles());
      }
      return builder.build();
    }

    @Override
    protected int status(Sent sent) {
      return sent.response() == null ? 200 : sent.response().statusCode();
    }

    @Override
    protected Optional<String> contentType(Sent sent) {
      return sent.response() == null
          ? Optional.of("text/event-stream")
          : Optional.ofNullable(sent.response().contentType());
    }

    @Override
    protected InputStream responseBody(Sent sent) {
      return sent.response() == null
          ? InputStream.nullInputStream()
          : new ByteArrayInputStream(sent.response().bodyBytes());
    }

    @Override
    protected Sent withBody(Sent sent, InputStream observed) {
      if (sent.response() == null) {
        return sent;
      }
      // Read through the observer, so the response stages see the whole body (and its usage).
      try (observed) {
        byte[] body = observed.readAllBytes();
        SuccessfulHttpResponse response = sent.response();
        return new Sent(
            SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers())
                .body(body)
                .build());
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }
  }
}
