package dev.headroom.compress.internal.spi;

/**
 * What a compressor proposes; the token gate decides whether it is used.
 *
 * @param text the compressed text
 * @param strategy the compressor and mode, e.g. {@code log} or {@code json_array:rows}
 */
public record Candidate(String text, String strategy) {}
