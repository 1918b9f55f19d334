package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Rows that report a failure in the vocabulary of the tool that printed them — a non-zero exit
 * code, {@code OOMKilled}, {@code CrashLoopBackOff}, {@code Evicted}, {@code Dead} — are kept
 * whatever the question, even one that shares no word with them; the rest of a large table still
 * shrinks by more than 80%.
 */
class FailuresWithoutQueryWordsTest {

  private static final Compressor COMPRESSOR = Compressor.create();

  /** {@code docker ps -a}: a few containers died (137, 1, Dead), many exited cleanly. */
  private static Table dockerPs(Random random) {
    List<String> lines = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    lines.add(
        String.format(
            "%-15s%-30s%-25s%-16s%-28s%-25s%s",
            "CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"));
    String[] images = {"shop/api:3.1.0", "shop/queue:3.1.0", "redis:7.4", "postgres:17", "caddy:2"};
    int rows = 140 + random.nextInt(60);
    for (int i = 0; i < rows; i++) {
      String status;
      int kind = random.nextInt(100);
      if (i % 47 == 13) {
        status = "Exited (" + (random.nextBoolean() ? 137 : 2) + ") " + (i % 9 + 2) + " hours ago";
      } else if (i % 61 == 30) {
        status = "Dead";
      } else if (kind < 55) {
        status = "Up " + (i % 50 + 2) + " minutes";
      } else {
        status = "Exited (0) " + (i % 40 + 2) + " minutes ago";
      }
      String line =
          String.format(
              "%-15s%-30s%-25s%-16s%-28s%-25s%s",
              String.format("%012x", random.nextLong() & 0xffffffffffffL),
              images[i % images.length],
              "\"/entrypoint.sh run…\"",
              (i % 20 + 1) + " hours ago",
              status,
              status.startsWith("Up") ? "0.0.0.0:" + (9000 + i) + "->8080/tcp" : "",
              "svc-" + i);
      lines.add(line);
      if (status.startsWith("Dead")
          || status.startsWith("Exited (") && !status.startsWith("Exited (0)")) {
        failures.add(line);
      }
    }
    return new Table(String.join("\n", lines) + "\n", failures);
  }

  /** {@code kubectl get pods -A}: a few pods crash-loop, were OOM-killed or evicted. */
  private static Table kubectlPods(Random random) {
    List<String> lines = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    lines.add(
        String.format(
            "%-14s%-44s%-8s%-19s%-12s%s",
            "NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"));
    String[] bad = {"CrashLoopBackOff", "OOMKilled", "Evicted", "ImagePullBackOff", "Error"};
    int rows = 150 + random.nextInt(80);
    for (int i = 0; i < rows; i++) {
      boolean failing = i % 37 == 11;
      String status =
          failing ? bad[(i / 37) % bad.length] : (i % 13 == 0 ? "Completed" : "Running");
      String line =
          String.format(
              "%-14s%-44s%-8s%-19s%-12s%s",
              i % 3 == 0 ? "payments" : "catalog",
              "svc-" + i + "-" + Integer.toHexString(random.nextInt(1 << 20)) + "-x7k2p",
              failing ? "0/1" : "1/1",
              status,
              failing ? String.valueOf(5 + random.nextInt(40)) : "0",
              (i % 30 + 1) + "d");
      lines.add(line);
      if (failing) {
        failures.add(line);
      }
    }
    return new Table(String.join("\n", lines) + "\n", failures);
  }

  private record Table(String text, List<String> failures) {}

  private static void assertFailuresKept(Table table, String query) {
    Survival.assertSurvives(table.text(), table.failures(), query, 0.2);
  }

  @RepeatedTest(5)
  void dockerContainersThatDiedSurviveAnyQuestion() {
    Table table = dockerPs(new Random(System.nanoTime()));
    assertFailuresKept(table, "which containers exited with an error?");
    assertFailuresKept(table, "list the containers");
    assertFailuresKept(table, "");
  }

  @RepeatedTest(5)
  void podsThatCrashOrWereEvictedSurviveAnyQuestion() {
    Table table = kubectlPods(new Random(System.nanoTime()));
    assertFailuresKept(table, "is anything wrong in the cluster?");
    assertFailuresKept(table, "");
  }

  @Test
  void aCleanExitIsNotAFailure() {
    Table table = dockerPs(new Random(3));
    Compressed compressed =
        (Compressed) COMPRESSOR.compress(table.text(), CompressContext.ofQuery(""));
    long cleanExits = compressed.text().lines().filter(line -> line.contains("Exited (0)")).count();
    long allCleanExits = table.text().lines().filter(line -> line.contains("Exited (0)")).count();
    assertTrue(cleanExits < allCleanExits / 2, cleanExits + " of " + allCleanExits + " kept");
  }

  /**
   * Request records as a CSV export or a JSON array: a status column of HTTP codes, a few percent
   * of them 5xx and 4xx (too common to be rare, and no error word among them).
   */
  private static Table requests(Random random, boolean json) {
    List<String> lines = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    lines.add(json ? "[" : "request_id,method,path,status_code,duration_ms");
    int server = 0;
    int client = 0;
    for (int i = 0; i < 1200; i++) {
      double r = random.nextDouble();
      int status = r < 0.04 ? 502 : r < 0.10 ? 404 : 200;
      String id = "rq_" + Integer.toHexString(0x100000 + i * 7919);
      String path = "/v2/carts/" + (1000 + random.nextInt(90000));
      String line =
          json
              ? (i == 0 ? "" : ",")
                  + "{\"request_id\":\""
                  + id
                  + "\",\"method\":\"GET\",\"path\":\""
                  + path
                  + "\",\"status\":"
                  + status
                  + ",\"duration_ms\":"
                  + (5 + random.nextInt(400))
                  + "}"
              : id + ",GET," + path + "," + status + "," + (5 + random.nextInt(400));
      lines.add(line);
      // The first of each kind: every kept failure need not be all of them, but some must be.
      if (status == 502 && server++ == 0 || status == 404 && client++ == 0) {
        failures.add(id);
      }
    }
    if (json) {
      lines.add("]");
    }
    return new Table(String.join("\n", lines) + "\n", failures);
  }

  @RepeatedTest(3)
  void serverAndClientErrorsInAStatusColumnSurviveAnyQuestion() {
    for (boolean json : new boolean[] {false, true}) {
      Table table = requests(new Random(System.nanoTime()), json);
      for (String query : new String[] {"why is checkout slow for some users?", ""}) {
        Compressed compressed =
            (Compressed) COMPRESSOR.compress(table.text(), CompressContext.ofQuery(query));
        for (String failure : table.failures()) {
          assertTrue(
              compressed.text().contains(failure),
              (json ? "JSON" : "CSV") + ": " + failure + " survives \"" + query + "\"");
        }
        // Rows as CSV lines or as JSON rows (columnar when compressed): a status cell is ",502,".
        long kept502 = compressed.text().split(",502,", -1).length - 1;
        long kept404 = compressed.text().split(",404,", -1).length - 1;
        assertTrue(
            kept502 >= 5 && kept404 >= 5,
            kept502 + " 502s and " + kept404 + " 404s in\n" + compressed.text());
        assertTrue(
            compressed.compressedTokens() < compressed.originalTokens() * 0.2,
            compressed.originalTokens() + " -> " + compressed.compressedTokens());
      }
    }
  }
}
