package dev.headroom.bench.proxy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's stop-the-world pauses in a gateway process, read from its {@code -Xlog:gc} file:
 * a latency tail is often nothing but these, and the harness says so beside its percentiles.
 *
 * @param young how many young (or G1 young and mixed) pauses
 * @param youngMaxMillis the longest of them
 * @param youngTotalMillis their sum
 * @param full how many full collections the collector chose to make
 * @param fullMaxMillis the longest of them
 * @param other how many other pauses (G1's remark and cleanup)
 * @param requested how many full collections were asked for ({@code System.gc()}, {@code jcmd
 *     GC.run}, a heap inspection): the soak makes one per interval to read the live heap, and they
 *     say nothing about the gateway
 */
public record GcPauses(
    int young,
    double youngMaxMillis,
    double youngTotalMillis,
    int full,
    double fullMaxMillis,
    int other,
    int requested) {

  /**
   * {@code [12.345s][info][gc] GC(7) Pause Young (Allocation Failure) 473M->329M(503M) 14.070ms}
   */
  private static final Pattern PAUSE = Pattern.compile("\\bPause (\\w+)\\b.* ([\\d.]+)ms\\s*$");

  /** The causes of a full collection that someone asked for. */
  private static final Pattern REQUESTED =
      Pattern.compile(
          "Pause Full \\((System\\.gc\\(\\)|Diagnostic Command|Heap Inspection Initiated GC"
              + "|Heap Dump Initiated GC)\\)");

  /** The decoration {@code -Xlog:gc} starts each line with: the JVM's uptime, {@code [12.345s]}. */
  private static final Pattern UPTIME = Pattern.compile("^\\[([\\d.]+)s\\]");

  /**
   * @param lines the lines of a {@code -Xlog:gc} file
   * @return its pauses
   */
  public static GcPauses parse(List<String> lines) {
    return parse(lines, 0, Double.POSITIVE_INFINITY);
  }

  /**
   * The pauses that began within a window of the process's life, so that a phase of a run can be
   * told from the start's warm-up.
   *
   * @param lines the lines of a {@code -Xlog:gc} file
   * @param fromSeconds the window's start, in the JVM's uptime (the lines' first decoration)
   * @param toSeconds its end (exclusive)
   * @return the pauses logged in it
   */
  public static GcPauses parse(List<String> lines, double fromSeconds, double toSeconds) {
    int young = 0;
    int full = 0;
    int other = 0;
    int requested = 0;
    double youngMax = 0;
    double youngTotal = 0;
    double fullMax = 0;
    for (String line : lines) {
      Matcher pause = PAUSE.matcher(line);
      if (!pause.find()) {
        continue;
      }
      Matcher uptime = UPTIME.matcher(line);
      double at = uptime.find() ? Double.parseDouble(uptime.group(1)) : 0;
      if (at < fromSeconds || at >= toSeconds) {
        continue;
      }
      double millis = Double.parseDouble(pause.group(2));
      switch (pause.group(1)) {
        case "Young" -> {
          young++;
          youngMax = Math.max(youngMax, millis);
          youngTotal += millis;
        }
        case "Full" -> {
          if (REQUESTED.matcher(line).find()) {
            requested++;
          } else {
            full++;
            fullMax = Math.max(fullMax, millis);
          }
        }
        default -> other++;
      }
    }
    return new GcPauses(young, youngMax, youngTotal, full, fullMax, other, requested);
  }

  /**
   * @return one line for a report
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%d young pauses (longest %.1f ms, %.2f s in all), %d full (longest %.1f ms)%s%s",
        young,
        youngMaxMillis,
        youngTotalMillis / 1000,
        full,
        fullMaxMillis,
        other == 0 ? "" : ", " + other + " other",
        requested == 0 ? "" : ", " + requested + " full asked for (System.gc, jcmd GC.run)");
  }
}
