package dev.headroom.proxy.internal.sse;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a stream said about itself, for metrics, logs and {@code RESPONSE_RECEIVED}.
 *
 * @param dialect {@code anthropic}, {@code openai_chat} or {@code openai_responses}
 * @param id the message or response id, or {@code ""}
 * @param model the model, or {@code ""}
 * @param status the last status seen: {@code open}, {@code message_stop}, {@code done}, {@code
 *     completed}, {@code failed}, {@code incomplete}, {@code error}
 * @param terminated whether the dialect's own end marker arrived
 * @param usage token counts by the provider's names (nested details flattened), max-merged
 * @param events how many events were read
 */
@API(status = INTERNAL, since = "0.1")
public record StreamSummary(
    String dialect,
    String id,
    String model,
    String status,
    boolean terminated,
    Map<String, Long> usage,
    long events) {}
