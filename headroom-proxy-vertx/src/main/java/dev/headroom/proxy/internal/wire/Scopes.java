package dev.headroom.proxy.internal.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Who owns the originals of a request's compressed blocks: a SHA-256 of the caller's credential
 * ({@code Authorization}, {@code x-api-key}, Azure's {@code api-key}, Gemini's {@code
 * x-goog-api-key} or {@code key=} parameter; of a SigV4 signature, its access key id), never the
 * credential itself. Callers without one share the anonymous scope.
 */
@API(status = INTERNAL, since = "0.1")
public final class Scopes {

  /** The scope of requests that carry no credential. */
  public static final String ANONYMOUS = "anonymous";

  /** Where each provider's clients put their credential, in the order they are looked for. */
  private static final List<String> CREDENTIALS =
      List.of("authorization", "x-api-key", "api-key", "x-goog-api-key");

  private static final String SIGV4 = "AWS4-HMAC-SHA256";

  /** Every request is scoped: looking the algorithm up each time cost more than the digest. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
              throw new IllegalStateException("SHA-256 is required of every JDK", impossible);
            }
          });

  private Scopes() {}

  /**
   * A SigV4 {@code Authorization} carries a new signature on every request: the caller is its
   * access key id ({@code Credential=AKID/date/region/service/aws4_request}).
   */
  private static String signingKeyOf(String credential) {
    if (!credential.startsWith(SIGV4)) {
      return credential;
    }
    int at = credential.indexOf("Credential=");
    if (at < 0) {
      return credential;
    }
    int start = at + "Credential=".length();
    int end = credential.indexOf('/', start);
    return end < 0 ? credential : SIGV4 + " " + credential.substring(start, end);
  }

  /**
   * @param headers request headers, names in lower case
   * @return {@code key:<first 32 hex digits of SHA-256>} or {@link #ANONYMOUS}
   */
  public static String of(Map<String, String> headers) {
    return of(headers, null);
  }

  /**
   * @param headers request headers, names in lower case
   * @param queryKey the request's {@code key} query parameter (Gemini's other way to pass its API
   *     key), or {@code null}
   * @return {@code key:<first 32 hex digits of SHA-256>} or {@link #ANONYMOUS}
   */
  public static String of(Map<String, String> headers, String queryKey) {
    return ofCredential(headers::get, queryKey);
  }

  /**
   * @param headers request headers as received
   * @param queryKey the request's {@code key} query parameter, or {@code null}
   * @return {@code key:<first 32 hex digits of SHA-256>} or {@link #ANONYMOUS}
   */
  public static String of(MultiMap headers, String queryKey) {
    return ofCredential(headers::get, queryKey);
  }

  private static String ofCredential(Function<String, String> headers, String queryKey) {
    String credential = null;
    for (String header : CREDENTIALS) {
      credential = headers.apply(header);
      if (credential != null && !credential.isBlank()) {
        break;
      }
    }
    if ((credential == null || credential.isBlank()) && queryKey != null) {
      credential = queryKey;
    }
    if (credential == null || credential.isBlank()) {
      return ANONYMOUS;
    }
    credential = signingKeyOf(credential.strip());
    // digest() resets the instance: one per thread serves every request of its event loop.
    byte[] digest = SHA_256.get().digest(credential.strip().getBytes(StandardCharsets.UTF_8));
    return "key:" + HexFormat.of().formatHex(digest, 0, 16);
  }
}
