package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.spi.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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

  /** {@code ps aux}: single spaces in the header, numbers padded to their own widths per row. */
  private static String psAux(int hog) {
    Random random = new Random(7);
    StringBuilder b =
        new StringBuilder(
            "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
    for (int i = 0; i < 150; i++) {
      int pid = 900 + i * 37;
      if (i == hog) {
        b.append("app       ")
            .append(pid)
            .append("  97.3 61.2 18234112 9873412 ?    Rl   Nov30 812:11 /usr/bin/java -jar")
            .append(" /srv/report-builder.jar --nightly\n");
      } else {
        b.append(
            String.format(
                Locale.ROOT,
                "%-9s %6d  %d.%d  %d.%d %6d %5d ?        Ss   Nov30   0:%02d /usr/sbin/d%d --config"
                    + " /etc/d%d.conf%n",
                List.of("root", "app", "postgres", "www-data").get(random.nextInt(4)),
                pid,
                random.nextInt(4),
                random.nextInt(10),
                random.nextInt(3),
                random.nextInt(10),
                10_000 + random.nextInt(900_000),
                1_000 + random.nextInt(90_000),
                random.nextInt(60),
                i,
                i));
      }
    }
    return b.toString();
  }

  @Test
  void psAuxKeepsTheProcessHoldingTheMemoryThoughNoWordOfTheQuestionIsInIt() {
    String in = psAux(83);
    String out =
        new TableCompressor()
            .compress(Inputs.of(in, "Which process is eating all the memory?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("97.3 61.2 18234112 9873412"), out);
    assertTrue(out.contains("/srv/report-builder.jar --nightly\n"), out);
    assertTrue(out.length() < in.length() / 4, out);
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void aTableIsReadWordByWordOnlyWhenItsRunsOfSpacesDisagreeWithItsHeader() {
    List<String> ps = psAux(5).lines().toList();
    assertEquals(11, TableCompressor.wordColumns(ps.get(0), ps.subList(1, ps.size())));
    List<String> docker = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      docker.add(
          String.format(
              Locale.ROOT,
              "%-14s nginx:1.27   \"nginx -g 'daemon of…\"   %d hours ago   Up %d hours   80/tcp"
                  + "   web-%d",
              "c0ffee" + (1000 + i),
              1 + i % 9,
              1 + i % 9,
              i));
    }
    assertEquals(
        0,
        TableCompressor.wordColumns(
            "CONTAINER ID   IMAGE        COMMAND                  CREATED       STATUS"
                + "        PORTS    NAMES",
            docker));
  }

  @Test
  void aLoneZeroAmongPositiveCountsIsKept() {
    Random random = new Random(11);
    StringBuilder b = new StringBuilder("sku\twarehouse\ton_hand\treorder_point\n");
    for (int i = 0; i < 400; i++) {
      b.append("SKU-")
          .append(500_000 + i)
          .append("\tRTM-2\t")
          .append(i == 271 ? 0 : 50 + random.nextInt(850))
          .append('\t')
          .append(10 + random.nextInt(40))
          .append('\n');
    }
    String in = b.toString();
    String out =
        new TableCompressor()
            .compress(Inputs.of(in, "Which SKU is out of stock?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("SKU-500271\tRTM-2\t0\t"), out);
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void kubectlTopKeepsThePodBusyInMillicoresThoughItsMemoryIsOrdinary() {
    Random random = new Random(13);
    StringBuilder b =
        new StringBuilder("NAME                           CPU(cores)   MEMORY(bytes)\n");
    for (int i = 0; i < 150; i++) {
      String cpu = i == 97 ? "3950m" : (1 + random.nextInt(90)) + "m";
      b.append(
          String.format(
              Locale.ROOT,
              "%-31s%-13s%dMi%n",
              "svc-" + i % 9 + "-7d9f8b-x" + i,
              cpu,
              40 + random.nextInt(360)));
    }
    String in = b.toString();
    String out =
        new TableCompressor()
            .compress(Inputs.of(in, "why is the cluster slow?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("svc-7-7d9f8b-x97"), out);
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void duKeepsTheOneHugeDirectoryAmongKilobytesAndMegabytes() {
    Random random = new Random(17);
    List<String> sizes = List.of("4.0K", "8.0K", "12K", "36K", "120K", "1.1M", "2.4M");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      b.append(i == 150 ? "14G" : sizes.get(random.nextInt(sizes.size())))
          .append("\t./node_modules/pkg")
          .append(i)
          .append('\n');
    }
    String in = b.toString();
    String out =
        new TableCompressor()
            .compress(Inputs.of(in, "what is using the disk?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("14G\t./node_modules/pkg150\n"), out);
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void aMarkdownTableKeepsItsHeaderItsDelimiterRowAndTheSlowRow() {
    Random random = new Random(19);
    StringBuilder b =
        new StringBuilder("| service | region | p99 ms | error rate |\n|---|---|---:|---:|\n");
    for (int i = 0; i < 250; i++) {
      b.append(
          String.format(
              Locale.ROOT,
              "| svc-%03d | eu-west-%d | %d | 0.0%d%% |%n",
              i,
              1 + random.nextInt(3),
              i == 148 ? 4210 : 20 + random.nextInt(70),
              random.nextInt(10)));
    }
    String in = b.toString();
    String out =
        new TableCompressor()
            .compress(Inputs.of(in, "which service is slow?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.startsWith("| service | region | p99 ms | error rate |\n|---|---|---:|---:|\n"));
    assertTrue(out.contains("| svc-148 | "), out);
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void theHostLastSeenWeeksBeforeTheOthersIsKept() {
    StringBuilder b = new StringBuilder("host,last_seen,agent\n");
    for (int i = 0; i < 300; i++) {
      b.append("web-")
          .append(i)
          .append(',')
          .append(
              i == 211
                  ? "2026-11-02 08:00:00"
                  : String.format(Locale.ROOT, "2026-12-07 14:%02d:%02d", i % 60, i * 7 % 60))
          .append(",7.4.1\n");
    }
    String in = b.toString();
    String out =
        new TableCompressor()
            .compress(Inputs.of(in, "which agents are offline?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.contains("web-211,2026-11-02 08:00:00,"), out);
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }

  @Test
  void topKeepsItsSummaryAndTheProcessTooWideForItsColumn() {
    Random random = new Random(23);
    StringBuilder b =
        new StringBuilder(
            "top - 14:02:11 up 3 days,  4:12,  1 user,  load average: 7.92, 6.10, 3.44\n"
                + "Tasks: 212 total,   2 running, 210 sleeping,   0 stopped,   0 zombie\n"
                + "%Cpu(s): 97.1 us,  2.3 sy,  0.0 ni,  0.4 id,  0.0 wa,  0.0 hi,  0.2 si\n"
                + "MiB Mem :  15880.4 total,    412.6 free,  14210.9 used,   1256.9 buff/cache\n"
                + "\n"
                + "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n");
    for (int i = 0; i < 200; i++) {
      int pid = 1000 + i * 13;
      if (i == 131) {
        b.append(
            String.format(
                Locale.ROOT,
                "%7d app       20   0   18.2g  13.1g  21504 R 389.7  82.5 812:11.42 java%n",
                pid));
      } else {
        b.append(
            String.format(
                Locale.ROOT,
                "%7d root      20   0 %7d %6d %6d S   %d.%d   %d.%d   0:%02d.%02d sshd%n",
                pid,
                10_000 + random.nextInt(890_000),
                1_000 + random.nextInt(89_000),
                1_000 + random.nextInt(8_000),
                random.nextInt(4),
                random.nextInt(10),
                random.nextInt(3),
                random.nextInt(10),
                10 + random.nextInt(50),
                random.nextInt(100)));
      }
    }
    String in = b.toString();
    String out =
        new TableCompressor()
            .compress(Inputs.of(in, "why is the box slow?", 100))
            .orElseThrow()
            .text();
    assertTrue(out.startsWith(in.substring(0, in.indexOf("    PID USER"))), out);
    assertTrue(out.contains("R 389.7  82.5 812:11.42 java\n"), out);
    assertEquals(List.of(), Inputs.foreignLines(in, out));
  }
}
