package dev.headroom.client.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.BlockDecision;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What the request stages decided for one body.
 *
 * @param body the bytes to send
 * @param headers the headers after the extensions, names in lower case
 * @param model the body's model, or {@code ""}
 * @param stream whether the body asks for a stream
 * @param tokensBefore live-zone tokens before compression
 * @param tokensAfter the same blocks' tokens as sent
 * @param blocks the rewrite's decisions
 * @param reason why the rewrite changed nothing, or {@code ""}
 */
@API(status = INTERNAL, since = "0.1")
public record Prepared(
    byte[] body,
    Map<String, String> headers,
    String model,
    boolean stream,
    int tokensBefore,
    int tokensAfter,
    List<BlockDecision> blocks,
    String reason) {}
