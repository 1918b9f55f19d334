package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.spi.Inputs;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableCompressorTest {

  @Test
  void csvKeepsHeaderQueryRowAndTheLoneNegativeWithTrailingZeros() {
    StringBuilder b = new StringBuilder("sku,warehouse,on_hand,price\n");
    for (int i = 0; i < 300; i++) {
      b.append("QF-")
          .append(40000 + i)
          .append(",MAD1,")
          .append(i == 217 ? -12 : 10 + i % 50)
          .append(",7.10\n");
    }
    String in = b.toString();
    String out =
        new TableCompressor()
            .compress(Inputs.of(in, "Which SKU has a negative quantity?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.startsWith("sku,warehouse,on_hand,price\n"));
    assertTrue(out.contains("QF-40217,MAD1,-12,7.10\n"), out);
    assertFalse(out.contains("QF-40150,"));
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void alignedOutputKeepsUnhealthyRowsIncludingARunningOneNotReady() {
    StringBuilder b =
        new StringBuilder(
            "NAMESPACE   NAME                    READY   STATUS             RESTARTS   AGE\n");
    for (int i = 0; i < 200; i++) {
      String name = String.format("api-7d9f-%05d", i);
      String ready = i == 120 ? "1/2" : "1/1";
      String status = i == 60 ? "CrashLoopBackOff" : "Running";
      b.append(
          String.format("shop        %-22s  %-6s  %-17s  0          3d%n", name, ready, status));
    }
    String in = b.toString();
    String out =
        new TableCompressor()
            .compress(Inputs.of(in, "Which pods are not healthy?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.startsWith("NAMESPACE   NAME"));
    assertTrue(out.contains("api-7d9f-00060"), out);
    assertTrue(out.contains("api-7d9f-00120"), out);
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void psqlBordersHeaderAndFooterStay() {
    StringBuilder b =
        new StringBuilder(
            "+----------+----------+---------+\n| order_id | status   | total   |\n+----------+----------+---------+\n");
    for (int i = 0; i < 100; i++) {
      b.append(
          String.format(
              "| %8d | %-8s | %7s |%n", 88300 + i, i == 12 ? "disputed" : "shipped", "10.50"));
    }
    b.append("+----------+----------+---------+\n(100 rows)\n");
    String in = b.toString();
    String out =
        new TableCompressor()
            .compress(Inputs.of(in, "status of order 88312?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("|    88312 | disputed |   10.50 |"), out);
    assertTrue(out.contains("| order_id | status   | total   |"));
    assertTrue(out.contains("(100 rows)"));
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }
}
