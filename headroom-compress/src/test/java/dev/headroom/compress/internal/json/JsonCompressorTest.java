package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.spi.Inputs;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

class JsonCompressorTest {

  private static String flags(int n) {
    StringJoiner rows = new StringJoiner(",\n", "[\n", "\n]");
    for (int i = 0; i < n; i++) {
      String name = i == 31 ? "checkout-v2-wallets" : "flag-" + i;
      String rollout = i == 31 ? "12.50" : "100.00";
      rows.add(
          "  {\"name\": \""
              + name
              + "\", \"rollout\": "
              + rollout
              + ", \"sampling\": 1e-7, "
              + "\"owner\": \"team-"
              + (i % 3)
              + "\", \"latencyMs\": "
              + (i == 50 ? 98000 : 100 + i % 7)
              + "}");
    }
    return rows.toString();
  }

  @Test
  void smallEnoughJsonIsOnlyMinifiedIntoTheLosslessTableForm() {
    String json = flags(10);
    String out = new JsonCompressor().compress(Inputs.of(json, "", 10_000)).orElseThrow().text();
    assertTrue(
        out.startsWith(
            "{\"_columns\":[\"name\",\"rollout\",\"sampling\",\"owner\",\"latencyMs\"],\"_rows\":[["),
        out);
    assertTrue(
        out.contains("[\"flag-0\",100.00,1e-7,\"team-0\",100]"), "numbers keep their text: " + out);
    assertFalse(out.contains("<<ccr:"));
  }

