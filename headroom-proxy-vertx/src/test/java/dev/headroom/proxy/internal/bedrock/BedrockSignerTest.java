package dev.headroom.proxy.internal.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.proxy.SigV4Verifier;
import dev.headroom.proxy.Tests;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class BedrockSignerTest {

  private static final BedrockSigner SIGNER =
      new BedrockSigner(
          "us-west-2", Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC));
  private static final AwsCredentialsIdentity GATEWAY =
      AwsCredentialsIdentity.create("AKIDGATEWAY", "gateway-secret");

  @ParameterizedTest
  @CsvSource({
    "bedrock-runtime.eu-west-1.amazonaws.com, eu-west-1",
    "bedrock-runtime-fips.us-gov-west-1.amazonaws.com, us-gov-west-1",
    "vpce-0a1b2c.bedrock-runtime.ap-south-1.vpce.amazonaws.com, ap-south-1",
    "bedrock-runtime.cn-north-1.amazonaws.com.cn, cn-north-1",
    "127.0.0.1, us-west-2",
    "bedrock.internal.example, us-west-2"
  })
  void theRegionIsTheTargetHostsElseTheConfiguredOne(String host, String region) {
    assertEquals(region, SIGNER.regionOf(host));
  }

  @Test
  void theClientsSignatureGoesTheGatewaysComesAndEveryOtherHeaderStays() {
    MultiMap headers =
        Tests.headers(
            "authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDCLIENT/20261206/us-east-1/bedrock/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc",
            "X-Amz-Date",
            "20261206T115959Z",
            "x-amz-security-token",
            "client-token",
            "x-amz-content-sha256",
            "client-hash",
            "content-type",
            "application/json",
            "amz-sdk-invocation-id",
            "e5b1",
            "x-amzn-bedrock-trace",
            "ENABLED",
            "x-forwarded-for",
            "10.0.0.1",
            "x-request-id",
            "r1");
    byte[] body = "{\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
    String uri = "/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse?trace=a%20b&x=1";
    BedrockSigning.Signed signed =
        SIGNER.sign(
            GATEWAY,
            "POST",
            URI.create("https://bedrock-runtime.eu-west-1.amazonaws.com"),
            uri,
            headers,
            body);
    assertEquals("bedrock-runtime.eu-west-1.amazonaws.com", signed.host());
    MultiMap sent = signed.headers();
    assertTrue(
        sent.get("authorization").contains("Credential=AKIDGATEWAY/20261206/eu-west-1/bedrock/"));
    assertEquals("20261206T120000Z", sent.get("x-amz-date"));
    assertFalse(sent.contains("x-amz-security-token"), "basic credentials carry no token");
    assertFalse("client-hash".equals(sent.get("x-amz-content-sha256")));
    for (String kept :
        List.of("content-type", "amz-sdk-invocation-id", "x-amzn-bedrock-trace", "x-request-id")) {
      assertEquals(headers.get(kept), sent.get(kept), kept);
    }

    // What arrives upstream: the Host signed for, and a proxy on the way appending to its header.
    MultiMap arrived = MultiMap.caseInsensitiveMultiMap().addAll(sent);
    arrived.set("host", signed.host());
    arrived.set("x-forwarded-for", "10.0.0.1, 10.0.0.2");
    SigV4Verifier aws = new SigV4Verifier(Map.of("AKIDGATEWAY", "gateway-secret"));
    SigV4Verifier.Verdict verdict = aws.verify("POST", uri, arrived, body);
    assertTrue(verdict.valid(), verdict.why());
    assertTrue(verdict.signedHeaders().contains("x-amzn-bedrock-trace"));
    assertFalse(aws.verify("POST", uri, arrived, new byte[] {'{', '}'}).valid());
  }

  @Test
  void aCustomEndpointWithAPortAndPathPrefixIsSignedAsSent() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    BedrockSigning.Signed signed =
        SIGNER.sign(
            GATEWAY,
            "POST",
            URI.create("http://127.0.0.1:9000/bedrock"),
            "/model/m/invoke",
            Tests.headers("content-type", "application/json"),
            body);
    assertEquals("127.0.0.1:9000", signed.host());
    MultiMap arrived = MultiMap.caseInsensitiveMultiMap().addAll(signed.headers());
    arrived.set("host", signed.host());
    SigV4Verifier.Verdict verdict =
        new SigV4Verifier(Map.of("AKIDGATEWAY", "gateway-secret"))
            .verify("POST", "/bedrock/model/m/invoke", arrived, body);
    assertTrue(verdict.valid(), verdict.why());
    assertEquals("us-west-2", verdict.region());
  }
}
