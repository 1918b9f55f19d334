package dev.headroom.compress.internal.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * What a compressor proposes; the token gate decides whether it is used.
 *
 * @param text the compressed text
 * @param strategy the compressor and mode, e.g. {@code log} or {@code json_array:rows}
 */
@API(status = INTERNAL, since = "0.1")
public record Candidate(String text, String strategy) {}
