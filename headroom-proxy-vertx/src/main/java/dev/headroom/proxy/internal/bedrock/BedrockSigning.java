package dev.headroom.proxy.internal.bedrock;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.MultiMap;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * What the gateway does with a Bedrock request signed with AWS SigV4, whose signature covers its
 * body (and its {@code Host}): without re-signing it goes as it came ({@code signed_passthrough});
 * with re-signing ({@code --bedrock-resign on}) and credentials at hand it is compressed and then
 * signed again with the gateway's own credentials. Shared by every event loop; thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class BedrockSigning {

  /** Why a signed request went as it came: re-signing is off. */
  public static final String RESIGN_OFF = "resign_off";

  /** Why a signed request went as it came: no credentials resolve. */
  public static final String NO_CREDENTIALS = "no_credentials";

  /** Why a signed request went as it came: signing it again failed (a fault; logged). */
  public static final String SIGNING_FAILED = "signing_failed";

  private static final String SIGV4 = "AWS4-HMAC-SHA256";

  private final GatewayCredentials credentials;
  private final BedrockSigner signer;

  private BedrockSigning(GatewayCredentials credentials, BedrockSigner signer) {
    this.credentials = credentials;
    this.signer = signer;
  }

  /**
   * @return signed requests always pass through
   */
  public static BedrockSigning off() {
    return new BedrockSigning(null, null);
  }

  /**
   * @param provider the credentials to sign with
   * @param region the region of an upstream host that names none
   * @param clock the signing time
   * @return re-signing with those credentials
   */
  public static BedrockSigning with(AwsCredentialsProvider provider, String region, Clock clock) {
    Objects.requireNonNull(provider, "provider must not be null");
    return new BedrockSigning(new GatewayCredentials(provider), new BedrockSigner(region, clock));
  }

  /**
   * @param authorization the request's {@code Authorization}, or {@code null}
   * @return whether it is an AWS SigV4 signature (Bedrock API keys come as {@code Bearer})
   */
  public static boolean isSigV4(String authorization) {
    return authorization != null
        && authorization.strip().toUpperCase(Locale.ROOT).startsWith(SIGV4);
  }

  /**
   * @return whether re-signing is on
   */
  public boolean enabled() {
    return credentials != null;
  }

  /**
   * Never blocks.
   *
   * @return why a signed request must go as it came ({@link #RESIGN_OFF}, {@link #NO_CREDENTIALS}
   *     while the last resolution failed recently), or empty when it may be compressed and signed
   *     again
   */
  public Optional<String> passthroughReason() {
    if (credentials == null) {
      return Optional.of(RESIGN_OFF);
    }
    return credentials.recentlyFailed() ? Optional.of(NO_CREDENTIALS) : Optional.empty();
  }

  /**
   * Blocks while credentials resolve: call on a worker.
   *
   * @return the gateway's credentials, or empty when re-signing is off or none resolve
   */
  public Optional<AwsCredentialsIdentity> credentials() {
    return credentials == null ? Optional.empty() : credentials.resolve();
  }

  /**
   * Blocks while credentials resolve: call on a worker at start.
   *
   * @return one line for the start-up log
   */
  public String check() {
    if (credentials == null) {
      return "Bedrock re-signing off: SigV4-signed Bedrock requests pass through unchanged";
    }
    return credentials
        .resolve()
        .map(
            resolved ->
                "Bedrock re-signing on: SigV4-signed Bedrock requests are compressed and signed"
                    + " again with AWS credentials from "
                    + credentials.describe())
        .orElse("Bedrock re-signing on, but no AWS credentials resolve yet");
  }

  /**
   * Signs a request again; CPU only (a SHA-256 of the body), so large bodies belong on a worker.
   *
   * @param identity credentials from {@link #credentials()}
   * @param method the HTTP method
   * @param base the upstream origin and path prefix
   * @param uri the client's path and query
   * @param headers the upstream-bound headers; not changed
   * @param body the exact bytes that will be sent
   * @return the headers to send, and the {@code Host} they were signed for
   * @throws IllegalStateException when re-signing is off
   */
  public Signed sign(
      AwsCredentialsIdentity identity,
      String method,
      URI base,
      String uri,
      MultiMap headers,
      byte[] body) {
    if (signer == null) {
      throw new IllegalStateException("Bedrock re-signing is off");
    }
    return signer.sign(identity, method, base, uri, headers, body);
  }

  /**
   * A request signed by the gateway.
   *
   * @param headers the headers to send
   * @param host the {@code Host} to send: the signature covers it
   */
  @API(status = INTERNAL, since = "0.1")
  public record Signed(MultiMap headers, String host) {}
}
