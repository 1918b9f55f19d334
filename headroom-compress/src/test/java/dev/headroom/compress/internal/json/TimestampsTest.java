package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  private static double seconds(String s) {
    return Timestamps.seconds(s, 0, s.length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-07T14:02:11Z",
        "2026-12-07T14:02:11.125Z",
        "2026-12-07T14:02:11+01:00",
        "2026-12-07T14:02:11-05:30",
        "2026-12-07T14:02Z",
        "1999-02-28T23:59:60Z"
      })
  void aDateTimeWithItsZoneIsItsInstant(String text) {
    double expected;
    if (text.endsWith(":60Z")) {
      expected = Instant.parse("1999-03-01T00:00:00Z").getEpochSecond(); // a leap second
    } else {
      expected = OffsetDateTime.parse(text).toInstant().toEpochMilli() / 1000.0;
    }
    assertEquals(expected, seconds(text), 1e-6, text);
  }

  @Test
  void withoutAZoneItIsTakenAsUtcAndADateIsItsMidnight() {
    double utc = OffsetDateTime.of(2026, 12, 7, 14, 2, 11, 0, ZoneOffset.UTC).toEpochSecond();
    assertEquals(utc, seconds("2026-12-07 14:02:11"));
    assertEquals(utc, seconds("2026-12-07T14:02:11"));
    assertEquals(utc + 0.5, seconds("2026-12-07 14:02:11,5"));
    assertEquals(LocalDate.of(2026, 12, 7).toEpochDay() * 86_400.0, seconds("2026-12-07"));
    assertEquals(utc - 3_600, seconds("2026-12-07T14:02:11+0100"));
    assertEquals(utc - 3_600, seconds("2026-12-07T14:02:11+01"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-13-07",
        "2026-02-30",
        "2026-12-07T24:00",
        "2026-12-07T14:60",
        "2026-12-07T14",
        "2026-12-07X14:02",
        "2026-12-07T14:02:11.",
        "2026-12-07T14:02:11Zx",
        "2026-12-07T14:02:11+1",
        "2026-12-07T14:02:11+01:",
        "2026-12-07T14:02:11 UTC",
        "2026/12/07",
        "26-12-07",
        " 2026-12-07",
        "v2026-12-07",
        "2026-12-07 and more"
      })
  void anythingElseIsNoTime(String text) {
    assertTrue(Double.isNaN(seconds(text)), text);
  }
}
