package dev.headroom.proxy.internal.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.pipeline.Provider;
import dev.headroom.pipeline.Route;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where each provider's traffic goes: origin plus optional path prefix, joined with the request
 * URI; and which provider a request is for.
 */
@API(status = INTERNAL, since = "0.1")
public final class Upstreams {

  private static final String DEPLOYMENTS = "/openai/deployments/";

  private final UpstreamTargets targets;
  private final long connectTimeoutMillis;

  /**
   * @param targets where each provider's traffic goes
   * @param connectTimeoutMillis how long connecting may take
   */
  public Upstreams(UpstreamTargets targets, long connectTimeoutMillis) {
    this.targets = targets;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  /**
   * Claims a request for a provider by its path, then by its headers: {@code /openai/...} is Azure
   * OpenAI, {@code /model/...} Bedrock, {@code /v1/projects/…}, {@code /v1beta1/…} and {@code
   * /v1/publishers/…} Vertex AI, {@code /v1beta/...} or an {@code x-goog-api-key} header Gemini,
   * {@code /v1/messages…} or an {@code anthropic-version} header Anthropic; everything else goes to
   * the OpenAI side.
   *
   * @param path the request path without query
   * @param headers the inbound headers
   * @return the provider
   */
  public static Provider providerOf(String path, MultiMap headers) {
    return providerOf(Route.PASSTHROUGH, path, headers);
  }

  /**
   * @param route the request's route: one of a provider of its own (Azure, Gemini, Vertex, Bedrock)
   *     decides; the OpenAI and Anthropic routes and passthrough go by path and headers
   * @param path the request path without query
   * @param headers the inbound headers
   * @return the provider
   */
  public static Provider providerOf(Route route, String path, MultiMap headers) {
    Provider own = route.provider();
    if (own != Provider.OPENAI && own != Provider.ANTHROPIC) {
      return own;
    }
    if (path.startsWith("/openai/")) {
      return Provider.AZURE_OPENAI;
    }
    if (path.startsWith("/model/")) {
      return Provider.BEDROCK;
    }
    // Vertex AI: /{v1,v1beta1}/projects/…, and /v1beta1/… (a version only Vertex has) or
    // /v1/publishers/… (express mode). Never /v1/organization/projects (OpenAI's admin API).
    if (path.startsWith("/v1/projects/")
        || path.startsWith("/v1beta1/")
        || path.startsWith("/v1/publishers/")) {
      return Provider.VERTEX;
    }
    boolean google =
        path.startsWith("/v1beta/") || path.startsWith("/v1alpha/") || path.startsWith("/upload/");
    boolean geminiModel = path.startsWith("/v1/models/") && path.indexOf(':') > 0;
    if (google || geminiModel || headers.contains("x-goog-api-key")) {
      return Provider.GEMINI;
    }
    if (path.equals("/v1/messages")
        || path.startsWith("/v1/messages/")
        || headers.contains("anthropic-version")) {
      return Provider.ANTHROPIC;
    }
    return Provider.OPENAI;
  }

  /**
   * @param provider a provider
   * @param uri the request URI (path and query)
   * @return where this request of that provider goes; empty when nothing is configured for it (an
   *     Azure deployment without a resource)
   */
  public Optional<URI> base(Provider provider, String uri) {
    return switch (provider) {
      case OPENAI -> Optional.of(targets.openai());
      case ANTHROPIC -> Optional.of(targets.anthropic());
      case GEMINI -> Optional.of(targets.gemini());
      case BEDROCK -> Optional.of(targets.bedrock());
      case AZURE_OPENAI -> {
        String deployment = deploymentOf(uri);
        URI byName = deployment == null ? null : targets.azureDeployments().get(deployment);
        yield byName != null ? Optional.of(byName) : targets.azure();
      }
      case VERTEX -> Optional.of(targets.vertex().orElseGet(() -> vertexRegional(uri)));
    };
  }

  /**
   * @param provider a provider
   * @return the origin of its traffic when it does not depend on the request (health checks)
   */
  public Optional<URI> base(Provider provider) {
    return provider == Provider.VERTEX && targets.vertex().isEmpty()
        ? Optional.empty()
        : base(provider, "/");
  }

  /**
   * @param provider whose upstream
   * @param method the method
   * @param uri the request URI (path and query) as the client sent it
   * @param headers the upstream-bound headers
   * @return the options of the upstream request
   * @throws IllegalStateException when nothing is configured for this request (check {@link
   *     #base(Provider, String)} first)
   */
  public RequestOptions http(Provider provider, HttpMethod method, String uri, MultiMap headers) {
    URI base = required(provider, uri);
    return new RequestOptions()
        .setMethod(method)
        .setHost(base.getHost())
        .setPort(port(base))
        .setSsl(base.getScheme().equals("https"))
        .setURI(base.getRawPath() + uri)
        .setHeaders(headers)
        .setConnectTimeout(connectTimeoutMillis)
        .setFollowRedirects(false);
  }

  /**
   * @param provider whose upstream
   * @param uri the request URI as the client sent it
   * @param headers the upstream-bound headers
   * @return the options of the upstream WebSocket
   */
  public WebSocketConnectOptions webSocket(Provider provider, String uri, MultiMap headers) {
    URI base = required(provider, uri);
    WebSocketConnectOptions options = new WebSocketConnectOptions();
    options
        .setHost(base.getHost())
        .setPort(port(base))
        .setSsl(base.getScheme().equals("https"))
        .setURI(base.getRawPath() + uri)
        .setHeaders(headers)
        .setConnectTimeout(connectTimeoutMillis);
    return options;
  }

  private URI required(Provider provider, String uri) {
    return base(provider, uri)
        .orElseThrow(
            () -> new IllegalStateException("no upstream configured for " + provider.wireName()));
  }

  /** {@code /openai/deployments/{name}/...}: the deployment's name, else {@code null}. */
  static String deploymentOf(String uri) {
    if (!uri.startsWith(DEPLOYMENTS)) {
      return null;
    }
    int end = uri.indexOf('/', DEPLOYMENTS.length());
    return end < 0 ? null : URLDecoder.decode(uri.substring(DEPLOYMENTS.length(), end), UTF_8);
  }

  /**
   * The regional endpoint of the path's {@code /locations/{location}/}, or of the default region.
   */
  private URI vertexRegional(String uri) {
    String location = targets.vertexRegion();
    int at = uri.indexOf("/locations/");
    if (at >= 0) {
      int start = at + "/locations/".length();
      int end = uri.indexOf('/', start);
      String named = end < 0 ? uri.substring(start) : uri.substring(start, end);
      if (named.matches("[a-z0-9-]+")) {
        location = named;
      }
    }
    return URI.create(
        location.equals("global")
            ? "https://aiplatform.googleapis.com"
            : "https://" + location + "-aiplatform.googleapis.com");
  }

  private static int port(URI base) {
    if (base.getPort() > 0) {
      return base.getPort();
    }
    return base.getScheme().equals("https") ? 443 : 80;
  }
}
