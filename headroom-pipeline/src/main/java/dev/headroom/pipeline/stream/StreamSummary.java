package dev.headroom.pipeline.stream;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.ProviderApi;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a stream said about itself, for metrics, logs and {@code RESPONSE_RECEIVED}.
 *
 * @param api the stream's wire format
 * @param id the message or response id, or {@code ""}
 * @param model the model, or {@code ""}
 * @param status the last status seen: {@code open}, {@code message_stop}, {@code done}, {@code
 *     completed}, {@code failed}, {@code incomplete}, {@code error}
 * @param terminated whether the format's own end marker arrived
 * @param usage token counts by the provider's names (nested details flattened); within one round
 *     the largest value of each, over the rounds of a retrieval loop their sum (each round is
 *     billed)
 * @param events how many events were read
 */
@API(status = INTERNAL, since = "0.1")
public record StreamSummary(
    ProviderApi api,
    String id,
    String model,
    String status,
    boolean terminated,
    Map<String, Long> usage,
    long events) {}
