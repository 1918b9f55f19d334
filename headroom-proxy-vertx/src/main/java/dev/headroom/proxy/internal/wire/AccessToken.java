package dev.headroom.proxy.internal.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The gateway's own credential ({@code --auth-token}): a client shows it in {@code
 * x-headroom-token}, or as a bearer token in {@code Proxy-Authorization} (a header no provider
 * reads; {@code Authorization} carries the provider's key). Both are consumed, never forwarded.
 * Compared in constant time, over SHA-256 digests, so neither the content nor the length of the
 * token leaks through timing.
 */
@API(status = INTERNAL, since = "0.1")
public final class AccessToken {

  /** The control header that carries the token. */
  public static final String HEADER = "x-headroom-token";

  /** The operational routes, where {@code Authorization: Bearer} carries the token too. */
  private static final Set<String> OPERATIONS =
      Set.of("/metrics", "/healthz/upstream", "/stats", "/dashboard");

  private final Optional<byte[]> expected;

  /**
   * @param token the token clients must show, or empty when the gateway is open
   */
  public AccessToken(Optional<String> token) {
    this.expected = token.map(AccessToken::digest);
  }

  /**
   * @return whether clients must show a token
   */
  public boolean required() {
    return expected.isPresent();
  }

  /**
   * @param headers a request's headers
   * @return whether they carry the token (always, when none is required)
   */
  public boolean admits(MultiMap headers) {
    return admits(headers, "");
  }

  /**
   * @param headers a request's headers
   * @param path its path: on the operational routes ({@code /metrics}, {@code /healthz/upstream},
   *     {@code /stats}, {@code /dashboard}) {@code Authorization: Bearer} counts too, as scrapers
   *     and probes send it
   * @return whether they carry the token (always, when none is required)
   */
  public boolean admits(MultiMap headers, String path) {
    if (expected.isEmpty()) {
      return true;
    }
    String shown = headers.get(HEADER);
    if (shown == null && OPERATIONS.contains(path)) {
      shown = bearer(headers.get("authorization"));
    }
    if (shown == null) {
      shown = bearer(headers.get("proxy-authorization"));
    }
    // Digest even a missing token, so a refusal takes as long as an admission.
    byte[] given = digest(shown == null ? "" : shown.strip());
    return MessageDigest.isEqual(expected.get(), given) && shown != null;
  }

  private static String bearer(String header) {
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7)
        : null;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is required of every JDK", impossible);
    }
  }

  @Override
  public String toString() {
    return expected.isPresent() ? "AccessToken[required]" : "AccessToken[none]";
  }

  /**
   * @param path a request path
   * @return whether the path is open without the token: the liveness probe only
   */
  public static boolean open(String path) {
    return path.equals("/healthz");
  }
}
