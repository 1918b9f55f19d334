package dev.headroom.proxy.internal.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;

/**
 * Where each provider's traffic goes: origin plus optional path prefix, joined with the request
 * URI.
 */
final class Upstreams {

  private final URI openai;
  private final URI anthropic;
  private final long connectTimeoutMillis;

  Upstreams(URI openai, URI anthropic, long connectTimeoutMillis) {
    this.openai = openai;
    this.anthropic = anthropic;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  URI base(Provider provider) {
    return provider == Provider.ANTHROPIC ? anthropic : openai;
  }

  RequestOptions http(Provider provider, HttpMethod method, String uri, MultiMap headers) {
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

  WebSocketConnectOptions webSocket(Provider provider, String uri, MultiMap headers) {
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
