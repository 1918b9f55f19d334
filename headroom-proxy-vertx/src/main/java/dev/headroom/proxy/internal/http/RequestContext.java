package dev.headroom.proxy.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.proxy.internal.pipeline.Scopes;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What the proxy knows about one exchange; written by the event loop that owns the request only.
 */
@API(status = INTERNAL, since = "0.1")
public final class RequestContext {

  final String requestId;
  final Route route;
  final Provider provider;
  final boolean bypass;
  final String method;
  final long startNanos = System.nanoTime();
  long sendNanos;
  long responseNanos;
  long bytesIn;
  long bytesOut;
  int status;
  int upstreamStatus;
  String decision = "forwarded";
  int tokensBefore;
  int tokensAfter;

  /** Per-block live-zone decisions for the access log, {@code ""} when compression did not run. */
  String blocks = "";

  String failure = "";

  /** The owner scope, set when the pipeline runs (the retrieval relay reads it). */
  String scope = Scopes.ANONYMOUS;

  Map<String, Long> usage = Map.of();

  RequestContext(String requestId, Route route, Provider provider, boolean bypass, String method) {
    this.requestId = requestId;
    this.route = route;
    this.provider = provider;
    this.bypass = bypass;
    this.method = method;
  }

  public String requestId() {
    return requestId;
  }

  public Route route() {
    return route;
  }

  public Provider provider() {
    return provider;
  }

  public boolean bypass() {
    return bypass;
  }

  public String method() {
    return method;
  }

  public long bytesIn() {
    return bytesIn;
  }

  public long bytesOut() {
    return bytesOut;
  }

  public int status() {
    return status;
  }

  public int upstreamStatus() {
    return upstreamStatus;
  }

  public String decision() {
    return decision;
  }

  public String failure() {
    return failure;
  }

  public Map<String, Long> usage() {
    return usage;
  }

  /**
   * @return nanoseconds spent in the proxy before the upstream call, or until now if none was made
   */
  public long overheadNanos() {
    return (sendNanos == 0 ? System.nanoTime() : sendNanos) - startNanos;
  }

  /**
   * @return nanoseconds from the upstream call to its response head, or 0
   */
  public long upstreamNanos() {
    return sendNanos == 0 || responseNanos == 0 ? 0 : responseNanos - sendNanos;
  }

  /**
   * @return nanoseconds since the request arrived
   */
  public long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }
}
