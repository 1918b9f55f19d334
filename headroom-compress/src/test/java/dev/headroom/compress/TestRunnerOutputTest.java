package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;

/**
 * What test runners print — Jest's files and test marks with its failure reports after each file's
 * list, {@code go test -v}'s runs and verdicts — is read as a log: the failing test, its assertion
 * and the run's verdict survive any question, and the passing rest shrinks by more than 80%.
 */
class TestRunnerOutputTest {

  private record Run(String text, List<String> failures) {}

  /** {@code jest --verbose}: 40 files, one failing test, reported after its file's 20 tests. */
  private static Run jest(Random random) {
    StringBuilder b = new StringBuilder();
    List<String> failures = new ArrayList<>();
    int failingFile = random.nextInt(40);
    // The file's first test: its report comes after the other 19, further than a stack is followed.
    int failingTest = 0;
    for (int f = 0; f < 40; f++) {
      String file = String.format(Locale.ROOT, "src/features/f%02d/feature%02d.test.ts", f, f);
      boolean failing = f == failingFile;
      b.append(failing ? "FAIL " : "PASS ")
          .append(file)
          .append(" (")
          .append(1 + random.nextInt(9))
          .append(".2 s)\n  Feature")
          .append(f)
          .append('\n');
      for (int t = 0; t < 20; t++) {
        boolean bad = failing && t == failingTest;
        b.append(bad ? "    \u2715 " : "    \u2713 ")
            .append(bad ? "rejects an expired card with 402" : "handles case " + t)
            .append(" (")
            .append(1 + random.nextInt(80))
            .append(" ms)\n");
      }
      if (failing) {
        failures.add("FAIL " + file);
        failures.add("\u25cf Feature" + f + " \u203a rejects an expired card with 402");
        failures.add("Received: 500");
        b.append("\n  \u25cf Feature")
            .append(f)
            .append(" \u203a rejects an expired card with 402\n\n")
            .append("    expect(received).toBe(expected) // Object.is equality\n\n")
            .append("    Expected: 402\n    Received: 500\n\n")
            .append("      88 |     const res = await request(app).post('/charges');\n")
            .append("    > 89 |     expect(res.status).toBe(402);\n")
            .append("         |                        ^\n\n")
            .append("      at Object.<anonymous> (")
            .append(file)
            .append(":89:24)\n\n");
      }
    }
    b.append("Test Suites: 1 failed, 39 passed, 40 total\n")
        .append("Tests:       1 failed, 799 passed, 800 total\n")
        .append("Time:        38.114 s\nRan all test suites.\n");
    failures.add("Tests:       1 failed, 799 passed, 800 total");
    return new Run(b.toString(), failures);
  }

  /** {@code go test -v ./...}: 12 packages of 25 tests, one failing with its message above it. */
  private static Run goTest(Random random) {
    StringBuilder b = new StringBuilder();
    List<String> failures = new ArrayList<>();
    int bad = random.nextInt(300);
    for (int p = 0; p < 12; p++) {
      String pkg = "github.com/acme/ledger/pkg" + p;
      boolean failing = false;
      for (int t = 0; t < 25; t++) {
        String name = "TestPosting" + p + "x" + t;
        b.append("=== RUN   ").append(name).append('\n');
        if (p * 25 + t == bad) {
          failing = true;
          String message = "    refund_test.go:42: got 12.05, want 12.50";
          b.append(message).append("\n--- FAIL: ").append(name).append(" (0.00s)\n");
          failures.add(message);
          failures.add("--- FAIL: " + name);
        } else {
          b.append("--- PASS: ")
              .append(name)
              .append(" (0.")
              .append(String.format(Locale.ROOT, "%02d", random.nextInt(100)))
              .append("s)\n");
        }
      }
      if (failing) {
        b.append("FAIL\nFAIL\t").append(pkg).append("\t0.014s\n");
        failures.add("FAIL\t" + pkg);
      } else {
        b.append("PASS\nok  \t").append(pkg).append("\t0.021s\n");
      }
    }
    return new Run(b.append("FAIL\n").toString(), failures);
  }

  private static void assertFailuresKept(Run run, String query) {
    assertEquals(ContentType.LOG, ContentDetector.detect(run.text()).type());
    Survival.assertSurvives(run.text(), run.failures(), query, 0.2);
  }

  @RepeatedTest(5)
  void jestsFailingTestItsReportAndTheVerdictSurviveAnyQuestion() {
    Run run = jest(new Random(System.nanoTime()));
    assertFailuresKept(run, "why is CI red?");
    assertFailuresKept(run, "summarise the run");
    assertFailuresKept(run, "");
  }

  @RepeatedTest(5)
  void goTestsFailingTestItsMessageAndThePackageSurviveAnyQuestion() {
    Run run = goTest(new Random(System.nanoTime()));
    assertFailuresKept(run, "which test is failing?");
    assertFailuresKept(run, "");
  }
}
