package dev.headroom.proxy.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * What a {@link RequestRewriter} gets.
 *
 * @param route the route label ({@code chat}, {@code responses}, {@code messages}, {@code
 *     count_tokens}, {@code responses_ws})
 * @param provider {@code openai} or {@code anthropic}
 * @param body the decoded request body; not to be modified
 * @param scope who owns the originals of what is compressed: a hash of the caller's credential,
 *     never the credential itself
 * @param session the client's {@code x-headroom-session-id}, or {@code ""}
 */
@API(status = INTERNAL, since = "0.1")
public record RewriteRequest(
    String route, String provider, byte[] body, String scope, String session) {

  /**
   * A request without a session id.
   *
   * @param route the route label
   * @param provider the provider
   * @param body the decoded body
   * @param scope the owner scope
   */
  public RewriteRequest(String route, String provider, byte[] body, String scope) {
    this(route, provider, body, scope, "");
  }
}
