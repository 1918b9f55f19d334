package dev.headroom.proxy.internal.retrieval;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import org.apiguardian.api.API;

/**
 * Sends the next request of a retrieval loop to where the first one went (same method, URI and
 * headers), under the exchange's timeout: a timeout or a client that leaves resets it too.
 */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface UpstreamSender {

  /**
   * @param body the continuation request's body
   * @return its response head
   */
  Future<HttpClientResponse> send(Buffer body);
}
