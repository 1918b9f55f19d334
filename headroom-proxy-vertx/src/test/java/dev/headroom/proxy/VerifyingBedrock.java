package dev.headroom.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A fake Bedrock Runtime on 127.0.0.1 that checks every request's SigV4 signature as AWS would
 * ({@link SigV4Verifier}) and answers a bad one with AWS's 403 {@code InvalidSignatureException};
 * it knows two callers, the client's key and the gateway's.
 */
public final class VerifyingBedrock implements AutoCloseable {

  public static final String CLIENT_KEY = "AKIDCLIENTEXAMPLE";
  public static final String CLIENT_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYCLIENTKEY";
  public static final String GATEWAY_KEY = "AKIDGATEWAYEXAMPLE";
  public static final String GATEWAY_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbGATEWAYKEY";

  /**
   * @return the gateway's own credentials, the ones it signs again with
   */
  public static AwsCredentialsProvider gatewayCredentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(GATEWAY_KEY, GATEWAY_SECRET));
  }

  /** A Converse answer. */
  public static final String CONVERSE_ANSWER =
      "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"ord_100217 failed: card declined\"}]}},"
          + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":812,\"outputTokens\":9,\"totalTokens\":821},"
          + "\"metrics\":{\"latencyMs\":310}}";

  public final FakeUpstream upstream;
  public final SigV4Verifier verifier =
      new SigV4Verifier(Map.of(CLIENT_KEY, CLIENT_SECRET, GATEWAY_KEY, GATEWAY_SECRET));

  private VerifyingBedrock(Vertx vertx, FakeUpstream.Responder answer) {
    this.upstream = FakeUpstream.start(vertx);
    upstream.respond(
        (request, body) -> {
          SigV4Verifier.Verdict verdict =
              verifier.verify(
                  request.method().name(), request.uri(), request.headers(), body.getBytes());
          if (verdict.valid()) {
            answer.respond(request, body);
          } else {
            request
                .response()
                .setStatusCode(403)
                .putHeader("content-type", "application/json")
                .putHeader("x-amzn-ErrorType", "InvalidSignatureException")
                .end(
                    "{\"message\":\"The request signature we calculated does not match the"
                        + " signature you provided.\"}");
          }
        });
  }

  /**
   * @param vertx the Vert.x instance
   * @return a fake answering every well-signed request with {@link #CONVERSE_ANSWER}
   */
  public static VerifyingBedrock start(Vertx vertx) {
    return start(
        vertx,
        (request, body) ->
            request.response().putHeader("content-type", "application/json").end(CONVERSE_ANSWER));
  }

  /**
   * @param vertx the Vert.x instance
   * @param answer answers a well-signed request
   * @return a listening fake
   */
  public static VerifyingBedrock start(Vertx vertx, FakeUpstream.Responder answer) {
    return new VerifyingBedrock(vertx, answer);
  }

  public String url() {
    return upstream.url();
  }

  /**
   * @return the next request it received, and its verdict
   */
  public Received take() {
    FakeUpstream.Recorded recorded = upstream.take();
    return new Received(
        recorded,
        verifier.verify(recorded.method(), recorded.uri(), recorded.headers(), recorded.body()));
  }

  /** A request as received, and whether its signature held. */
  public record Received(FakeUpstream.Recorded request, SigV4Verifier.Verdict verdict) {
    public String body() {
      return new String(request.body(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Signs a request the way an AWS SDK client pointed at {@code host} does.
   *
   * @param host the host (and port) the client connects to: the proxy
   * @param uri the path (encoded as sent) and query
   * @param body the body
   * @param region the region of the credential scope
   * @return the headers to send, name and value alternating
   */
  public static String[] clientSigned(String host, String uri, String body, String region) {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create("http://" + host + uri))
            .putHeader("content-type", "application/json")
            .putHeader("accept", "application/json")
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create(CLIENT_KEY, CLIENT_SECRET))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    signed
        .request()
        .forEachHeader((name, values) -> values.forEach(value -> headers.add(name, value)));
    headers.remove("host");
    return headers.entries().stream()
        .flatMap(e -> List.of(e.getKey(), e.getValue()).stream())
        .toArray(String[]::new);
  }

  @Override
  public void close() {
    upstream.close();
  }
}
