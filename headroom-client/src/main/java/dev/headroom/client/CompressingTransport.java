package dev.headroom.client;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.compress.ProviderApi;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Headroom at the HTTP level of a client library, whatever its request and response types: a
 * request to one of the chosen APIs goes through {@link HeadroomClient#prepare(ProviderApi, byte[],
 * Map)} and is sent with the prepared body and headers; its response comes back unchanged, read
 * through {@link Exchange#observe}. Every other request passes through untouched.
 *
 * <p>A subclass says how to read and rebuild the library's own types; the SDK drop-ins ({@code
 * headroom-openai}, {@code headroom-anthropic}) are such subclasses. Thread-safe when the subclass
 * is.
 *
 * @param <Q> the library's request type
 * @param <R> the library's response type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class CompressingTransport<Q, R> {

  private final HeadroomClient headroom;
  private final Set<ProviderApi> apis;

  /**
   * @param headroom the client requests go through
   * @param apis the request formats this library sends (an OpenAI client never sends Anthropic
   *     Messages, whatever its paths look like)
   */
  protected CompressingTransport(HeadroomClient headroom, Set<ProviderApi> apis) {
    this.headroom = Objects.requireNonNull(headroom, "headroom must not be null");
    this.apis = EnumSet.copyOf(Objects.requireNonNull(apis, "apis must not be null"));
  }

  /**
   * Sends a request, through Headroom when it is one of the chosen APIs.
   *
   * @param request the library's request
   * @param send the library's own way of sending one
   * @return the response, its body observed as it is read
   */
  public final R execute(Q request, Function<Q, R> send) {
    Optional<Exchange> exchange = prepare(request);
    if (exchange.isEmpty()) {
      return send.apply(request);
    }
    prepared(exchange.get());
    return observed(send.apply(rebuilt(request, exchange.get())), exchange.get());
  }

  /**
   * Sends a request asynchronously, through Headroom when it is one of the chosen APIs.
   *
   * @param request the library's request
   * @param send the library's own way of sending one
   * @return the response, its body observed as it is read
   */
  public final CompletableFuture<R> executeAsync(
      Q request, Function<Q, CompletableFuture<R>> send) {
    Optional<Exchange> exchange = prepare(request);
    if (exchange.isEmpty()) {
      return send.apply(request);
    }
    prepared(exchange.get());
    return send.apply(rebuilt(request, exchange.get()))
        .thenApply(response -> observed(response, exchange.get()));
  }

  /**
   * Told of each request that went through Headroom, before it is sent: what was compressed, the
   * token counts of the body to send. Does nothing unless overridden (integrations count it in
   * their metrics); a throw fails the request.
   *
   * @param exchange the prepared exchange
   */
  protected void prepared(Exchange exchange) {}

  /**
   * @param request a request
   * @return its method, upper case
   */
  protected abstract String method(Q request);

  /**
   * @param request a request
   * @return its path, segment by segment (the base URL's segments included or not)
   */
  protected abstract List<String> pathSegments(Q request);

  /**
   * @param request a request
   * @return its body's bytes, or empty when it has none
   */
  protected abstract Optional<byte[]> requestBody(Q request);

  /**
   * @param request a request
   * @return its headers, each name with its values
   */
  protected abstract Map<String, List<String>> headers(Q request);

  /**
   * @param request the request as the library built it
   * @param body the body to send instead
   * @param changes what the extensions changed in the headers
   * @return the request to send
   */
  protected abstract Q rebuild(Q request, byte[] body, HeaderChanges changes);

  /**
   * @param response a response
   * @return its HTTP status
   */
  protected abstract int status(R response);

  /**
   * @param response a response
   * @return its content type, or empty
   */
  protected abstract Optional<String> contentType(R response);

  /**
   * @param response a response
   * @return its body
   */
  protected abstract InputStream responseBody(R response);

  /**
   * @param response the response as the library received it
   * @param body the stream its reader reads instead (the same bytes, observed); closing the
   *     response must close it
   * @return the response to hand back
   */
  protected abstract R withBody(R response, InputStream body);

  /**
   * What the pipeline's extensions changed in a request's headers.
   *
   * @param set headers to set (lower-case names) to the value given
   * @param removed headers to remove (lower-case names)
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record HeaderChanges(Map<String, String> set, Set<String> removed) {

    /** Freezes the collections. */
    public HeaderChanges {
      set = Map.copyOf(set);
      removed = Set.copyOf(removed);
    }
  }

  /**
   * @param method the HTTP method
   * @param path the path's segments
   * @param apis the formats to recognise
   * @return the format a {@code POST} to {@code …/chat/completions}, {@code …/responses} or {@code
   *     …/messages} is, if it is one of {@code apis}
   */
  static Optional<ProviderApi> apiOf(String method, List<String> path, Set<ProviderApi> apis) {
    if (!"POST".equalsIgnoreCase(method) || path.isEmpty()) {
      return Optional.empty();
    }
    String last = path.get(path.size() - 1);
    ProviderApi api = null;
    if (last.equals("completions")
        && path.size() >= 2
        && path.get(path.size() - 2).equals("chat")) {
      api = ProviderApi.CHAT_COMPLETIONS;
    } else if (last.equals("responses")) {
      api = ProviderApi.RESPONSES;
    } else if (last.equals("messages")) {
      api = ProviderApi.ANTHROPIC_MESSAGES;
    }
    return api != null && apis.contains(api) ? Optional.of(api) : Optional.empty();
  }

  private Optional<Exchange> prepare(Q request) {
    Optional<ProviderApi> api = apiOf(method(request), pathSegments(request), apis);
    if (api.isEmpty()) {
      return Optional.empty();
    }
    Optional<byte[]> body = requestBody(request);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(headroom.prepare(api.get(), body.get(), joined(headers(request))));
  }

  private Q rebuilt(Q request, Exchange exchange) {
    Map<String, String> before = joined(headers(request));
    Map<String, String> after = exchange.headers();
    Map<String, String> set = new LinkedHashMap<>();
    Set<String> removed = new LinkedHashSet<>();
    before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(removed::add);
    after.forEach(
        (name, value) -> {
          if (!value.equals(before.get(name))) {
            set.put(name, value);
          }
        });
    return rebuild(request, exchange.body(), new HeaderChanges(set, removed));
  }

  private R observed(R response, Exchange exchange) {
    InputStream body =
        exchange.observe(
            status(response), contentType(response).orElse(null), responseBody(response));
    return withBody(response, body);
  }

  /** Lower-case names, values joined with commas, as the pipeline's events carry them. */
  private static Map<String, String> joined(Map<String, List<String>> headers) {
    Map<String, String> joined = new LinkedHashMap<>();
    headers.forEach(
        (name, values) ->
            joined.merge(
                name.toLowerCase(Locale.ROOT), String.join(",", values), (a, b) -> a + "," + b));
    return joined;
  }
}
