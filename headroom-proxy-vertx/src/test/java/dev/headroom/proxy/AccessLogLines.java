package dev.headroom.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The access log's lines (messages only) while open; the handler is removed on close. */
public final class AccessLogLines implements AutoCloseable {

  // Held here: JUL keeps loggers weakly, and a collected one would lose the handler.
  private final Logger access = Logger.getLogger("dev.headroom.proxy.access");
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private AccessLogLines() {
    access.addHandler(handler);
  }

  /**
   * @return the lines logged from now on
   */
  public static AccessLogLines capture() {
    return new AccessLogLines();
  }

  /**
   * The next line of one exchange, skipping any other: the log is the JVM's, and a line another
   * test's exchange wrote late (the access log writes in the background) may come first.
   *
   * @param requestId the exchange's {@code x-request-id}
   * @return its next line, waiting up to 10 s in all, or {@code null}
   */
  public String next(String requestId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      String line = lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null || line.contains("request_id=" + requestId + " ")) {
        return line;
      }
    }
    return null;
  }

  /**
   * @return the lines logged and not yet taken, without waiting
   */
  public List<String> drain() {
    List<String> out = new ArrayList<>();
    lines.drainTo(out);
    return out;
  }

  @Override
  public void close() {
    access.removeHandler(handler);
  }
}
