package dev.headroom.proxy.internal.limits;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Why a request is refused, and when the caller may try again.
 *
 * @param limit {@code rpm}, {@code tpm} or {@code daily_tokens}
 * @param message what the client's SDK shows
 * @param retryAfterSeconds whole seconds until the window that refused it ends (at least 1)
 */
@API(status = INTERNAL, since = "0.1")
public record Refusal(String limit, String message, long retryAfterSeconds) {}
