package dev.headroom.proxy.internal.retrieval;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.ProviderApi;
import dev.headroom.proxy.internal.ccr.CcrMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Answers the model's {@code headroom_retrieve} calls for a request that carries the proxy's tool:
 * while a successful JSON response asks only for retrievals (at most {@value #MAX_ROUNDS} rounds),
 * the originals are read from the store with the caller's scope and the conversation goes back
 * upstream with them as tool results; an event stream is handed to {@link StreamedRetrievals}.
 * Anything else — an error, another tool call, no tool at all — is the answer as it came.
 */
@API(status = INTERNAL, since = "0.1")
public final class RetrievalLoop {

  static final int MAX_ROUNDS = 3;
  private static final Logger LOG = System.getLogger(RetrievalLoop.class.getName());
  private static final int RESPONSE_CAP = 16 << 20;

  private final Vertx vertx;
  private final CcrStore store;
  private final CcrMetrics metrics;

  /**
   * @param vertx runs the store lookups and request rebuilding on workers
   * @param store where the originals are
   * @param metrics counts the rounds
   */
  public RetrievalLoop(Vertx vertx, CcrStore store, CcrMetrics metrics) {
    this.vertx = vertx;
    this.store = store;
    this.metrics = metrics;
  }

  /**
   * @param first the upstream's first response
   * @param api the request format
   * @param sent the body the request was sent with (only one that carries the tool is answered)
   * @param scope the caller's scope: only its originals are read
   * @param requestId for the log
   * @param sender sends continuation requests
   * @return what the client gets
   */
  public Future<Answer> answer(
      HttpClientResponse first,
      ProviderApi api,
      Buffer sent,
      String scope,
      String requestId,
      UpstreamSender sender) {
    return round(first, api, sent, scope, requestId, sender, 0);
  }

  private Future<Answer> round(
      HttpClientResponse up,
      ProviderApi api,
      Buffer sent,
      String scope,
      String requestId,
      UpstreamSender sender,
      int round) {
    if (StreamedRetrievals.applies(api, up, sent.getBytes())) {
      return Future.succeededFuture(
          new Answer.Streamed(
              up, new StreamedRetrievals(vertx, this, api, scope, sent.getBytes(), sender)));
    }
    String type = up.getHeader("content-type");
    boolean json = type != null && type.toLowerCase(Locale.ROOT).contains("json");
    String length = up.getHeader("content-length");
    if (round >= MAX_ROUNDS
        || up.statusCode() != 200
        || !json
        || up.getHeader("content-encoding") != null
        || length != null && parse(length) > RESPONSE_CAP) {
      return Future.succeededFuture(new Answer.Relay(up));
    }
    return up.body()
        .compose(
            body -> {
              byte[] reply = body.getBytes();
              Future<Optional<byte[]>> continued =
                  RetrieveTools.mentioned(reply)
                      ? vertx.executeBlocking(() -> continuation(api, sent, reply, scope), false)
                      // no call can name the tool: no worker hop
                      : Future.succeededFuture(Optional.empty());
              return continued.compose(
                  next -> {
                    if (next.isEmpty()) {
                      return Future.succeededFuture(new Answer.Buffered(up, body));
                    }
                    counted();
                    LOG.log(
                        Level.DEBUG,
                        () -> "request " + requestId + ": retrieval round " + (round + 1));
                    Buffer again = Buffer.buffer(next.get());
                    return sender
                        .send(again)
                        .compose(
                            response ->
                                round(response, api, again, scope, requestId, sender, round + 1));
                  });
            });
  }

  private Optional<byte[]> continuation(ProviderApi api, Buffer sent, byte[] reply, String scope) {
    byte[] request = sent.getBytes();
    if (!RetrieveTools.carries(request, api)) {
      return Optional.empty();
    }
    return Continuations.next(api, request, reply, hash -> original(hash, scope));
  }

  /** Counts a retrieval round answered. */
  void counted() {
    metrics.round();
  }

  Vertx vertx() {
    return vertx;
  }

  /** The tool result for a hash: the original, or why there is none. */
  String original(String hash, String scope) {
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
