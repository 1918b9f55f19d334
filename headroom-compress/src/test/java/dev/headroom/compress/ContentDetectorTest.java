package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDetectorTest {

  private static ContentType type(String s) {
    return ContentDetector.detect(s).type();
  }

  @Test
  void jsonRootsAreTellApart() {
    assertEquals(ContentType.JSON_ARRAY, type("[{\"a\":1},{\"a\":2}]"));
    assertEquals(ContentType.JSON_OBJECT, type("  {\"a\": [1, 2]}\n"));
  }

  @Test
  void jsonLinesAreLogsNotOneJsonDocument() {
    String jsonl =
        "{\"level\":\"info\",\"msg\":\"a\"}\n{\"level\":\"error\",\"msg\":\"b\"}\n{\"level\":\"info\",\"msg\":\"c\"}\n";
    assertEquals(ContentType.LOG, type(jsonl));
  }

  @Test
  void timestampedLogfmtIsNeverTakenForGrepOutput() {
    String logfmt =
        """
        ts=2024-05-01T00:00:19Z level=info msg="tick" worker=3
        ts=2024-05-01T00:00:20Z level=info msg="tick" worker=4
        ts=2024-05-01T00:00:21Z level=warn msg="slow" worker=3
        2024-05-01T00:00:22Z service started
        """;
    assertEquals(ContentType.LOG, type(logfmt));
  }

  @Test
  void timestampedCsvIsATableNotGrepOutput() {
    String csv =
        """
        time,host,cpu,mem
        2024-05-01T00:00:19Z,web-1,0.31,512
        2024-05-01T00:00:20Z,web-2,0.35,498
        2024-05-01T00:00:21Z,web-1,0.29,530
        2024-05-01T00:00:22Z,web-3,0.40,610
        """;
    assertEquals(ContentType.TABLE, type(csv));
  }

  @Test
  void grepAndGitGrepHitsAreSearchResults() {
    assertEquals(
        ContentType.SEARCH,
        type(
            """
        src/app.ts:12:import { flag } from './flags';
        src/app.ts:40:  if (flag('x')) {
        src/lib/flags.ts:3:export function flag(name: string) {
        """));
    assertEquals(
        ContentType.SEARCH,
        type(
            """
        origin/main:internal/a/client.go:12:	MaxAttempts: 3,
        origin/main:internal/b/client.go:40:	MaxAttempts: 0,
        origin/main:internal/c/retry.go:7:func Retry() {}
        """));
  }

  @Test
  void barePathListingsAreSearchResults() {
    assertEquals(
        ContentType.SEARCH,
        type("./a/b.txt\n./a/c d.txt\n./db/migrations/1_init.sql\n./x/y/z.go\n"));
  }

  @Test
  void unifiedDiffsAreDiffs() {
    assertEquals(
        ContentType.DIFF,
        type(
            """
        diff --git a/x.txt b/x.txt
        --- a/x.txt
        +++ b/x.txt
        @@ -1,2 +1,2 @@
        -old
        +new
         same
        """));
  }

  @Test
  void htmlPagesAreHtml() {
    assertEquals(ContentType.HTML, type("<!DOCTYPE html><html><body><p>hi</p></body></html>"));
  }

  @Test
  void alignedCommandOutputIsATable() {
    assertEquals(
        ContentType.TABLE,
        type(
            """
        NAMESPACE   NAME                 READY   STATUS    RESTARTS   AGE
        shop        api-7d9f-abcde       1/1     Running   0          3d
        shop        api-7d9f-fghij       1/1     Running   0          3d
        batch       job-28641-xyz        0/1     Pending   0          5m
        """));
  }

  @Test
  void psDockerPsAndLsListingsAreTables() {
    assertEquals(
        ContentType.TABLE,
        type(
            """
        USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
        root           1  0.0  0.0   4324  3328 ?        Ss   08:24   0:00 /sbin/init
        root          76  0.5  0.0      0     0 ?        I    08:24   0:08 [kdamond.0]
        app         4821 85.1  1.2 897524 39912 ?        Sl   08:53   0:10 java -jar app.jar
        """));
    assertEquals(
        ContentType.TABLE,
        type(
            """
        CONTAINER ID   IMAGE          COMMAND                  CREATED        STATUS        PORTS      NAMES
        3f2a1b9c8d7e   redis:7        "docker-entrypoint.s…"   2 hours ago    Up 2 hours    6379/tcp   cache
        9a8b7c6d5e4f   postgres:16    "docker-entrypoint.s…"   2 hours ago    Up 2 hours    5432/tcp   db
        1a2b3c4d5e6f   acme/api:3.4   "java -jar /app.jar"     5 minutes ago  Exited (1)               api
        """));
    assertEquals(
        ContentType.TABLE,
        type(
            """
        total 48
        drwxr-xr-x  5 root root 4096 Nov 21 08:28 .
        drwxr-xr-x 12 root root 4096 Nov 21 08:20 ..
        -rw-r--r--  1 root root  220 Nov 21 08:28 .gitignore
        -rwxr-xr-x  1 root root 1893 Nov 21 08:35 headroom
        lrwxrwxrwx  1 root root   11 Nov 21 08:35 latest -> headroom
        """));
  }

  @Test
  void sourceCodeIsCodeWithItsLanguage() {
    Detection go =
        ContentDetector.detect(
            """
        package main

        import (
        \t"fmt"
        )

        type Bucket struct {
        \ttokens float64
        }

        func (b *Bucket) Allow() bool {
        \treturn b.tokens > 0
        }

        func main() {
        \tfmt.Println("hi")
        }
        """);
    assertEquals(ContentType.CODE, go.type());
    assertEquals("go", go.language().orElseThrow());
  }

  @Test
  void proseAndFencedMarkdownAreText() {
    assertEquals(
        ContentType.TEXT,
        type("We decided to keep raw events for 400 days.\nThe reason is disputes.\n"));
    assertEquals(
        ContentType.TEXT,
        type("Deploy status:\n```json\n{\"a\":1}\n```\nand the log:\n```\nERROR x\n```\n"));
    assertEquals(ContentType.TEXT, type("   \n"));
  }

  @Test
  void buildOutputIsALog() {
    assertEquals(
        ContentType.LOG,
        type(
            """
        > Task :billing:compileJava
        > Task :billing:test
        InvoiceServiceTest > roundsHalfEvenForJPY() FAILED
        BUILD FAILED in 4m 12s
        """));
  }

  @Test
  void kernelNpmAndBuildKitOutputAreLogs() {
    assertEquals(
        ContentType.LOG,
        type(
            """
            [    0.915978] eth0: link up, 1000 Mbps full duplex
            [    2.408358] EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode
            [ 1103.804145] Out of memory: Killed process 48213 (report-builder)
            [ 1106.675877] systemd[1]: report.service: Main process exited, code=killed
            """));
    assertEquals(
        ContentType.LOG,
        type(
            """
            npm warn deprecated inflight@1.0.6: This module is not supported
            npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported
            npm error code ERESOLVE
            npm error ERESOLVE unable to resolve dependency tree
            """));
    assertEquals(
        ContentType.LOG,
        type(
            """
            #11 [build 5/9] COPY src ./src
            #11 DONE 0.2s
            #12 [build 6/9] RUN ./gradlew bootJar --no-daemon
            #12 41.22 > Task :compileJava FAILED
            #12 ERROR: process "/bin/sh -c ./gradlew bootJar" did not complete successfully
            """));
  }

  @Test
  void aMarkdownTableIsATableAndADocumentWithOneIsText() {
    StringBuilder table = new StringBuilder("| service | region | p99 ms |\n|---|:---:|---:|\n");
    for (int i = 0; i < 30; i++) {
      table.append("| svc-").append(i).append(" | eu-west-1 | ").append(20 + i).append(" |\n");
    }
    assertEquals(ContentType.TABLE, type(table.toString()));
    // Without outer pipes, as GitHub's tables may be written.
    StringBuilder bare = new StringBuilder("service | p99 ms\n:--- | ---:\n");
    for (int i = 0; i < 30; i++) {
      bare.append("svc-").append(i).append(" | ").append(20 + i).append('\n');
    }
    assertEquals(ContentType.TABLE, type(bare.toString()));
    StringBuilder doc = new StringBuilder("# Latency report\n\n");
    for (int i = 0; i < 20; i++) {
      doc.append("The services kept their budgets this week, with one exception noted below.\n");
    }
    doc.append("\n| service | p99 ms |\n|---|---:|\n| svc-1 | 4210 |\n| svc-2 | 31 |\n\n");
    for (int i = 0; i < 20; i++) {
      doc.append("Next week the team will look at the exception and its retries again.\n");
    }
    assertEquals(ContentType.TEXT, type(doc.toString()));
  }

  @Test
  void nginxErrorLogsKlogAndDotNetConsoleLogsAreLogs() {
    StringBuilder nginx = new StringBuilder();
    StringBuilder klog = new StringBuilder();
    StringBuilder dotnet = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      nginx
          .append("2024/06/11 14:02:")
          .append(10 + i)
          .append(" [notice] 1234#0: *")
          .append(i)
          .append(" client closed connection while waiting for request\n");
      klog.append("I0611 14:02:")
          .append(10 + i)
          .append(".123456       1 controller.go:")
          .append(100 + i)
          .append("] synced deployment shop/api-")
          .append(i)
          .append('\n');
      dotnet
          .append("info: Acme.Billing.InvoiceWorker[0]\n      Processed ")
          .append(i)
          .append(" invoices in 12 ms\n");
    }
    assertEquals(ContentType.LOG, type(nginx.toString()));
    assertEquals(ContentType.LOG, type(klog.toString()));
    assertEquals(ContentType.LOG, type(dotnet.toString()));
  }
}
