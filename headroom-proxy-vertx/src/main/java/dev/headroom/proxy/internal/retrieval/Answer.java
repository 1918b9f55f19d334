package dev.headroom.proxy.internal.retrieval;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import org.apiguardian.api.API;

/** What the client gets once the retrieval loop is done with a response. */
@API(status = INTERNAL, since = "0.1")
public sealed interface Answer {

  /**
   * @return the upstream response whose head (status, headers) the client gets
   */
  HttpClientResponse response();

  /**
   * The response as it streams, untouched: the loop had nothing to answer.
   *
   * @param response the response
   */
  record Relay(HttpClientResponse response) implements Answer {}

  /**
   * A response the loop read whole: the client gets exactly this body.
   *
   * @param response the response
   * @param body its body
   */
  record Buffered(HttpClientResponse response, Buffer body) implements Answer {}

  /**
   * An event stream whose tool calls the loop answers as it goes.
   *
   * @param response the first round's response
   * @param stream relays it and the continuations into one client stream
   */
  record Streamed(HttpClientResponse response, StreamedRetrievals stream) implements Answer {}
}
