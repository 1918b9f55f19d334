package dev.headroom.proxy.internal.http;

import dev.headroom.pipeline.RequestPipeline;
import dev.headroom.pipeline.ResponseStages;
import dev.headroom.proxy.internal.bedrock.BedrockSigning;
import dev.headroom.proxy.internal.limits.RequestLimits;
import dev.headroom.proxy.internal.ops.ProxyMetrics;
import dev.headroom.proxy.internal.ops.Tracing;
import dev.headroom.proxy.internal.retrieval.RetrievalLoop;
import dev.headroom.proxy.internal.stats.Ledger;
import dev.headroom.proxy.internal.wire.Upstreams;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.util.Optional;

/**
 * What every exchange of one event loop shares; immutable.
 *
 * @param vertx the Vert.x instance (timers, workers)
 * @param client the event loop's upstream HTTP client
 * @param upstreams where each provider's traffic goes
 * @param pipeline the request stages and the rewrite
 * @param responses the response stages
 * @param metrics the proxy's metrics
 * @param ledger where each exchange's savings are booked
 * @param limits the per-credential limits
 * @param tracing the tracer of the exchanges' spans, when tracing is on
 * @param maxBodyBytes the request body limit
 * @param requestTimeoutMillis how long a whole upstream exchange may take
 * @param retrievals answers the model's retrieval calls, when compression is on
 * @param nonBlocking whether the request pipeline never blocks (no extensions, no shared store)
 * @param bedrock what happens to SigV4-signed Bedrock requests: passed through, or signed again
 */
record ProxyServices(
    Vertx vertx,
    HttpClient client,
    Upstreams upstreams,
    RequestPipeline pipeline,
    ResponseStages responses,
    ProxyMetrics metrics,
    Ledger ledger,
    RequestLimits limits,
    Tracing tracing,
    long maxBodyBytes,
    long requestTimeoutMillis,
    Optional<RetrievalLoop> retrievals,
    boolean nonBlocking,
    BedrockSigning bedrock) {}
