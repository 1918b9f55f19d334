package dev.headroom.proxy.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.proxy.internal.wire.AccessToken;
import dev.headroom.proxy.internal.wire.UpstreamTargets;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What one listener needs from the proxy options; copied by {@code HeadroomProxy} so this package
 * never depends back on the API package.
 *
 * @param host the interface to bind
 * @param port the port to bind ({@code -1}: a random port shared by every listener)
 * @param upstreams where each provider's traffic goes
 * @param maxBodyBytes the request body limit
 * @param connectTimeout the upstream connect timeout
 * @param requestTimeout the whole-exchange timeout
 * @param shutdownTimeout how long a graceful stop drains
 * @param access the token clients must show, if any
 * @param adminElsewhere whether {@code /metrics} and {@code /healthz/upstream} are served on an
 *     admin port instead of this one
 */
@API(status = INTERNAL, since = "0.1")
public record ServerSettings(
    String host,
    int port,
    UpstreamTargets upstreams,
    long maxBodyBytes,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration shutdownTimeout,
    AccessToken access,
    boolean adminElsewhere) {}
