package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.spi.Input;
import dev.headroom.compress.internal.spi.Inputs;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogCompressorTest {

  private static String serviceLog() {
    StringBuilder log =
        new StringBuilder("2024-06-11T13:59:56.000Z INFO  [boot] orders-api starting\n");
    for (int i = 0; i < 300; i++) {
      log.append(
          String.format(
              "2024-06-11T14:00:%02d.%03dZ INFO  [http] GET /healthz 200 %d.1ms reqId=r-%05d%n",
              i % 60, i, i % 30, i));
      if (i == 150) {
        log.append(
                "2024-06-11T14:02:11.204Z ERROR [orders] TypeError: Cannot read properties of undefined (reading 'currency')\n")
            .append("    at formatTotal (/srv/app/dist/orders/format.js:41:29)\n")
            .append("    at Array.map (<anonymous>)\n")
            .append("    at listOrders (/srv/app/dist/orders/list.js:88:17)\n")
            .append(
                "2024-06-11T14:02:11.206Z INFO  [http] GET /api/orders?status=open&page=3 500 12.0ms reqId=r-x\n");
      }
    }
    return log.append("2024-06-11T14:05:00.000Z INFO  [boot] shutdown complete\n").toString();
  }

  @Test
  void theErrorItsStackTheAnswerAndTheEndsAreKeptVerbatim() {
    String log = serviceLog();
    Input input = Inputs.of(log, "Why did GET /api/orders return a 500 at about 14:02?", 200);
    String out = new LogCompressor().compress(input).orElseThrow().text();
    assertTrue(
        out.contains("TypeError: Cannot read properties of undefined (reading 'currency')\n"));
    assertTrue(out.contains("    at formatTotal (/srv/app/dist/orders/format.js:41:29)\n"));
    assertTrue(out.contains("    at listOrders (/srv/app/dist/orders/list.js:88:17)\n"));
    assertTrue(out.contains("GET /api/orders?status=open&page=3 500"));
    assertTrue(out.startsWith("2024-06-11T13:59:56.000Z INFO  [boot] orders-api starting\n"));
    assertTrue(out.contains("shutdown complete"));
    assertTrue(out.length() < log.length() / 4);
    assertEquals(List.of(), Inputs.foreignLines(log, out));
  }

  @Test
  void repeatedLinesAreCountedByTemplateInTheMarker() {
    String out =
        new LogCompressor().compress(Inputs.of(serviceLog(), "", 100)).orElseThrow().text();
    assertTrue(out.contains("INFO  [http] GET /healthz # #.# reqId=r-#\" x"), out);
    assertTrue(out.contains("lines omitted; "));
  }

  @Test
  void crlfLinesComeBackAsCrlf() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      b.append("InvoiceServiceTest > case").append(i).append("() PASSED\r\n");
    }
    b.append("InvoiceServiceTest > roundsHalfEvenForJPY() FAILED\r\n")
        .append("    org.opentest4j.AssertionFailedError: expected: <1235> but was: <1234>\r\n")
        .append(
            "        at app//billing.InvoiceServiceTest.roundsHalfEvenForJPY(InvoiceServiceTest.java:214)\r\n")
        .append("BUILD FAILED in 4m 12s\r\n");
    String log = b.toString();
    String out =
        new LogCompressor()
            .compress(Inputs.of(log, "Which test failed and why?", 100))
            .orElseThrow()
            .text();
    assertTrue(
        out.contains(
            "roundsHalfEvenForJPY() FAILED\r\n    org.opentest4j.AssertionFailedError: expected: <1235> but was: <1234>\r\n"));
    assertTrue(out.contains("InvoiceServiceTest.java:214)\r\n"));
    assertTrue(out.contains("BUILD FAILED in 4m 12s\r\n"));
    assertFalse(out.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
  }

  @Test
  void shortLogsAreLeftAlone() {
    assertTrue(new LogCompressor().compress(Inputs.of("ERROR one\nINFO two\n", "", 10)).isEmpty());
  }

  @Test
  void jsonLinesKeepTheFailedRequestThoughNoLineNamesALevel() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      boolean failed = i == 444;
      log.append("{\"ts\":\"2024-06-11T14:")
          .append(String.format("%02d:%02d", i / 60 % 60, i % 60))
          .append("Z\",\"route\":\"/v1/charges\",\"status\":")
          .append(failed ? 502 : 200)
          .append(",\"ms\":")
          .append(failed ? 30001 : 5 + i % 80)
          .append(",\"msg\":\"")
          .append(failed ? "upstream timeout" : "charged card " + i)
          .append("\"}\n");
    }
    String in = log.toString();
    for (String query : new String[] {"", "summarise the traffic"}) {
      String out = new LogCompressor().compress(Inputs.of(in, query, 200)).orElseThrow().text();
      assertTrue(out.contains("\"status\":502,\"ms\":30001,\"msg\":\"upstream timeout\"}"), out);
      assertTrue(out.length() < in.length() / 10, out);
      assertEquals(List.of(), Inputs.foreignLines(in, out));
    }
  }

  /** {@code git log}: 200 commits, newest first; commit 150 raised the webhook retry timeout. */
  private static String gitLog() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      log.append(String.format("commit %040x%n", (long) i * 0x9E3779B97F4A7C15L & Long.MAX_VALUE))
          .append("Author: Dana Ruiz <dana@acme.example>\n")
          .append(String.format("Date:   Mon Nov %d 08:%02d:12 2026 +0100%n%n", 1 + i % 28, i % 60))
          .append(
              i == 150
                  ? "    Raise the webhook retry timeout from 5 s to 30 s\n"
                  : "    Refactor module " + i + " for clarity\n")
          .append("\n    Signed-off-by: Dana Ruiz <dana@acme.example>\n\n");
    }
    return log.toString();
  }

  @Test
  void gitLogKeepsTheHeadOfEveryCommitItKeepsALineOfAndOfTheNewest() {
    String log = gitLog();
    String out =
        new LogCompressor()
            .compress(Inputs.of(log, "which commit changed the webhook retry timeout?", 200))
            .orElseThrow()
            .text();
    String answer =
        String.format("commit %040x%n", 150L * 0x9E3779B97F4A7C15L & Long.MAX_VALUE)
            + "Author: Dana Ruiz <dana@acme.example>\nDate:   Mon Nov 11 08:30:12 2026 +0100\n\n"
            + "    Raise the webhook retry timeout from 5 s to 30 s\n";
    assertTrue(out.contains(answer), out);
    for (int i = 0; i < LogCompressor.NEWEST_COMMITS; i++) {
      assertTrue(out.contains("    Refactor module " + i + " for clarity\n"), "newest " + i);
    }
    assertFalse(out.contains("Refactor module 100 "), out);
    assertFalse(out.contains("omitted; ;"), out);
    assertTrue(out.length() < log.length() / 5, out);
    assertEquals(List.of(), Inputs.foreignLines(log, out));
  }

  @Test
  void aLogThatOnlyMentionsCommitsKeepsNoBlocksForThem() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      log.append("commit ")
          .append(String.format("%07x", 0x1a2b3c0 + i))
          .append(" built in ")
          .append(20 + i % 40)
          .append(" s\n");
      for (int k = 0; k < 30; k++) {
        log.append("  step ").append(k).append(" of build ").append(i).append(" passed\n");
      }
    }
    String in = log.toString();
    String out = new LogCompressor().compress(Inputs.of(in, "", 200)).orElseThrow().text();
    // Not the newest builds' every line: only what a commit's head can be.
    assertFalse(out.contains("  step 20 of build 3 passed\n"), out);
    assertTrue(out.length() < in.length() / 10, out);
  }

  @Test
  void aRepeatedWarningKeepsTheLineWhereItsNumberPeaked() {
    StringBuilder b = new StringBuilder();
    String peak = null;
    for (int i = 0; i < 400; i++) {
      String ts = "2026-12-06T" + (10 + i / 60) + ":" + (10 + i % 50) + ":00.000Z";
      if (i % 5 == 0) {
        int percent = i == 215 ? 99 : 61 + i % 30;
        String line = ts + " WARN  [monitor] disk usage on /var/lib/postgresql at " + percent + "%";
        peak = i == 215 ? line : peak;
        b.append(line).append('\n');
      } else {
        b.append(ts).append(" INFO  [http] GET /api/orders/").append(i).append(" 200 12ms\n");
      }
    }
    String in = b.toString();
    String out =
        new LogCompressor()
            .compress(Inputs.of(in, "Did the database volume run out of space?", 2_000))
            .orElseThrow()
            .text();
    assertTrue(out.contains(peak + "\n"), out);
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void theOddLineOfARepetitiveLogIsKept() {
    StringBuilder b = new StringBuilder();
    String odd = "2026-12-06 02:06:59,725 INFO importer: skipped 3 rows: currency 'XXX' is not ISO";
    for (int i = 0; i < 600; i++) {
      b.append("2026-12-06 02:")
          .append(10 + i / 60)
          .append(':')
          .append(10 + i % 50)
          .append(",100 INFO importer: batch ")
          .append(i)
          .append(" committed (")
          .append(900 + i % 100)
          .append(" rows)\n");
      if (i == 419) {
        b.append(odd).append('\n');
      }
    }
    String in = b.toString();
    String out =
        new LogCompressor()
            .compress(Inputs.of(in, "Did last night's import finish cleanly?", 2_000))
            .orElseThrow()
            .text();
    assertTrue(out.contains(odd + "\n"), out);
    assertTrue(out.length() < in.length() / 10, out);
  }

  @Test
  void startupWarningsDoNotCrowdOutTheOneTheTroublePrintedLater() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      b.append("2026-12-06 14:00:")
          .append(10 + i)
          .append(" WARN [main] Config : Property 'spring.")
          .append((char) ('a' + i))
          .append("x' is deprecated: use 'spring.")
          .append((char) ('a' + i))
          .append("y'\n");
    }
    String trouble =
        "2026-12-06 14:07:31 WARN [exec-7] HikariPool : Connection is not available after 4200ms;"
            + " pool exhausted (total=20, active=20, waiting=57)";
    for (int i = 0; i < 700; i++) {
      if (i == 380) {
        b.append(trouble).append('\n');
      }
      // Lines of many kinds: nothing here is an odd one out.
      b.append("2026-12-06 14:0")
          .append(1 + i / 100)
          .append(":00 INFO [exec-1] Controller : handled ")
          .append(Integer.toString(i * 7919, 36).replaceAll("[0-9]", "q"))
          .append(" in 12ms\n");
    }
    String in = b.toString();
    String out =
        new LogCompressor()
            .compress(Inputs.of(in, "Why were requests slow this afternoon?", 2_000))
            .orElseThrow()
            .text();
    assertTrue(out.contains(trouble + "\n"), out);
  }
}
