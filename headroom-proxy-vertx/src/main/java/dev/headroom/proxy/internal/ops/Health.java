package dev.headroom.proxy.internal.ops;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code GET /healthz} answers 200 whenever the proxy runs; {@code GET /healthz/upstream} probes
 * each upstream origin ({@code HEAD /}) and answers 200 when every one gave any HTTP answer, else
 * 503.
 */
@API(status = INTERNAL, since = "0.1")
public final class Health {

  private static final long PROBE_TIMEOUT_MILLIS = 5_000;

  private final HttpClient client;
  private final Map<String, URI> upstreams;

  /**
   * @param client the client to probe with
   * @param upstreams name to origin
   */
  public Health(HttpClient client, Map<String, URI> upstreams) {
    this.client = client;
    this.upstreams = upstreams;
  }

  /**
   * @param response where to answer
   */
  public void live(HttpServerResponse response) {
    response
        .putHeader("content-type", "application/json")
        .end("{\"ok\":true,\"service\":\"headroom-proxy\"}");
  }

  /**
   * @param response where to answer
   */
  public void upstream(HttpServerResponse response) {
    List<String> names = new ArrayList<>(upstreams.keySet());
    List<Future<String>> probes = new ArrayList<>();
    for (String name : names) {
      probes.add(probe(upstreams.get(name)));
    }
    Future.join(probes)
        .onComplete(
            all -> {
              boolean ok = true;
              StringBuilder json = new StringBuilder("{\"upstreams\":{");
              for (int i = 0; i < names.size(); i++) {
                Future<String> probe = probes.get(i);
                ok &= probe.succeeded();
                json.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(names.get(i))
                    .append("\":")
                    .append(
                        probe.succeeded()
                            ? probe.result()
                            : "{\"ok\":false,\"error\":\"unreachable\"}");
              }
              json.append("},\"ok\":").append(ok).append('}');
              response
                  .setStatusCode(ok ? 200 : 503)
                  .putHeader("content-type", "application/json")
                  .end(json.toString());
            });
  }

  private Future<String> probe(URI base) {
    boolean https = base.getScheme().equals("https");
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.HEAD)
            .setHost(base.getHost())
            .setPort(base.getPort() > 0 ? base.getPort() : https ? 443 : 80)
            .setSsl(https)
            .setURI(base.getRawPath().isEmpty() ? "/" : base.getRawPath())
            .setConnectTimeout(PROBE_TIMEOUT_MILLIS)
            .setIdleTimeout(PROBE_TIMEOUT_MILLIS);
    return client
        .request(options)
        .compose(request -> request.send())
        .map(
            answer -> {
              return "{\"ok\":true,\"status\":" + answer.statusCode() + "}";
            });
  }
}
