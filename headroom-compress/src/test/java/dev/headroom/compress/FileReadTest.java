package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * File reads, with the gutters coding agents and editors put before each line or without: read as
 * code, never as a table; the outline stays (every member's signature), the member the question is
 * about stays whole with its real line numbers, and a large file shrinks by more than 80%.
 */
class FileReadTest {

  private static final Compressor COMPRESSOR = Compressor.create();

  /** How a read numbers its lines. */
  enum Gutter {
    AGENT_TAB(i -> String.format("%6d\t", i)),
    CAT_N(i -> String.format("%6d  ", i).substring(0, 6) + "\t"),
    EDITOR_COLON(i -> i + ": "),
    NONE(i -> "");

    final Function<Integer, String> prefix;

    Gutter(Function<Integer, String> prefix) {
      this.prefix = prefix;
    }
  }

  private record Read(String text, List<String> signatures, List<String> askedMember) {}

  private static Read java(Gutter gutter, long seed) {
    Random random = new Random(seed);
    List<String> code = new ArrayList<>();
    code.add("package org.example.shipping;");
    code.add("");
    for (String imported :
        new String[] {
          "java.time.Duration",
          "java.time.Instant",
          "java.util.List",
          "java.util.Map",
          "java.util.Optional",
          "java.util.concurrent.ConcurrentHashMap"
        }) {
      code.add("import " + imported + ";");
    }
    code.add("");
    code.add("public final class ShipmentPlanner {");
    code.add("");
    code.add("  private final Map<String, Route> routes = new ConcurrentHashMap<>();");
    code.add("");
    List<String> signatures = new ArrayList<>();
    List<Integer> askedLines = new ArrayList<>();
    int members = 30 + random.nextInt(15);
    int asked = 10 + random.nextInt(members - 12);
    for (int m = 0; m < members; m++) {
      String name = m == asked ? "estimateCustomsDelay" : "step" + m + "Leg";
      String signature = "  public Duration " + name + "(Shipment shipment, Route route) {";
      signatures.add(signature);
      int start = code.size();
      code.add(signature);
      int body = 8 + random.nextInt(14);
      for (int k = 0; k < body; k++) {
        if (m == asked && k == body / 2) {
          code.add(
              "    Duration customs = route.crossesBorder() ? Duration.ofHours(36) : Duration.ZERO;");
        } else if (k % 5 == 4) {
          code.add("    if (shipment.weightKg() > " + (k * 40) + ") {");
          code.add("      total = total.plus(Duration.ofMinutes(" + k + "));");
          code.add("    }");
        } else {
          code.add("    total = total.plus(route.leg(" + k + ").transit(shipment.priority()));");
        }
      }
      code.add("    return total;");
      code.add("  }");
      code.add("");
      if (m == asked) {
        for (int i = start; i < code.size() - 1; i++) {
          askedLines.add(i);
        }
      }
    }
    code.add("}");
    StringBuilder text = new StringBuilder();
    List<String> askedMember = new ArrayList<>();
    for (int i = 0; i < code.size(); i++) {
      String line = gutter.prefix.apply(i + 1) + code.get(i);
      text.append(line).append('\n');
      if (askedLines.contains(i)) {
        askedMember.add(line);
      }
    }
    return new Read(text.toString(), signatures, askedMember);
  }

  @ParameterizedTest
  @EnumSource(Gutter.class)
  void theOutlineAndTheAskedMemberSurvive(Gutter gutter) {
    Read read = java(gutter, gutter.ordinal() + 11L);

    assertEquals(ContentType.CODE, ContentDetector.detect(read.text()).type());
    Compressed compressed =
        (Compressed)
            COMPRESSOR.compress(
                read.text(), CompressContext.ofQuery("why is estimateCustomsDelay so long?"));
    String text = compressed.text();
    for (String line : read.askedMember()) {
      assertTrue(text.contains(line + "\n"), "the asked member stays whole: " + line + "\n" + text);
    }
    for (String signature : read.signatures()) {
      assertTrue(text.contains(signature), "the outline keeps " + signature);
    }
    assertTrue(
        compressed.compressedTokens() < compressed.originalTokens() * 0.2,
        compressed.originalTokens() + " -> " + compressed.compressedTokens());
  }

  @Test
  void aMemberFoundByWhatItDoesIsKeptWhole() {
    Read read = java(Gutter.AGENT_TAB, 5);
    Compressed compressed =
        (Compressed)
            COMPRESSOR.compress(
                read.text(),
                CompressContext.ofQuery("where do we add the customs time at the border?"));
    for (String line : read.askedMember()) {
      assertTrue(compressed.text().contains(line + "\n"), line);
    }
  }

  @Test
  void pythonMembersEndWhereTheirIndentationDoes() {
    StringBuilder text = new StringBuilder();
    int number = 1;
    List<String> asked = new ArrayList<>();
    for (int m = 0; m < 30; m++) {
      String name = m == 17 ? "reconcile_ledger" : "helper_" + m;
      List<String> lines = new ArrayList<>();
      lines.add("def " + name + "(entries, cutoff):");
      lines.add("    total = 0");
      for (int k = 0; k < 6; k++) {
        lines.add("    for entry in entries[" + k + "]:");
        lines.add("        total += entry.amount if entry.date < cutoff else 0");
      }
      lines.add("    return total");
      lines.add("");
      for (String line : lines) {
        String numbered = String.format("%6d\t", number++) + line;
        text.append(numbered).append('\n');
        if (m == 17 && !line.isEmpty()) {
          asked.add(numbered);
        }
      }
    }
    Compressed compressed =
        (Compressed)
            COMPRESSOR.compress(
                text.toString(), CompressContext.ofQuery("what does reconcile_ledger return?"));
    for (String line : asked) {
      assertTrue(compressed.text().contains(line + "\n"), line + "\n" + compressed.text());
    }
    assertTrue(compressed.text().contains("def helper_3(entries, cutoff):"));
    assertTrue(compressed.compressedTokens() < compressed.originalTokens() / 2);
  }

  @Test
  void aSmallReadIsLeftAsItIs() {
    StringBuilder text = new StringBuilder();
    String[] body = {
      "package org.example;",
      "",
      "public class Small {",
      "  public int one() {",
      "    return 1;",
      "  }",
      "}"
    };
    int number = 1;
    for (int repeat = 0; repeat < 10; repeat++) {
      for (String line : body) {
        text.append(String.format("%6d\t", number++)).append(line).append('\n');
      }
    }
    CompressionResult result = COMPRESSOR.compress(text.toString(), CompressContext.ofQuery(""));
    assertTrue(result instanceof Unchanged, result.toString());
  }

  /**
   * An agent reads a log file with the same tool it reads source with: the gutter is not the log's
   * (its lines no longer start with their timestamps), yet the read is a log, compressed as one,
   * its failures kept with their line numbers.
   */
  @ParameterizedTest
  @EnumSource(Gutter.class)
  void aNumberedReadOfALogFileIsCompressedAsALogAndKeepsItsFailures(Gutter gutter) {
    Random random = new Random(gutter.ordinal() + 31L);
    StringBuilder text = new StringBuilder();
    List<String> failures = new ArrayList<>();
    String[] routes = {"/api/carts", "/api/orders", "/api/users", "/healthz"};
    for (int i = 1; i <= 1800; i++) {
      String line;
      if (i == 977) {
        line =
            String.format(
                "2026-03-04T10:%02d:%02d.%03dZ ERROR [billing] charge failed for inv_%d:"
                    + " StripeTimeout after 30000ms",
                i / 60 % 60, i % 60, random.nextInt(1000), 40000 + random.nextInt(9999));
        failures.add(line);
      } else if (i == 978) {
        line = "    at Billing.charge (/srv/app/billing.js:88:17)";
        failures.add(line);
      } else {
        line =
            String.format(
                "2026-03-04T10:%02d:%02d.%03dZ %s [http] GET %s %d %d.%dms reqId=r-%08x",
                i / 60 % 60,
                i % 60,
                random.nextInt(1000),
                random.nextInt(5) == 0 ? "DEBUG" : "INFO ",
                routes[random.nextInt(routes.length)],
                200,
                random.nextInt(90) + 1,
                random.nextInt(10),
                random.nextInt());
      }
      text.append(gutter.prefix.apply(i)).append(line).append('\n');
    }

    assertEquals(ContentType.LOG, ContentDetector.detect(text.toString()).type());
    Compressed compressed =
        (Compressed)
            COMPRESSOR.compress(text.toString(), CompressContext.ofQuery("why did billing fail?"));
    for (String failure : failures) {
      assertTrue(compressed.text().contains(failure), "kept: " + failure);
    }
    assertTrue(
        compressed.text().contains(gutter.prefix.apply(977)), "with its line number, as read");
    assertTrue(
        compressed.compressedTokens() < compressed.originalTokens() * 0.2,
        compressed.originalTokens() + " -> " + compressed.compressedTokens());
  }

  @Test
  void aNumberedReadOfProseIsNeitherALogNorATable() {
    StringBuilder text = new StringBuilder();
    String[] words = {"the", "shipment", "planner", "routes", "parcels", "through", "hubs", "and"};
    Random random = new Random(5);
    for (int i = 1; i <= 400; i++) {
      StringBuilder sentence = new StringBuilder();
      for (int w = 0; w < 12; w++) {
        sentence.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
      }
      text.append(String.format("%6d\t", i)).append(sentence).append(".\n");
    }
    assertEquals(ContentType.TEXT, ContentDetector.detect(text.toString()).type());
  }

  /**
   * Java as formatters write it: generic return types with several arguments, generic methods, and
   * parameters on lines of their own. The read is code, and the asked member survives whole.
   */
  @ParameterizedTest
  @EnumSource(Gutter.class)
  void javaWithGenericTypesAndWrappedParametersIsCode(Gutter gutter) {
    List<String> code = new ArrayList<>();
    code.add("package org.example.billing;");
    code.add("");
    code.add("import java.util.List;");
    code.add("import java.util.Map;");
    code.add("");
    code.add("public final class InvoiceService {");
    List<String> asked = new ArrayList<>();
    for (int m = 0; m < 30; m++) {
      List<String> member = new ArrayList<>();
      member.add(
          m % 3 == 0
              ? "  public <T extends Comparable<T>> List<T> sortBatch" + m + "("
              : "  public Map<String, Long> settleBatch" + m + "(");
      member.add("      List<String> invoiceIds,");
      member.add("      long cutoffMillis,");
      member.add("      boolean dryRun) {");
      member.add("    long total = 0;");
      for (int k = 0; k < 14; k++) {
        member.add("    total += invoiceIds.size() * " + (k + m) + ";");
      }
      member.add(m % 3 == 0 ? "    return List.of();" : "    return Map.of(\"total\", total);");
      member.add("  }");
      member.add("");
      code.addAll(member);
      if (m == 7) {
        asked.addAll(member.subList(0, member.size() - 1));
      }
    }
    code.add("}");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < code.size(); i++) {
      text.append(gutter.prefix.apply(i + 1)).append(code.get(i)).append('\n');
    }

    assertEquals(ContentType.CODE, ContentDetector.detect(text.toString()).type());
    Compressed compressed =
        (Compressed)
            COMPRESSOR.compress(
                text.toString(), CompressContext.ofQuery("what does settleBatch7 return?"));
    int line = code.indexOf(asked.get(0)) + 1;
    for (String kept : asked) {
      assertTrue(
          compressed.text().contains(gutter.prefix.apply(line++) + kept + "\n"),
          "settleBatch7 whole: " + kept + "\n" + compressed.text());
    }
    assertTrue(compressed.text().contains("sortBatch9("), "the outline names the other members");
    assertTrue(
        compressed.compressedTokens() < compressed.originalTokens() / 2,
        compressed.originalTokens() + " -> " + compressed.compressedTokens());
  }
}
