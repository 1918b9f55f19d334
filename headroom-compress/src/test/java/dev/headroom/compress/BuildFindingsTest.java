package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;

/**
 * What compilers, linters and type checkers print — findings located like search hits ({@code
 * path:line:col: error: …}, tsc's {@code path(line,col): error TS…}, eslint's findings under their
 * file) — is read as a build's log: every error survives any question, with the file it is in, and
 * the warnings and notes around it shrink.
 */
class BuildFindingsTest {

  private record Run(String text, List<String> errors, double shareAtMost) {}

  /**
   * gcc under make: 150 findings with their source excerpts, two of them errors, progress lines
   * that a question about the build matches.
   */
  private static Run gcc(Random random) {
    StringBuilder b = new StringBuilder();
    List<String> errors = new ArrayList<>();
    int first = random.nextInt(75);
    int second = 75 + random.nextInt(75);
    for (int i = 0; i < 150; i++) {
      String file = "src/" + (i % 4 == 0 ? "net" : "store") + "/unit" + i % 23 + ".c";
      int line = 10 + random.nextInt(900);
      String finding =
          i == first || i == second
              ? file + ":" + line + ":7: error: 'total" + i + "_len' undeclared (first use)"
              : file + ":" + line + ":7: warning: unused variable 'v" + i + "' [-Wunused-variable]";
      if (i == first || i == second) {
        errors.add(finding);
      }
      b.append(finding)
          .append('\n')
          .append("  ")
          .append(line)
          .append(" |     size_t v = 0;\n      |            ^\n");
      if (i % 5 == 0) {
        b.append("[ ")
            .append(10 + i / 3)
            .append("%] Building C object ")
            .append(file)
            .append(".o\n");
      }
    }
    b.append("make[2]: *** [src/CMakeFiles/acme.dir/build.make:76: all] Error 1\n");
    return new Run(b.toString(), errors, 0.7);
  }

  /** mypy: 220 notes and three errors, none of whose words a question about CI shares. */
  private static Run mypy(Random random) {
    StringBuilder b = new StringBuilder();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < 220; i++) {
      String location = "app/billing/m" + i % 31 + ".py:" + (5 + random.nextInt(700));
      if (i % 70 == 13) {
        String error =
            location
                + ": error: Item \"None\" of \"Optional[Invoice]\" has no attribute \"t"
                + i
                + "\"  [union-attr]";
        errors.add(error);
        b.append(error).append('\n');
      } else {
        b.append(location)
            .append(": note: By default the bodies of untyped functions are not checked,")
            .append(" consider using --check-untyped-defs  [annotation-unchecked]\n");
      }
    }
    b.append("Found 3 errors in 3 files (checked 212 source files)\n");
    return new Run(b.toString(), errors, 0.2);
  }

  /** eslint's stylish format: each file's line, its findings indented under it, one error. */
  private static Run eslint(Random random) {
    StringBuilder b = new StringBuilder();
    List<String> errors = new ArrayList<>();
    int bad = random.nextInt(50);
    for (int f = 0; f < 50; f++) {
      String file = "/builds/acme/web/src/components/Panel" + f + ".tsx";
      b.append(file).append('\n');
      for (int k = 0; k < 4; k++) {
        b.append("  ")
            .append(1 + random.nextInt(300))
            .append(':')
            .append(1 + random.nextInt(60))
            .append("  warning  Unexpected any. Specify a different type")
            .append("  @typescript-eslint/no-explicit-any\n");
      }
      if (f == bad) {
        String error = "  41:9  error  'orderTotal' is not defined  no-undef";
        b.append(error).append('\n');
        errors.add(file);
        errors.add(error.strip());
      }
      b.append('\n');
    }
    b.append("\u2716 201 problems (1 error, 200 warnings)\n");
    return new Run(b.toString(), errors, 0.3);
  }

  private static void assertErrorsKept(Run run, String query) {
    assertEquals(ContentType.LOG, ContentDetector.detect(run.text()).type());
    Survival.assertSurvives(run.text(), run.errors(), query, run.shareAtMost());
  }

  @RepeatedTest(5)
  void gccsErrorsSurviveAQuestionItsProgressLinesAnswer() {
    Run run = gcc(new Random(System.nanoTime()));
    assertErrorsKept(run, "Why does the build fail?");
    assertErrorsKept(run, "");
  }

  @RepeatedTest(5)
  void mypysErrorsAmongItsNotesSurviveAnyQuestion() {
    Run run = mypy(new Random(System.nanoTime()));
    assertErrorsKept(run, "Why does the CI job fail?");
    assertErrorsKept(run, "");
  }

  @RepeatedTest(5)
  void eslintsErrorKeepsTheFileItIsIn() {
    Run run = eslint(new Random(System.nanoTime()));
    assertErrorsKept(run, "Which lint errors fail the job?");
    assertErrorsKept(run, "");
  }
}
