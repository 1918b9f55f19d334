package dev.headroom.proxy.internal.bedrock;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The AWS credentials the gateway signs with, from a provider (the SDK's default chain unless the
 * embedder gave one). Resolving may block — the chain reads files, and asks the container or
 * instance metadata endpoints — so {@link #resolve()} runs on a worker; the providers cache what
 * they resolved and refresh it before it expires. After a failure the chain is not asked again for
 * {@link #RETRY_SECONDS} seconds, so a gateway without credentials does not make every request wait
 * for the metadata endpoints' timeouts: those requests pass through at once.
 */
final class GatewayCredentials {

  private static final Logger LOG = System.getLogger(GatewayCredentials.class.getName());

  /** How long after a failed resolution requests pass through without asking again. */
  static final long RETRY_SECONDS = 30;

  private final AwsCredentialsProvider provider;
  private volatile long failedAtNanos;
  private volatile boolean failing;

  GatewayCredentials(AwsCredentialsProvider provider) {
    this.provider = provider;
  }

  /**
   * @return whether a resolution failed less than {@link #RETRY_SECONDS} ago; never blocks
   */
  boolean recentlyFailed() {
    return failing && System.nanoTime() - failedAtNanos < TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
  }

  /**
   * Blocks while the provider resolves (on a worker only).
   *
   * @return the credentials, or empty when none resolve (logged once per outage)
   */
  Optional<AwsCredentialsIdentity> resolve() {
    if (recentlyFailed()) {
      return Optional.empty();
    }
    try {
      AwsCredentialsIdentity resolved = provider.resolveCredentials();
      if (failing) {
        failing = false;
        LOG.log(Level.INFO, "Bedrock re-signing: AWS credentials resolve again");
      }
      return Optional.of(resolved);
    } catch (RuntimeException failure) {
      failedAtNanos = System.nanoTime();
      if (!failing) {
        failing = true;
        // The chain's message lists what each provider lacked; it holds no secret.
        LOG.log(
            Level.WARNING,
            "Bedrock re-signing: no AWS credentials ("
                + firstLine(failure)
                + "); SigV4-signed Bedrock requests pass through unchanged (signed_passthrough,"
                + " reason no_credentials); trying again in "
                + RETRY_SECONDS
                + " s");
      }
      return Optional.empty();
    }
  }

  /**
   * @return which provider the credentials come from, for the start-up line (no key is named)
   */
  String describe() {
    return provider.getClass().getSimpleName();
  }

  private static String firstLine(RuntimeException failure) {
    String message = failure.getMessage();
    String line =
        message == null
            ? failure.getClass().getSimpleName()
            : message.lines().findFirst().orElse("").strip();
    return line.length() <= 600 ? line : line.substring(0, 600) + "…";
  }
}
