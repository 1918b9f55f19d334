package dev.headroom.proxy.internal.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Who owns the originals of a request's compressed blocks: a SHA-256 of the caller's credential
 * ({@code Authorization} or {@code x-api-key}), never the credential itself. Callers without one
 * share the anonymous scope.
 */
@API(status = INTERNAL, since = "0.1")
public final class Scopes {

  /** The scope of requests that carry no credential. */
  public static final String ANONYMOUS = "anonymous";

  private Scopes() {}

  /**
   * @param headers request headers, names in lower case
   * @return {@code key:<first 32 hex digits of SHA-256>} or {@link #ANONYMOUS}
   */
  public static String of(Map<String, String> headers) {
    String credential = headers.get("authorization");
    if (credential == null || credential.isBlank()) {
      credential = headers.get("x-api-key");
    }
    if (credential == null || credential.isBlank()) {
      return ANONYMOUS;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(credential.strip().getBytes(StandardCharsets.UTF_8));
      return "key:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is required of every JDK", impossible);
    }
  }
}
