package dev.headroom.compress.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.CompressContext;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.Compressed;
import dev.headroom.compress.ContentType;
import dev.headroom.compress.Unchanged;
import org.junit.jupiter.api.Test;

class FencedCompressorTest {

  private final DefaultCompressor compressor = new DefaultCompressor(CompressOptions.defaults());

  private static String report() {
    StringBuilder b =
        new StringBuilder(
            "The deploy of payments-api to prod-eu-1 is not healthy.\n\n```json\n[\n");
    for (int i = 0; i < 60; i++) {
      b.append(i == 0 ? "" : ",\n")
          .append("  {\"pod\": \"payments-api-")
          .append(i)
          .append("\", \"errorRate\": ")
          .append(i == 33 ? "0.0730" : "0.0010")
          .append(", \"ready\": true}");
    }
    b.append("\n]\n```\n\nAnd the log tail:\n\n```\n");
    for (int i = 0; i < 80; i++) {
      b.append("2024-06-11T14:00:")
          .append(String.format("%02d", i % 60))
          .append("Z INFO  [http] GET /healthz 200\n");
      if (i == 40) {
        b.append(
                "2024-06-11T14:00:41Z ERROR [db] Connection is not available, request timed out after 3000ms\n")
            .append("    at com.acme.RefundRepository.find(RefundRepository.java:88)\n");
      }
    }
    return b.append("```\n\nSee the runbook.\n").toString();
  }

  @Test
  void proseAndFencesStayAndEachBlockIsCompressedByItsType() {
    String in = report();
    Compressed c =
        (Compressed)
            compressor.compress(
                in, CompressContext.ofQuery("Is the deploy healthy?").withTargetTokens(150));
    assertEquals(ContentType.TEXT, c.contentType());
    assertEquals("text:fenced", c.strategy());
    String out = c.text();
    assertTrue(
        out.startsWith("The deploy of payments-api to prod-eu-1 is not healthy.\n\n```json\n"),
        out);
    assertTrue(out.contains("0.0730"), "the outlier row keeps its number text: " + out);
    assertTrue(out.contains("Connection is not available, request timed out after 3000ms\n"));
    assertTrue(out.contains("RefundRepository.java:88)\n"));
    assertTrue(out.endsWith("```\n\nSee the runbook.\n"));
  }

  @Test
  void fencedCodeIsNeverCut() {
    StringBuilder b = new StringBuilder("Here is the file:\n\n```go\n");
    for (int i = 0; i < 80; i++) {
      b.append("func handler").append(i).append("() {}\n");
    }
    String in = b.append("```\n").toString();
    assertTrue(compressor.compress(in) instanceof Unchanged);
  }
}
