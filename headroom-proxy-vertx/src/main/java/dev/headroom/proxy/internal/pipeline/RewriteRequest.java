package dev.headroom.proxy.internal.pipeline;

/**
 * What a {@link RequestRewriter} gets.
 *
 * @param route the route label ({@code chat}, {@code responses}, {@code messages}, {@code count_tokens},
 *     {@code responses_ws})
 * @param provider {@code openai} or {@code anthropic}
 * @param body the decoded request body; not to be modified
 */
public record RewriteRequest(String route, String provider, byte[] body) {}
