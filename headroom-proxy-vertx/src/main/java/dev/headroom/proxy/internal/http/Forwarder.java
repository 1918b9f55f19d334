package dev.headroom.proxy.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.proxy.internal.ops.ProxyMetrics;
import dev.headroom.proxy.internal.pipeline.RequestPipeline;
import dev.headroom.proxy.internal.pipeline.ResponseStages;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The one forwarder of HTTP exchanges: every route, LLM or not, goes through {@link Exchange}.
 * Holds what exchanges share; one per event loop.
 */
@API(status = INTERNAL, since = "0.1")
public final class Forwarder {

  final Vertx vertx;
  final HttpClient client;
  final Upstreams upstreams;
  final RequestPipeline pipeline;
  final ResponseStages responseStages;
  final ProxyMetrics metrics;
  final long maxBodyBytes;
  final long requestTimeoutMillis;

  /** Answers the model's retrievals; {@code null} when compression is off. */
  final RetrievalLoop retrievals;

  Forwarder(
      Vertx vertx,
      HttpClient client,
      Upstreams upstreams,
      RequestPipeline pipeline,
      ProxyMetrics metrics,
      long maxBodyBytes,
      long requestTimeoutMillis,
      Retrieval retrieval) {
    this.vertx = vertx;
    this.client = client;
    this.upstreams = upstreams;
    this.pipeline = pipeline;
    this.responseStages = new ResponseStages(pipeline.extensions());
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.requestTimeoutMillis = requestTimeoutMillis;
    this.retrievals =
        retrieval.loopEnabled()
            ? new RetrievalLoop(this, retrieval.store(), retrieval.metrics())
            : null;
  }

  void handle(HttpServerRequest request) {
    new Exchange(this, request).start();
  }

  /** The client's {@code x-request-id} when it is sane, else a new UUID. */
  static String requestId(MultiMap headers) {
    String id = headers.get("x-request-id");
    if (id != null) {
      id = id.strip();
      if (!id.isEmpty() && id.length() <= 128 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        return id;
      }
    }
    // Random (version 4) without SecureRandom: ids need uniqueness, not secrecy.
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** Milliseconds with three decimals, without String.format on the hot path. */
  static String millis(long nanos) {
    long micros = Math.max(0, nanos / 1000);
    long fraction = micros % 1000;
    return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
  }

  /** Lower-case names, one value each (repeated headers joined with ", "), for pipeline events. */
  static Map<String, String> singleValued(MultiMap headers) {
    Map<String, String> single = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      single.merge(
          header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
    }
    return single;
  }

  /**
   * Applies what an extension changed in the event headers, never touching control or framing
   * headers.
   */
  static void applyHeaderChanges(
      MultiMap target, Map<String, String> before, Map<String, String> after) {
    for (String name : before.keySet()) {
      if (!after.containsKey(name) && ForwardHeaders.forwardable(name)) {
        target.remove(name);
      }
    }
    after.forEach(
        (name, value) -> {
          if (!value.equals(before.get(name)) && ForwardHeaders.forwardable(name)) {
            target.set(name, value);
          }
        });
  }

  static String dialect(Route route) {
    return switch (route) {
      case CHAT -> "openai_chat";
      case RESPONSES -> "openai_responses";
      case MESSAGES -> "anthropic";
      default -> null;
    };
  }
}
