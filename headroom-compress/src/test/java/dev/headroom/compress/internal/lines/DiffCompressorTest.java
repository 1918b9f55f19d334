package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.compress.internal.spi.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DiffCompressorTest {

  private static final Pattern HUNK =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

  static String diff() {
    StringBuilder b =
        new StringBuilder("commit abc\n\n    refactor\n\n")
            .append(
                "diff --git a/src/config.ts b/src/config.ts\nindex 1..2 100644\n--- a/src/config.ts\n+++ b/src/config.ts\n")
            .append("@@ -1,30 +1,30 @@ export const config = {\n");
    for (int i = 1; i <= 30; i++) {
      if (i == 15) {
        b.append("-  requestTimeoutMs: 30000,\n+  requestTimeoutMs: 3000,\n");
      } else {
        b.append("   key").append(i).append(": ").append(i).append(",\n");
      }
    }
    b.append(
        "diff --git a/old.ts b/new.ts\nsimilarity index 71%\nrename from old.ts\nrename to new.ts\n");
    return b.toString();
  }

  @Test
  void everyChangedLineAndHeaderIsKeptWithValidHunkHeaders() {
    String in = diff();
    String out = new DiffCompressor().compress(Inputs.of(in, "", 100)).orElseThrow().text();
    assertTrue(out.contains("-  requestTimeoutMs: 30000,\n+  requestTimeoutMs: 3000,\n"));
    assertTrue(out.contains("rename to new.ts\n"));
    assertTrue(out.contains("@@ -14,3 +14,3 @@ export const config = {\n   key14: 14,\n"), out);
    assertTrue(out.startsWith("<<ccr:"));
    assertEquals(List.of(), Inputs.foreignLines(in, out));
    assertHunksConsistent(out);
  }

  @Test
  void aDiffWithNothingButChangesIsLeftAlone() {
    String in = "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n-x\n-y\n+X\n+Y\n";
    assertTrue(new DiffCompressor().compress(Inputs.of(in, "", 10)).isEmpty());
  }

  /** Each hunk header's counts match the body lines that follow it. */
  static void assertHunksConsistent(String diff) {
    List<String> lines = new ArrayList<>(List.of(diff.split("\n", -1)));
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = HUNK.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
      int o = 0;
      int n = 0;
      int j = i + 1;
      while (j < lines.size() && (o < oldCount || n < newCount)) {
        String l = lines.get(j++);
        if (l.startsWith("-")) {
          o++;
        } else if (l.startsWith("+")) {
          n++;
        } else if (!l.startsWith("\\")) {
          o++;
          n++;
        }
      }
      assertEquals(oldCount, o, "old count of " + lines.get(i));
      assertEquals(newCount, n, "new count of " + lines.get(i));
    }
  }
}
