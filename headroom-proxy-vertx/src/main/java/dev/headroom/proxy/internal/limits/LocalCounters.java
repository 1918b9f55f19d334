package dev.headroom.proxy.internal.limits;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The counters of one proxy, in its memory: fixed one-minute and one-day windows. */
final class LocalCounters implements Counters {

  /** Beyond this many credentials, those idle since yesterday are forgotten. */
  private static final int MAX_CREDENTIALS = 100_000;

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    long minute = -1;
    long minuteRequests;
    long minuteTokens;
    long day = -1;
    long dayTokens;

    void roll(long nowMinute, long nowDay) {
      if (minute != nowMinute) {
        minute = nowMinute;
        minuteRequests = 0;
        minuteTokens = 0;
      }
      if (day != nowDay) {
        day = nowDay;
        dayTokens = 0;
      }
    }
  }

  private Window window(String credential, long day) {
    if (windows.size() >= MAX_CREDENTIALS && !windows.containsKey(credential)) {
      windows.values().removeIf(w -> w.day < day);
    }
    return windows.computeIfAbsent(credential, c -> new Window());
  }

  @Override
  public Future<Usage> admit(String credential, long minute, long day) {
    Window w = window(credential, day);
    synchronized (w) {
      w.roll(minute, day);
      w.minuteRequests++;
      return Future.succeededFuture(new Usage(w.minuteRequests, w.minuteTokens, w.dayTokens));
    }
  }

  @Override
  public Future<Void> charge(
      String credential, long minute, long day, long inputTokens, long allTokens) {
    Window w = window(credential, day);
    synchronized (w) {
      w.roll(minute, day);
      w.minuteTokens += inputTokens;
      w.dayTokens += allTokens;
    }
    return Future.succeededFuture();
  }
}
