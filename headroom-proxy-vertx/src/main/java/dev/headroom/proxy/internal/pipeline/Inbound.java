package dev.headroom.proxy.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A request body on its way into the pipeline.
 *
 * @param requestId the request id
 * @param operation {@code proxy.request} or {@code proxy.websocket}
 * @param route the route label
 * @param provider {@code openai} or {@code anthropic}
 * @param body the bytes as received
 * @param contentEncoding the {@code Content-Encoding} header, or {@code ""}
 * @param headers upstream-bound headers, lower-case names, one value each
 * @param scope the owner scope of the request ({@link Scopes#of}), computed once by the caller
 */
@API(status = INTERNAL, since = "0.1")
public record Inbound(
    String requestId,
    String operation,
    String route,
    String provider,
    byte[] body,
    String contentEncoding,
    Map<String, String> headers,
    String scope) {}
