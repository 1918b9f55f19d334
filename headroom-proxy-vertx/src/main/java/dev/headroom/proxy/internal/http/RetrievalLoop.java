package dev.headroom.proxy.internal.http;

import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.ProviderApi;
import dev.headroom.proxy.internal.ccr.CcrMetrics;
import dev.headroom.proxy.internal.ccr.Continuations;
import dev.headroom.proxy.internal.ccr.RetrieveTools;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Answers the model's {@code headroom_retrieve} calls for a request that carries the proxy's tool:
 * while a successful JSON response asks only for retrievals (at most {@value #MAX_ROUNDS} rounds),
 * the originals are read from the store with the caller's scope and the conversation goes back
 * upstream with them as tool results. Anything else — an error, a stream, another tool call — is
 * the answer.
 */
final class RetrievalLoop {

  static final int MAX_ROUNDS = 3;
  private static final Logger LOG = System.getLogger(RetrievalLoop.class.getName());
  private static final int RESPONSE_CAP = 16 << 20;

  /**
   * What goes to the client.
   *
   * @param response the last upstream response
   * @param body its body when it was read (then the client gets exactly it), or {@code null} to
   *     relay the response as it streams
   */
  record Outcome(HttpClientResponse response, Buffer body) {}

  private final Forwarder f;
  private final CcrStore store;
  private final CcrMetrics metrics;

  RetrievalLoop(Forwarder forwarder, CcrStore store, CcrMetrics metrics) {
    this.f = forwarder;
    this.store = store;
    this.metrics = metrics;
  }

  /**
   * @param up the first response
   * @param uri the request URI
   * @param api the request format
   * @param headers the headers the request was sent with
   * @param sent the body it was sent with
   * @param scope the caller's scope
   * @param requests told of every continuation request, so a timeout can reset it
   * @return the outcome
   */
  Future<Outcome> run(
      HttpClientResponse up,
      String uri,
      ProviderApi api,
      RequestContext ctx,
      MultiMap headers,
      Buffer sent,
      String scope,
      Consumer<HttpClientRequest> requests) {
    return round(up, uri, api, ctx, headers, sent, scope, requests, 0);
  }

  private Future<Outcome> round(
      HttpClientResponse up,
      String uri,
      ProviderApi api,
      RequestContext ctx,
      MultiMap headers,
      Buffer sent,
      String scope,
      Consumer<HttpClientRequest> requests,
      int round) {
    String type = up.getHeader("content-type");
    boolean json = type != null && type.toLowerCase(Locale.ROOT).contains("json");
    String length = up.getHeader("content-length");
    if (round >= MAX_ROUNDS
        || up.statusCode() != 200
        || !json
        || up.getHeader("content-encoding") != null
        || length != null && parse(length) > RESPONSE_CAP) {
      return Future.succeededFuture(new Outcome(up, null));
    }
    return up.body()
        .compose(
            body -> {
              byte[] answer = body.getBytes();
              Future<Optional<byte[]>> continued =
                  RetrieveTools.mentioned(answer)
                      ? f.vertx.executeBlocking(() -> continuation(api, sent, answer, scope), false)
                      : Future.succeededFuture(
                          Optional.empty()); // no call can name the tool: no worker hop
              return continued.compose(
                  next -> {
                    if (next.isEmpty()) {
                      return Future.succeededFuture(new Outcome(up, body));
                    }
                    counted();
                    LOG.log(
                        Level.DEBUG,
                        () -> "request " + ctx.requestId + ": retrieval round " + (round + 1));
                    Buffer again = Buffer.buffer(next.get());
                    return f.client
                        .request(
                            f.upstreams.http(
                                ctx.provider, io.vertx.core.http.HttpMethod.POST, uri, headers))
                        .compose(
                            request -> {
                              requests.accept(request);
                              return request.send(again);
                            })
                        .compose(
                            response ->
                                round(
                                    response, uri, api, ctx, headers, again, scope, requests,
                                    round + 1));
                  });
            });
  }

  private Optional<byte[]> continuation(ProviderApi api, Buffer sent, byte[] body, String scope) {
    byte[] request = sent.getBytes();
    if (!RetrieveTools.carries(request, api)) {
      return Optional.empty();
    }
    return Continuations.next(api, request, body, hash -> answer(hash, scope));
  }

  /** Counts a retrieval round answered outside this loop (streams). */
  void counted() {
    metrics.round();
  }

  String answer(String hash, String scope) {
    Optional<CcrEntry> entry;
    try {
      entry = hash.isEmpty() ? Optional.empty() : store.get(hash, scope);
    } catch (RuntimeException storeDown) {
      return "The original for hash "
          + hash
          + " cannot be read right now (store unavailable). Continue without it.";
    }
    return entry
        .map(CcrEntry::content)
        .orElse(
            "No original is stored under hash "
                + hash
                + " for this API key (expired or unknown). Continue without it.");
  }

  private static long parse(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException bad) {
      return -1;
    }
  }
}
