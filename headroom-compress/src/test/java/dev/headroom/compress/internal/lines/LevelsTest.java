package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LevelsTest {

  /** The one-pass scan classifies as the definition below does. */
  @Property(tries = 5000)
  void classifiesAsTheDefinition(@ForAll("lines") String line) {
    assertEquals(definition(line), Levels.of(line), line);
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> word =
        Arbitraries.of(
            "error",
            "fatal",
            "critical",
            "panic",
            "exception",
            "failed",
            "failure",
            "severe",
            "traceback",
            "deadlock",
            "deadlocks",
            "warn",
            "warning",
            "info",
            "debug",
            "trace",
            "memory",
            "killed",
            "oom",
            "segmentation",
            "GET",
            "POST",
            "PUT",
            "PATCH",
            "DELETE",
            "HEAD",
            "ERR",
            "TypeError",
            "NullPointerException",
            "Error",
            "Exception",
            "errors",
            "informational",
            "x",
            "out of",
            "process",
            "fault",
            "-kill",
            "fail",
            "FAILS");
    Arbitrary<String> cased =
        Combinators.combine(word, Arbitraries.integers().between(0, 2))
            .as(
                (w, k) ->
                    k == 0
                        ? w
                        : k == 1
                            ? w.toUpperCase(Locale.ROOT)
                            : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
    Arbitrary<String> other =
        Arbitraries.of(
            " ",
            "  ",
            "_",
            "!",
            ":",
            "/api/x",
            " /p 503",
            " /p 500 1ms",
            " /p 404",
            " /p 429 2ms",
            " 4041",
            " 5031",
            "=",
            "\"",
            "7",
            "é",
            "-",
            " process",
            " fault",
            "out of ",
            "\t",
            "\u2715 ",
            "\u2717",
            "\u2718",
            "\u00d7",
            "\u2713 ",
            "\u25cf ",
            "\u25cf",
            " Console",
            "\u25cf Console",
            "E0611 14:02:11.123456",
            "F0611 14:02:11.123456 ",
            "W0611 14:02:11.123456",
            "I0611 14:02:11.123456",
            "E0611 14:02:11.12345",
            "fail: ",
            "crit: ",
            "fail:");
    return Arbitraries.oneOf(
            cased, other, Arbitraries.strings().withChars("aeEoOrR5 _!/-").ofMaxLength(4))
        .list()
        .ofMaxSize(10)
        .map(l -> String.join("", l));
  }

  /** Not touching a letter, digit or underscore on that side. */
  private static final String BEFORE = "(?<![\\p{L}\\p{Nd}_])";

  private static final String AFTER = "(?![\\p{L}\\p{Nd}_])";

  /**
   * Levels by their definition, as regexes. Words are whole (no letter, digit or underscore
   * touching) and in any ASCII case; what follows a phrase's first word is compared ignoring case
   * as {@code String.regionMatches} does. Class names ending in {@code Error} or {@code Exception},
   * npm's {@code ERR!}, test runners' {@code FAIL} and the HTTP methods are as written; a failed
   * test's mark (✕ ✗ ✘ ×, or Jest's ● unless the line is {@code ● Console}) counts first on its
   * line, after spaces and tabs.
   */
  private static final Pattern ERROR =
      Pattern.compile(
          BEFORE
              + "(?i:error|fatal|critical|panic|exception|failed|failure|severe|traceback|deadlock)"
              + AFTER
              + "|(?iu:out of )"
              + BEFORE
              + "(?i:memory)"
              + AFTER
              + "|"
              + BEFORE
              + "(?i:killed)(?iu: process)"
              + "|"
              + BEFORE
              + "(?i:oom)(?iu:-kill)"
              + "|"
              + BEFORE
              + "(?i:segmentation)(?iu: fault)"
              + "|[A-Za-z](?:Error|Exception)"
              + AFTER
              + "|"
              + BEFORE
              + "ERR!"
              + "|"
              + BEFORE
              + "(?:GET|POST|PUT|PATCH|DELETE|HEAD) [^ ]* 5\\p{Nd}\\p{Nd}(?!\\p{Nd})"
              + "|"
              + BEFORE
              + "FAIL"
              + AFTER
              + "|^[ \\t]*(?:[\u2715\u2717\u2718\u00d7]|\u25cf(?! Console\\z))"
              + "|^[EF]\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}|^(?:fail|crit): ");

  private static final Pattern WARN =
      Pattern.compile(
          "^W\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}|"
              + BEFORE
              + "(?i:warn|warning)"
              + AFTER
              + "|"
              + BEFORE
              + "(?:GET|POST|PUT|PATCH|DELETE|HEAD) [^ ]* 4\\p{Nd}\\p{Nd}(?!\\p{Nd})");
  private static final Pattern INFO = Pattern.compile(BEFORE + "(?i:info)" + AFTER);
  private static final Pattern DEBUG = Pattern.compile(BEFORE + "(?i:debug|trace)" + AFTER);

  private static int definition(String line) {
    return ERROR.matcher(line).find()
        ? Levels.ERROR
        : WARN.matcher(line).find()
            ? Levels.WARN
            : INFO.matcher(line).find()
                ? Levels.INFO
                : DEBUG.matcher(line).find() ? Levels.DEBUG : Levels.NONE;
  }

  @Test
  void severityWordsAreFoundWholeAndInAnyCase() {
    assertEquals(Levels.ERROR, Levels.of("2024-06-11T14:02:11Z ERROR [orders] boom"));
    assertEquals(
        Levels.ERROR, Levels.of("{\"level\":\"error\",\"msg\":\"payment authorization failed\"}"));
    assertEquals(Levels.ERROR, Levels.of("InvoiceServiceTest > roundsHalfEvenForJPY() FAILED"));
    assertEquals(Levels.WARN, Levels.of("kube  5m  Warning  FailedScheduling  pod/x"));
    assertEquals(Levels.INFO, Levels.of("level=INFO msg=\"batch flushed\""));
    assertEquals(Levels.DEBUG, Levels.of("2024 DEBUG [cache] hit"));
    assertEquals(Levels.NONE, Levels.of("Compiling ledger-core v0.4.1"));
    assertEquals(Levels.WARN, Levels.of("10:02:03 GET /api/cart 404 3ms"));
    assertEquals(Levels.ERROR, Levels.of("10:02:04 POST /api/pay 502 30ms"));
  }

  @Test
  void lookAlikesAreNotLevels() {
    assertEquals(Levels.NONE, Levels.of("errors_total=0 informational warnings_suppressed=3"));
    assertEquals(Levels.NONE, Levels.of("GET /api/orders 200 12ms"));
  }

  @Test
  void exceptionNamesOomKillsAndServerErrorsAreErrors() {
    assertEquals(Levels.ERROR, Levels.of("TypeError: Cannot read properties of undefined"));
    assertEquals(Levels.ERROR, Levels.of("java.lang.NullPointerException"));
    assertEquals(Levels.ERROR, Levels.of("Found one Java-level deadlock:")); // jstack
    assertEquals(Levels.ERROR, Levels.of("kernel: Out of memory: Killed process 48213 (java)"));
    assertEquals(
        Levels.ERROR, Levels.of("systemd[1]: orders.service: Failed with result 'oom-kill'."));
    assertEquals(
        Levels.ERROR, Levels.of("INFO [http] GET /api/orders?status=open&page=3 500 12.0ms"));
    assertEquals(Levels.ERROR, Levels.of("npm ERR! code ERESOLVE"));
  }
}
