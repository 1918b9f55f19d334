package dev.headroom.proxy.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    return CompressCommand.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String log() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      b.append("2024-06-11T14:00:")
          .append(String.format("%02d", i % 60))
          .append("Z INFO [http] GET /healthz 200 reqId=r-")
          .append(i)
          .append('\n');
      if (i == 200) {
        b.append(
            "2024-06-11T14:02:11Z ERROR [orders] payment authorization failed for order A-10877\n");
      }
    }
    return b.toString();
  }

  @Test
  void textFormatPrintsTheCompressedTextAndOneStatsLineOnStderr(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("app.log");
    Files.writeString(file, log());
    assertEquals(0, run("", "--query", "what failed for A-10877?", file.toString()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("ERROR [orders] payment authorization failed for order A-10877\n"));
    assertTrue(text.contains("<<ccr:"));
    List<String> stats = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, stats.size(), stats.toString());
    assertTrue(
        stats
            .get(0)
            .matches(
                "headroom: log log: \\d+ -> \\d+ tokens \\(-\\d+\\.\\d%\\), \\d+ -> \\d+ bytes, .* ms"),
        stats.get(0));
  }

  @Test
  void jsonFormatReportsTheSpecifiedFieldsForStdin() throws Exception {
    assertEquals(0, run(log(), "--format", "json", "--model", "gpt-4-turbo", "-"));
    JsonNode stats = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    List<String> keys = new ArrayList<>();
    stats.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "content_type",
            "strategy",
            "original_tokens",
            "compressed_tokens",
            "original_bytes",
            "compressed_bytes",
            "millis",
            "compressed",
            "text"),
        keys);
    assertEquals(TextNode.valueOf("log"), stats.get("content_type"));
    assertEquals(BooleanNode.TRUE, stats.get("compressed"));
    assertEquals(IntNode.valueOf(log().length()), stats.get("original_bytes"));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void jsonCarriesTheTextThatTextFormatPrints() throws Exception {
    String tiny = "Error: ENOENT\n";
    for (String input : List.of(log(), tiny)) {
      out.reset();
      assertEquals(0, run(input, "--query", "what failed for A-10877?"));
      String printed = out.toString(StandardCharsets.UTF_8);
      out.reset();
      assertEquals(0, run(input, "--query", "what failed for A-10877?", "--format", "json"));
      JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));
      assertEquals(TextNode.valueOf(printed), json.get("text"));
      // The compressed text when something was gained, the original otherwise.
      assertEquals(input.equals(tiny), printed.equals(input));
    }
  }

  @Test
  void repeatReportsAMedianAndUnchangedInputIsPassedThrough() {
    String tiny = "Error: ENOENT\n";
    assertEquals(0, run(tiny, "--repeat", "3", "--format", "json"));
    String json = out.toString(StandardCharsets.UTF_8);
    assertTrue(json.contains("\"strategy\":\"unchanged:below_min_bytes\""), json);
    assertTrue(json.contains("\"compressed\":false"), json);
    out.reset();
    err.reset();
    assertEquals(0, run(tiny));
    assertEquals(tiny, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void badUsageAndMissingFilesFailWithDistinctCodes(@TempDir Path dir) {
    assertEquals(2, run("", "--format", "xml"));
    assertEquals(2, run("", "--repeat", "0"));
    assertEquals(1, run("", dir.resolve("missing.log").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read"));
  }
}
