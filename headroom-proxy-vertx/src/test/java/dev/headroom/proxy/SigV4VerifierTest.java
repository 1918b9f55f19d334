package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake provider's verifier agrees with AWS's published Signature Version 4 test suite. */
class SigV4VerifierTest {

  private static final SigV4Verifier AWS_EXAMPLE =
      new SigV4Verifier(Map.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

  /** The suite's {@code get-vanilla} case. */
  private static io.vertx.core.MultiMap vanilla(String signature) {
    return Tests.headers(
        "host",
        "example.amazonaws.com",
        "x-amz-date",
        "20150830T123600Z",
        "authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature="
            + signature);
  }

  @Test
  void acceptsTheSuitesVanillaRequest() {
    SigV4Verifier.Verdict verdict =
        AWS_EXAMPLE.verify(
            "GET",
            "/",
            vanilla("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
            new byte[0]);
    assertTrue(verdict.valid(), verdict.why());
    assertEquals("us-east-1", verdict.region());
    assertEquals("service", verdict.service());
  }

  @Test
  void refusesItWithAnotherBodyHostOrKey() {
    io.vertx.core.MultiMap headers =
        vanilla("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    assertFalse(AWS_EXAMPLE.verify("GET", "/", headers, new byte[] {'x'}).valid());
    assertFalse(AWS_EXAMPLE.verify("POST", "/", headers, new byte[0]).valid());
    assertFalse(AWS_EXAMPLE.verify("GET", "/?a=b", headers, new byte[0]).valid());
    headers.set("host", "127.0.0.1:8787");
    assertFalse(AWS_EXAMPLE.verify("GET", "/", headers, new byte[0]).valid());
    SigV4Verifier other = new SigV4Verifier(Map.of("AKIDEXAMPLE", "another-secret"));
    assertFalse(
        other
            .verify(
                "GET",
                "/",
                vanilla("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new byte[0])
            .valid());
  }
}
