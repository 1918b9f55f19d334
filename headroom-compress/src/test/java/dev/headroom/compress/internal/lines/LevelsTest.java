package dev.headroom.compress.internal.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LevelsTest {

  @Test
  void severityWordsAreFoundWholeAndInAnyCase() {
    assertEquals(Levels.ERROR, Levels.of("2024-06-11T14:02:11Z ERROR [orders] boom"));
    assertEquals(Levels.ERROR, Levels.of("{\"level\":\"error\",\"msg\":\"payment authorization failed\"}"));
    assertEquals(Levels.ERROR, Levels.of("InvoiceServiceTest > roundsHalfEvenForJPY() FAILED"));
    assertEquals(Levels.WARN, Levels.of("kube  5m  Warning  FailedScheduling  pod/x"));
    assertEquals(Levels.INFO, Levels.of("level=INFO msg=\"batch flushed\""));
    assertEquals(Levels.DEBUG, Levels.of("2024 DEBUG [cache] hit"));
    assertEquals(Levels.NONE, Levels.of("Compiling ledger-core v0.4.1"));
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
    assertEquals(Levels.ERROR, Levels.of("kernel: Out of memory: Killed process 48213 (java)"));
    assertEquals(Levels.ERROR, Levels.of("systemd[1]: orders.service: Failed with result 'oom-kill'."));
    assertEquals(Levels.ERROR, Levels.of("INFO [http] GET /api/orders?status=open&page=3 500 12.0ms"));
    assertEquals(Levels.ERROR, Levels.of("npm ERR! code ERESOLVE"));
  }
}
