package dev.headroom.proxy.internal.retrieval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import dev.headroom.pipeline.Provider;
import dev.headroom.proxy.internal.wire.ErrorBodies;
import dev.headroom.proxy.internal.wire.RequestIds;
import dev.headroom.proxy.internal.wire.Scopes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * {@code GET /v1/retrieve/{hash}}: the original of a compressed block, only for the credential
 * whose request stored it. A wrong credential gets exactly the answer a missing hash gets (404), so
 * nobody learns which hashes exist.
 */
@API(status = INTERNAL, since = "0.1")
public final class RetrievalEndpoint {

  /** The path prefix this endpoint owns. */
  public static final String PREFIX = "/v1/retrieve/";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{8,128}");

  private final CcrStore store;

  /**
   * @param store where compressed blocks' originals are kept
   */
  public RetrievalEndpoint(CcrStore store) {
    this.store = store;
  }

  /**
   * Answers one {@code GET} under {@link #PREFIX}; a remote store is read on a worker.
   *
   * @param request the request
   */
  public void handle(HttpServerRequest request) {
    String requestId = RequestIds.of(request.headers());
    String hash = request.path().substring(PREFIX.length());
    // The same owner as the request that stored it: Gemini callers may send their key as ?key=.
    String scope = Scopes.of(request.headers(), request.getParam("key"));
    request
        .response()
        .putHeader("x-request-id", requestId)
        .putHeader("content-type", "application/json");
    if (!HASH.matcher(hash).matches()) {
      notFound(request, requestId);
      return;
    }
    Vertx.currentContext()
        .executeBlocking(() -> store.get(hash.toLowerCase(Locale.ROOT), scope), false)
        .onComplete(
            done -> {
              if (done.failed()) {
                request
                    .response()
                    .setStatusCode(503)
                    .end(
                        ErrorBodies.of(
                            Provider.OPENAI,
                            "store_unavailable",
                            "the store of originals cannot be read now",
                            requestId));
              } else if (done.result().isEmpty()) {
                notFound(request, requestId);
              } else {
                found(request, requestId, done.result().get());
              }
            });
  }

  private static void notFound(HttpServerRequest request, String requestId) {
    request
        .response()
        .setStatusCode(404)
        .end(
            ErrorBodies.of(
                Provider.OPENAI,
                "not_found",
                "no original is stored under that hash for this API key",
                requestId));
  }

  private static void found(HttpServerRequest request, String requestId, CcrEntry entry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("hash", entry.hash());
    body.put("description", entry.description());
    body.put("content", entry.content());
    // The name the original project's clients (LiteLLM's guardrail among them) read.
    body.put("original_content", entry.content());
    try {
      request.response().setStatusCode(200).end(JSON.writeValueAsString(body));
    } catch (JsonProcessingException impossible) {
      request
          .response()
          .setStatusCode(500)
          .end(
              ErrorBodies.of(
                  Provider.OPENAI,
                  "internal_error",
                  "the original could not be encoded",
                  requestId));
    }
  }
}
