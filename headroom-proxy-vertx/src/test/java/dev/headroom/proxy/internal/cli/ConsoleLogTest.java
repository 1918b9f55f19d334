package dev.headroom.proxy.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ConsoleLogTest {

  private static LogRecord record(Level level, String logger, String message, Instant at) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName(logger);
    record.setInstant(at);
    return record;
  }

  @Test
  void aLineIsTheGatewaysFormatInUtc() {
    ConsoleLog.LineFormat format = new ConsoleLog.LineFormat();
    Instant at = Instant.parse("2026-11-21T08:37:04.005Z");
    assertEquals(
        "2026-11-21T08:37:04.005Z INFO dev.headroom.proxy.access event=request status=200"
            + System.lineSeparator(),
        format.format(
            record(Level.INFO, "dev.headroom.proxy.access", "event=request status=200", at)));
    // The same second again (the cached part) and the next one.
    assertTrue(
        format
            .format(record(Level.WARNING, "x", "m", at.plusMillis(990)))
            .startsWith("2026-11-21T08:37:04.995Z WARNING x m"));
    assertTrue(
        format
            .format(record(Level.INFO, "x", "m", at.plusMillis(1000)))
            .startsWith("2026-11-21T08:37:05.005Z INFO x m"));
  }

  @Test
  void aThrowableFollowsItsMessageOnTheNextLines() {
    LogRecord record = record(Level.SEVERE, "x", "failed", Instant.EPOCH);
    record.setThrown(new IllegalStateException("boom"));
    String line = new ConsoleLog.LineFormat().format(record);
    assertTrue(
        line.startsWith(
            "1970-01-01T00:00:00.000Z SEVERE x failed"
                + System.lineSeparator()
                + "java.lang.IllegalStateException: boom"),
        line);
  }

  @Test
  void accessLinesWaitForTheBatchEveryOtherRecordIsWrittenAtOnce() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsoleLog log = new ConsoleLog(out, Level.ALL);
    log.publish(record(Level.INFO, "dev.headroom.proxy.access", "one", Instant.EPOCH));
    log.publish(record(Level.INFO, "dev.headroom.proxy.access", "two", Instant.EPOCH));
    assertEquals("", out.toString(StandardCharsets.UTF_8), "buffered until the batch ends");
    log.publish(record(Level.INFO, "dev.headroom.proxy", "listening", Instant.EPOCH));
    String written = out.toString(StandardCharsets.UTF_8);
    assertTrue(written.contains(" one") && written.contains(" two"), written);
    assertTrue(written.endsWith("INFO dev.headroom.proxy listening" + System.lineSeparator()));

    log.publish(record(Level.INFO, "dev.headroom.proxy.access", "three", Instant.EPOCH));
    log.flush();
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(" three"));
    log.publish(record(Level.WARNING, "dev.headroom.proxy.access", "four", Instant.EPOCH));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(" four"), "a warning goes at once");
  }
}
