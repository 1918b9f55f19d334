package dev.headroom.proxy.internal.bedrock;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.MultiMap;
import java.net.URI;
import java.net.URLDecoder;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs an upstream-bound Bedrock request again with the AWS SDK's SigV4 signer, for service {@code
 * bedrock} and the region of the target host: the client's signature headers go, the signer's come
 * in, and {@code Host} becomes the upstream's. Pure CPU (a SHA-256 of the body and a few HMACs);
 * thread-safe.
 */
final class BedrockSigner {

  /** The signing name of Bedrock Runtime. */
  static final String SERVICE = "bedrock";

  /** The headers a SigV4 signature consists of; the client's are dropped, the signer's sent. */
  static final Set<String> SIGNATURE_HEADERS =
      Set.of("authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256");

  /**
   * Forwarded but not signed: set by the proxy's HTTP client ({@code host} is signed explicitly,
   * {@code content-length} follows the body) or by proxies on the way, which may append to them.
   */
  private static final Set<String> UNSIGNED =
      Set.of(
          "host",
          "content-length",
          "x-forwarded-for",
          "x-forwarded-proto",
          "x-forwarded-host",
          "x-request-id");

  /**
   * {@code bedrock-runtime[-fips].REGION.amazonaws.com[.cn]}, also behind a VPC endpoint ({@code
   * vpce-….bedrock-runtime.REGION.vpce.amazonaws.com}).
   */
  private static final Pattern AWS_HOST =
      Pattern.compile(
          "(?:^|\\.)bedrock-runtime(?:-fips)?\\.([a-z0-9-]+)\\.(?:vpce\\.)?amazonaws\\.com(?:\\.cn)?$");

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final String fallbackRegion;
  private final Clock clock;

  /**
   * @param fallbackRegion the region of a host that does not name one ({@code --bedrock-region})
   * @param clock the signing time
   */
  BedrockSigner(String fallbackRegion, Clock clock) {
    this.fallbackRegion = fallbackRegion;
    this.clock = clock;
  }

  /**
   * @param credentials the gateway's credentials
   * @param method the HTTP method
   * @param base the upstream origin (and path prefix)
   * @param uri the client's path and query, as sent upstream after {@code base}
   * @param headers the upstream-bound headers; not changed
   * @param body the exact bytes that will be sent
   * @return the headers to send instead
   */
  BedrockSigning.Signed sign(
      AwsCredentialsIdentity credentials,
      String method,
      URI base,
      String uri,
      MultiMap headers,
      byte[] body) {
    int port = port(base);
    boolean standardPort = port == (base.getScheme().equals("https") ? 443 : 80);
    String host = standardPort ? base.getHost() : base.getHost() + ":" + port;
    int query = uri.indexOf('?');
    String path = base.getRawPath() + (query < 0 ? uri : uri.substring(0, query));
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .protocol(base.getScheme())
            .host(base.getHost())
            .port(port)
            .encodedPath(path);
    if (query >= 0) {
      for (String pair : uri.substring(query + 1).split("&")) {
        if (!pair.isEmpty()) {
          int equals = pair.indexOf('=');
          request.appendRawQueryParameter(
              decode(equals < 0 ? pair : pair.substring(0, equals)),
              equals < 0 ? null : decode(pair.substring(equals + 1)));
        }
      }
    }
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!SIGNATURE_HEADERS.contains(name) && !UNSIGNED.contains(name)) {
        request.appendHeader(name, header.getValue());
      }
    }
    request.putHeader("Host", host);
    SignedRequest signed =
        signer.sign(
            sign ->
                sign.identity(credentials)
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, regionOf(base.getHost()))
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!SIGNATURE_HEADERS.contains(name) && !name.equals("host")) {
        out.add(header.getKey(), header.getValue());
      }
    }
    signed
        .request()
        .forEachHeader(
            (name, values) -> {
              if (SIGNATURE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                out.set(name, values);
              }
            });
    return new BedrockSigning.Signed(out, host);
  }

  /**
   * @param host the upstream host
   * @return the region it names, else {@code --bedrock-region} (a custom endpoint, a test fake)
   */
  String regionOf(String host) {
    Matcher matcher = AWS_HOST.matcher(host.toLowerCase(Locale.ROOT));
    return matcher.find() ? matcher.group(1) : fallbackRegion;
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), UTF_8);
  }

  private static int port(URI base) {
    if (base.getPort() > 0) {
      return base.getPort();
    }
    return base.getScheme().equals("https") ? 443 : 80;
  }
}