  @Test
  void rowSelectionKeepsFirstLastQueryMatchesAndOutliersWithAMarker() {
    String json = flags(80);
    String out =
        new JsonCompressor()
            .compress(Inputs.of(json, "What's the rollout of the checkout-v2-wallets flag?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("[\"flag-0\","), "first row");
    assertTrue(out.contains("[\"flag-79\","), "last row");
    assertTrue(
        out.contains("[\"checkout-v2-wallets\",12.50,1e-7,"),
        "query match with exact numbers: " + out);
    assertTrue(out.contains("98000"), "outlier");
    assertTrue(
        out.matches("(?s).*\"_omitted\":\"<<ccr:[0-9a-f]{16} \\d+ of 80 rows omitted.*"), out);
    assertFalse(out.contains("\"flag-40\""));
  }

  @Test
  void rowsWithErrorValuesAndRareStatusesSurvive() {
    StringJoiner rows = new StringJoiner(",", "[", "]");
    for (int i = 0; i < 60; i++) {
      String status = i == 20 ? "critical" : i == 40 ? "declined" : "ok";
      rows.add(
          "{\"id\":"
              + i
              + ",\"status\":\""
              + status
              + "\",\"note\":\"routine entry number "
              + i
              + "\"}");
    }
    String out =
        new JsonCompressor().compress(Inputs.of(rows.toString(), "", 50)).orElseThrow().text();
    assertTrue(out.contains("[20,\"critical\""), out);
    assertTrue(out.contains("[40,\"declined\""), out);
    assertTrue(out.contains("status: ok 56"), "summary of dropped rows: " + out);
  }

  @Test
  void objectPruningKeepsThePathToTheQueryMatch() {
    StringBuilder json = new StringBuilder("{\"kind\":\"Config\",\"environments\":{");
    String[] envs = {"production", "staging", "development"};
    for (int e = 0; e < envs.length; e++) {
      json.append(e == 0 ? "" : ",").append('"').append(envs[e]).append("\":{");
      for (int c = 0; c < 3; c++) {
        String cell = "cell-" + (char) ('a' + c);
        json.append(c == 0 ? "" : ",")
            .append('"')
            .append(cell)
            .append("\":{\"ledger\":{\"pool\":{\"poolName\":\"ledger-")
            .append(envs[e], 0, 4)
            .append('-')
            .append(cell)
            .append("\",\"maxPoolSize\":")
            .append(100 + e * 10 + c)
            .append(",\"padding\":\"")
            .append("x".repeat(300))
            .append("\"}}}");
      }
      json.append('}');
    }
    json.append("}}");
    String out =
        new JsonCompressor()
            .compress(
                Inputs.of(json.toString(), "maxPoolSize of the ledger in production cell-b?", 300))
            .orElseThrow()
            .text();
    assertTrue(out.contains("\"poolName\":\"ledger-prod-cell-b\",\"maxPoolSize\":101"), out);
    assertTrue(out.contains("\"_omitted\":\"<<ccr:"), out);
    assertTrue(out.length() < json.length() / 2);
  }

  @Test
  void outputIsAlwaysValidJsonAndInvalidInputIsLeftAlone() {
    String out = new JsonCompressor().compress(Inputs.of(flags(80), "", 100)).orElseThrow().text();
    assertTrue(JsonTrees.parse(out).isPresent());
    assertTrue(new JsonCompressor().compress(Inputs.of("[1, 2", "", 100)).isEmpty());
  }

  @Test
  void stringsKeepNonAsciiAndEscapesRoundTrip() {
    String json = "{\"summary\":\"支付回调超时 \\\"quoted\\\" C:\\\\temp\",\"n\":1.50}";
    String out = JsonTrees.write(JsonTrees.parse(json).orElseThrow());
    assertEquals("{\"summary\":\"支付回调超时 \\\"quoted\\\" C:\\\\temp\",\"n\":1.50}", out);
  }

  /** Services under their names, one of them unhealthy. */
  private static String services(int n, int unhealthy) {
    StringJoiner members = new StringJoiner(",\n", "{\n", "\n}");
    for (int i = 0; i < n; i++) {
      members.add(
          String.format(
              java.util.Locale.ROOT,
              "  \"svc-%03d\": {\"healthy\": %s, \"replicas\": %d, \"p99_ms\": %d}",
              i,
              i == unhealthy ? "false" : "true",
              2 + i % 5,
              20 + i * 7 % 70));
    }
    return members.toString();
  }

  @Test
  void anObjectOfRowsUnderTheirIdsKeepsTheRowsAnArrayWouldAndStaysValidJson() {
    String json = services(300, 217);
    String out =
        new JsonCompressor()
            .compress(Inputs.of(json, "which service is unhealthy?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("\"svc-217\":{\"healthy\":false,\"replicas\":4,\"p99_ms\":"), out);
    assertTrue(out.startsWith("{\"svc-000\":"), out);
    assertTrue(out.contains("\"svc-299\":"), out);
    assertTrue(out.contains("\"_omitted\":\"<<ccr:"), out);
    assertTrue(out.contains(" of 300 members omitted"), out);
    assertTrue(out.length() < json.length() / 20, out);
    assertTrue(JsonTrees.parse(out).isPresent(), "valid JSON: " + out);
    String named =
        new JsonCompressor()
            .compress(Inputs.of(json, "what about svc-042?", 100))
            .orElseThrow()
            .text();
    assertTrue(named.contains("\"svc-042\":"), "the row the question names: " + named);
  }

  @Test
  void anObjectOfDifferentlyShapedMembersIsNoRowSet() {
    StringJoiner members = new StringJoiner(",", "{", "}");
    for (int i = 0; i < 12; i++) {
      members.add("\"section" + i + "\": {\"key" + i + "\": \"" + "v".repeat(300) + "\"}");
    }
    String out =
        new JsonCompressor()
            .compress(Inputs.of(members.toString(), "what is in section3?", 100))
            .orElseThrow()
            .text();
    assertFalse(out.contains(" of 12 members omitted"), out);
    assertTrue(out.contains("\"section3\":"), out);
  }

  @Test
  void theOneBackupMonthsOlderThanTheRestIsKeptThoughNoWordSaysSo() {
    StringJoiner rows = new StringJoiner(",\n", "[\n", "\n]");
    for (int i = 0; i < 200; i++) {
      String taken =
          i == 137
              ? "2026-09-14T03:12:00Z"
              : String.format(
                  java.util.Locale.ROOT,
                  "2026-12-0%dT0%d:%02d:00Z",
                  5 + i % 3,
                  i % 10,
                  10 + i % 50);
      rows.add(
          "  {\"host\": \"db-"
              + i
              + ".acme.example\", \"last_backup\": \""
              + taken
              + "\", \"size_gb\": "
              + (40 + i % 50)
              + ", \"status\": \"ok\"}");
    }
    String out =
        new JsonCompressor()
            .compress(Inputs.of(rows.toString(), "are the backups healthy?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("\"db-137.acme.example\""), out);
  }

  @Test
  void aPercentInAStringIsANumberTheContainerNearlyOutOfMemoryIsKept() {
    StringJoiner rows = new StringJoiner(",\n", "[\n", "\n]");
    for (int i = 0; i < 120; i++) {
      boolean full = i == 77;
      rows.add(
          String.format(
              java.util.Locale.ROOT,
              "  {\"Name\": \"%s\", \"CPUPerc\": \"%d.%02d%%\", \"MemPerc\": \"%s\", \"PIDs\":"
                  + " \"%d\"}",
              full ? "worker-queue" : "web-" + i,
              i % 9,
              i % 89 + 10,
              full ? "97.50%" : (i % 3) + "." + (i % 89 + 10) + "%",
              2 + i % 28));
    }
    String out =
        new JsonCompressor()
            .compress(Inputs.of(rows.toString(), "which container is the problem?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("\"worker-queue\""), out);
  }

  @Test
  void rowsThatAreArraysOfValuesAreReadColumnByColumn() {
    // A spreadsheet API's values: the one overdue invoice differs only in its fifth cell.
    StringJoiner rows =
        new StringJoiner(
            ",", "{\"values\":[[\"invoice\",\"customer\",\"amount\",\"state\",\"note\"],", "]}");
    for (int i = 0; i < 400; i++) {
      rows.add(
          "[\"INV-"
              + (5000 + i)
              + "\",\"cust-"
              + i % 80
              + "\",\""
              + (10 + i % 890)
              + ".00\",\""
              + (i == 233 ? "overdue" : "open")
              + "\",\"\"]");
    }
    String out =
        new JsonCompressor()
            .compress(Inputs.of(rows.toString(), "anything to chase?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("[\"INV-5233\",\"cust-73\",\"243.00\",\"overdue\",\"\"]"), out);
  }
}
