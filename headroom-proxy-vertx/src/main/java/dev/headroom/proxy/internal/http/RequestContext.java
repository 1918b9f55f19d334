package dev.headroom.proxy.internal.http;

import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.ProtectedTools;
import dev.headroom.pipeline.PipelineResult;
import dev.headroom.pipeline.Provider;
import dev.headroom.pipeline.Route;
import dev.headroom.proxy.internal.ops.AccessLog;
import dev.headroom.proxy.internal.wire.RequestIds;
import dev.headroom.proxy.internal.wire.Scopes;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;

/**
 * What the proxy knows about one exchange, for its headers, metrics and access-log line; written by
 * the event loop that owns the request only.
 */
final class RequestContext {

  final String requestId;
  final Route route;
  final Provider provider;
  final boolean bypass;
  final String method;
  final long startNanos = System.nanoTime();

  /** {@link #startNanos} as nanoseconds since the epoch, for the spans. */
  final long startEpochNanos = epochNanosNow();

  /** When the body had been read and the pipeline step began, or 0. */
  long bodyReadNanos;

  /** When the pipeline's decision was back on the event loop, or 0. */
  long pipelineDoneNanos;

  /** How long the live-zone rewrite took. */
  long compressNanos;

  /** When the live-zone rewrite began, or 0 when it did not run. */
  long compressStartNanos;

  long sendNanos;
  long responseNanos;
  long bytesIn;
  long bytesOut;
  int status;
  int upstreamStatus;
  String decision;
  int tokensBefore;
  int tokensAfter;
  long replayedBlocks;
  int replayedTokensSaved;
  List<BlockDecision> blocks = List.of();
  String failure = "";

  /**
   * Why a SigV4-signed request went as it came ({@code BedrockSigning.RESIGN_OFF} …), if it did.
   */
  String passthroughReason = "";

  /** Whether the gateway signed the request again with its own AWS credentials. */
  boolean signedByGateway;

  /**
   * The tools this request protects beyond the configured ones ({@code x-headroom-protect-tools}).
   */
  ProtectedTools protectedTools = ProtectedTools.none();

  /** Gemini's {@code key=} query parameter, when the request has one. */
  String queryKey;

  /**
   * The caller's hashed credential: the owner scope of its originals (retrieval reads it), its
   * slice of the statistics and of the limits.
   */
  String scope = Scopes.ANONYMOUS;

  /** The model the request names (body or path), or {@code ""}. */
  String model = "";

  Map<String, Long> usage = Map.of();

  RequestContext(String requestId, Route route, Provider provider, boolean bypass, String method) {
    this.requestId = requestId;
    this.route = route;
    this.provider = provider;
    this.bypass = bypass;
    this.method = method;
    this.decision = bypass ? "bypass" : "forwarded";
  }

  private static long epochNanosNow() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** Takes the accounting of what is sent from the pipeline's result. */
  void account(PipelineResult result) {
    blocks = result.blocks();
    if (result.compressed()) {
      tokensBefore = result.tokensBefore();
      tokensAfter = result.tokensAfter();
      replayedBlocks = result.replayedBlocks();
      replayedTokensSaved = result.replayedTokensBefore() - result.replayedTokensAfter();
      decision = "compressed";
    }
  }

  /** Forgets the accounting of a compressed body that is not sent after all. */
  void unaccount() {
    blocks = List.of();
    tokensBefore = 0;
    tokensAfter = 0;
    replayedBlocks = 0;
    replayedTokensSaved = 0;
  }

  /**
   * @return nanoseconds spent in the proxy before the upstream call, or until now if none was made
   */
  long overheadNanos() {
    return (sendNanos == 0 ? System.nanoTime() : sendNanos) - startNanos;
  }

  /**
   * @return nanoseconds from the upstream call to its response head, or 0
   */
  long upstreamNanos() {
    return sendNanos == 0 || responseNanos == 0 ? 0 : responseNanos - sendNanos;
  }

  /** Writes the proxy's own response headers: the request id, its overhead, what it saved. */
  void stamp(MultiMap headers) {
    headers.set("x-request-id", requestId);
    headers.set("x-headroom-overhead-ms", RequestIds.millis(overheadNanos()));
    if (tokensBefore > 0) {
      headers.set("x-headroom-tokens-before", Integer.toString(tokensBefore));
      headers.set("x-headroom-tokens-after", Integer.toString(tokensAfter));
      headers.set("x-headroom-tokens-saved", Integer.toString(tokensBefore - tokensAfter));
    }
    if (replayedBlocks > 0) {
      headers.set("x-headroom-replayed-blocks", Long.toString(replayedBlocks));
      headers.set("x-headroom-tokens-saved-replayed", Integer.toString(replayedTokensSaved));
    }
  }

  /** Writes this exchange's access-log line. */
  void log() {
    if (!AccessLog.enabled()) {
      return;
    }
    StringBuilder line =
        new StringBuilder(256)
            .append("event=request request_id=")
            .append(requestId)
            .append(" method=")
            .append(method)
            .append(" route=")
            .append(route.label())
            .append(" provider=")
            .append(provider.wireName())
            .append(" decision=")
            .append(decision)
            .append(" status=")
            .append(status)
            .append(" upstream_status=")
            .append(upstreamStatus)
            .append(" bytes_in=")
            .append(bytesIn)
            .append(" bytes_out=")
            .append(bytesOut)
            .append(" overhead_ms=")
            .append(RequestIds.millis(overheadNanos()))
            .append(" upstream_ms=")
            .append(RequestIds.millis(upstreamNanos()))
            .append(" total_ms=")
            .append(RequestIds.millis(System.nanoTime() - startNanos));
    if (!failure.isEmpty()) {
      line.append(" failure=").append(failure);
    }
    if (!passthroughReason.isEmpty()) {
      line.append(" passthrough_reason=").append(passthroughReason);
    }
    if (signedByGateway) {
      line.append(" signed_by=gateway");
    }
    if (tokensBefore > 0) {
      line.append(" tokens_before=")
          .append(tokensBefore)
          .append(" tokens_after=")
          .append(tokensAfter);
    }
    AccessLog.appendBlocks(line, blocks);
    if (!usage.isEmpty()) {
      line.append(" usage=").append(usage);
    }
    AccessLog.write(line.toString());
  }
}
