package dev.headroom.proxy.internal.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for human-friendly flag values: durations ({@code 10s}, {@code 500ms}) and sizes
 * ({@code 100MiB}).
 */
final class Values {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");

  private Values() {}

  /**
   * {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, a bare number of seconds, or ISO-8601
   * ({@code PT10S}).
   */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT);
      Matcher m = DURATION.matcher(text);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofSeconds(n);
        };
      }
      try {
        return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a duration (try 10s, 500ms, 5m)");
      }
    }
  }

  /** {@code on} or {@code off} (also {@code true/false}), case-insensitive. */
  static final class OnOffConverter implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "on", "true" -> true;
        case "off", "false" -> false;
        default -> throw new TypeConversionException("'" + value + "' is not on or off");
      };
    }
  }

  /**
   * Bytes, with optional unit: {@code KB/MB/GB} (powers of 1000) or {@code KiB/MiB/GiB} (powers of
   * 1024).
   */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a size (try 104857600, 100MiB, 10MB)");
      }
      long n;
      try {
        n = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is too large");
      }
      long unit =
          switch (m.group(2) == null ? "b" : m.group(2)) {
            case "kb" -> 1_000L;
            case "kib" -> 1L << 10;
            case "mb" -> 1_000_000L;
            case "mib" -> 1L << 20;
            case "gb" -> 1_000_000_000L;
            case "gib" -> 1L << 30;
            default -> 1L;
          };
      if (n > Long.MAX_VALUE / unit) {
        throw new TypeConversionException("'" + value + "' is too large");
      }
      return n * unit;
    }
  }
}
