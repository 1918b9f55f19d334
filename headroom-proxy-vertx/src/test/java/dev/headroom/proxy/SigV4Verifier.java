package dev.headroom.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.MultiMap;
import java.net.URLDecoder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an AWS service does with a SigV4-signed request, written from the specification (not with
 * the SDK the gateway signs with): rebuild the canonical request from what arrived — method, path
 * encoded once more, sorted query, the signed headers as received, the SHA-256 of the body as
 * received — derive the key from the secret of the access key named in the credential scope, and
 * compare signatures. A body or a signed header changed after signing fails it.
 */
public final class SigV4Verifier {

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
              + "SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]{64})");

  /**
   * The outcome.
   *
   * @param valid whether the signature matches
   * @param why what did not match, when it does not
   * @param accessKeyId the access key the request claims
   * @param region the region of its credential scope
   * @param service the service of its credential scope
   * @param signedHeaders the names it signed
   */
  public record Verdict(
      boolean valid,
      String why,
      String accessKeyId,
      String region,
      String service,
      List<String> signedHeaders) {}

  private final Map<String, String> secrets;

  /**
   * @param secrets the secret access key of each access key id the service knows
   */
  public SigV4Verifier(Map<String, String> secrets) {
    this.secrets = Map.copyOf(secrets);
  }

  /**
   * @param method the method received
   * @param uri the path and query received
   * @param headers the headers received
   * @param body the body received
   * @return the verdict
   */
  public Verdict verify(String method, String uri, MultiMap headers, byte[] body) {
    String authorization = headers.get("authorization");
    Matcher m = authorization == null ? null : AUTHORIZATION.matcher(authorization.strip());
    if (m == null || !m.matches()) {
      return new Verdict(false, "no SigV4 Authorization: " + authorization, "", "", "", List.of());
    }
    String key = m.group(1);
    String date = m.group(2);
    String region = m.group(3);
    String service = m.group(4);
    List<String> signed = Arrays.asList(m.group(5).split(";"));
    String signature = m.group(6);
    String amzDate = headers.get("x-amz-date");
    String secret = secrets.get(key);
    String why = null;
    if (secret == null) {
      why = "unknown access key " + key;
    } else if (amzDate == null || !amzDate.startsWith(date)) {
      why = "x-amz-date " + amzDate + " does not match the scope's date " + date;
    } else if (!signed.contains("host")) {
      why = "host is not signed";
    }
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (why == null && name.startsWith("x-amz-") && !signed.contains(name)) {
        why = name + " is sent but not signed";
      }
    }
    String payloadHash = hex(sha256(body));
    String claimed = headers.get("x-amz-content-sha256");
    if (why == null && claimed != null && !claimed.equals(payloadHash)) {
      why = "x-amz-content-sha256 is not the hash of the body received";
    }
    if (why != null) {
      return new Verdict(false, why, key, region, service, signed);
    }
    String canonical =
        method
            + "\n"
            + canonicalPath(uri)
            + "\n"
            + canonicalQuery(uri)
            + "\n"
            + canonicalHeaders(signed, headers)
            + "\n"
            + String.join(";", signed)
            + "\n"
            + payloadHash;
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String toSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonical.getBytes(UTF_8)));
    byte[] signingKey = hmac(("AWS4" + secret).getBytes(UTF_8), date);
    signingKey = hmac(signingKey, region);
    signingKey = hmac(signingKey, service);
    signingKey = hmac(signingKey, "aws4_request");
    String expected = hex(hmac(signingKey, toSign));
    return expected.equals(signature)
        ? new Verdict(true, "", key, region, service, signed)
        : new Verdict(
            false,
            "signature mismatch; canonical request:\n" + canonical,
            key,
            region,
            service,
            signed);
  }

  /** Each segment of the path as received, URI-encoded once more (all services but S3). */
  private static String canonicalPath(String uri) {
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    if (path.isEmpty()) {
      return "/";
    }
    StringBuilder out = new StringBuilder();
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(encode(segments[i]));
    }
    return out.toString();
  }

  private static String canonicalQuery(String uri) {
    int query = uri.indexOf('?');
    if (query < 0) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : uri.substring(query + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> joined = new ArrayList<>();
    for (String[] pair : pairs) {
      joined.add(pair[0] + "=" + pair[1]);
    }
    return String.join("&", joined);
  }

  private static String canonicalHeaders(List<String> signed, MultiMap headers) {
    StringBuilder out = new StringBuilder();
    for (String name : signed) {
      List<String> values = new ArrayList<>();
      for (String value : headers.getAll(name)) {
        values.add(value.strip().replaceAll("\\s+", " "));
      }
      out.append(name).append(':').append(String.join(",", values)).append('\n');
    }
    return out.toString();
  }

  /** RFC 3986: unreserved characters stay, every other byte is %XX in upper case. */
  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), UTF_8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(UTF_8));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
