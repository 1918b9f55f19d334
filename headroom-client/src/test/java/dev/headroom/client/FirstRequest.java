package dev.headroom.client;

import dev.headroom.compress.ProviderApi;

/**
 * The first request of a fresh JVM, for {@link FirstRequestTest}: a client with every default
 * prepares one chat request whose newest tool output is 300 JSON orders, and prints what it would
 * send and what it reports.
 */
public final class FirstRequest {

  private FirstRequest() {}

  public static void main(String[] args) {
    byte[] body = Bodies.chat();
    Exchange exchange =
        HeadroomClient.builder()
            .discoverExtensions(false)
            .build()
            .prepare(ProviderApi.CHAT_COMPLETIONS, body);
    System.out.println(
        "original="
            + body.length
            + " sent="
            + exchange.body().length
            + " before="
            + exchange.tokensBefore()
            + " after="
            + exchange.tokensAfter());
  }
}
