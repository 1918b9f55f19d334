package dev.headroom.proxy.internal.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.pipeline.Provider;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import org.apiguardian.api.API;

/**
 * Where each provider's traffic goes: origin plus optional path prefix, joined with the request
 * URI; and which provider a request is for.
 */
@API(status = INTERNAL, since = "0.1")
public final class Upstreams {

  private final URI openai;
  private final URI anthropic;
  private final long connectTimeoutMillis;

  /**
   * @param openai the origin (and optional path prefix) of OpenAI-shaped traffic
   * @param anthropic the same for Anthropic-shaped traffic
   * @param connectTimeoutMillis how long connecting may take
   */
  public Upstreams(URI openai, URI anthropic, long connectTimeoutMillis) {
    this.openai = openai;
    this.anthropic = anthropic;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  /**
   * Anthropic-shaped traffic is {@code /v1/messages…} or carries an {@code anthropic-version}
   * header; everything else goes to the OpenAI side.
   *
   * @param path the request path without query
   * @param headers the inbound headers
   * @return the provider
   */
  public static Provider providerOf(String path, MultiMap headers) {
    if (path.equals("/v1/messages")
        || path.startsWith("/v1/messages/")
        || headers.contains("anthropic-version")) {
      return Provider.ANTHROPIC;
    }
    return Provider.OPENAI;
  }

  /**
   * @param provider a provider
   * @return where its traffic goes
   */
  public URI base(Provider provider) {
    return provider == Provider.ANTHROPIC ? anthropic : openai;
  }

  /**
   * @param provider whose upstream
   * @param method the method
   * @param uri the request URI (path and query) as the client sent it
   * @param headers the upstream-bound headers
   * @return the options of the upstream request
   */
  public RequestOptions http(Provider provider, HttpMethod method, String uri, MultiMap headers) {
    URI base = base(provider);
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
    URI base = base(provider);
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

  private static int port(URI base) {
    if (base.getPort() > 0) {
      return base.getPort();
    }
    return base.getScheme().equals("https") ? 443 : 80;
  }
}
