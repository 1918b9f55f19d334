package dev.headroom.proxy.internal.ops;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.BlockDecision;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/**
 * The access log: one structured line per request or WebSocket frame (ids, route, decision, sizes,
 * statuses, durations; never a body, a header value or a credential), logged to {@code
 * dev.headroom.proxy.access} at INFO. Lines are built by the caller on its event loop (cheaply) and
 * written by one background thread, so a slow log sink never stalls forwarding; under overload
 * lines are dropped (and counted) rather than queued without bound.
 */
@API(status = INTERNAL, since = "0.1")
public final class AccessLog {

  /** The logger the lines go to, at INFO. */
  public static final String LOGGER = "dev.headroom.proxy.access";

  private static final Logger LOG = System.getLogger(LOGGER);
  private static final AtomicLong DROPPED = new AtomicLong();
  private static final BlockingQueue<String> LINES = new ArrayBlockingQueue<>(65_536);

  /** What the writer runs after logging a batch: a console handler that buffers flushes then. */
  private static volatile Runnable afterEachBatch = () -> {};

  /** How long the writer waits when it finds no line: how late a line may appear, at most. */
  private static final Duration PAUSE = Duration.ofMillis(10);

  static {
    Thread writer = new Thread(AccessLog::writeQueued, "headroom-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  private AccessLog() {}

  /**
   * @param action run by the writer after it logged each batch of lines, such as a flush of a
   *     console handler that holds the access log's lines until then (set by the command line)
   */
  public static void afterEachBatch(Runnable action) {
    afterEachBatch = action;
  }

  /**
   * @return whether lines are written at all (callers skip building them when not)
   */
  public static boolean enabled() {
    return LOG.isLoggable(Level.INFO);
  }

  /**
   * @param line a finished line, written in the background
   */
  public static void write(String line) {
    if (!LINES.offer(line)) {
      DROPPED.incrementAndGet();
    }
  }

  /**
   * The writer: every {@link #PAUSE} at most, logs every line queued since, then runs {@link
   * #afterEachBatch} (the command line's console handler writes them out at once then). It looks
   * for lines rather than being woken for each: a wake-up is a system call on the event loop that
   * queued the line, and at thousands of lines a second those cost more than building the lines.
   */
  private static void writeQueued() {
    List<String> batch = new ArrayList<>(1024);
    while (true) {
      LINES.drainTo(batch, 1024);
      if (batch.isEmpty()) {
        LockSupport.parkNanos(PAUSE.toNanos());
        if (Thread.interrupted()) {
          return;
        }
        continue;
      }
      for (String line : batch) {
        try {
          LOG.log(Level.INFO, line);
        } catch (RuntimeException failed) {
          DROPPED.incrementAndGet(); // a broken handler loses its line, not the writer
        }
      }
      batch.clear();
      try {
        afterEachBatch.run();
      } catch (RuntimeException failed) {
        // the next batch tries again
      }
    }
  }

  /**
   * Appends the {@code blocks=} field, one token per live-zone block, {@code
   * outcome:type:strategy:bytesBefore>bytesAfter:tokensBefore>tokensAfter}, joined with commas (no
   * content, only sizes), and {@code replayed_blocks=N}: the blocks replayed from earlier turns are
   * counted, not listed, or every line of a long session would list its whole history.
   *
   * @param line the access-log line
   * @param blocks the decisions
   */
  public static void appendBlocks(StringBuilder line, List<BlockDecision> blocks) {
    StringBuilder text = new StringBuilder();
    int replayed = 0;
    for (BlockDecision block : blocks) {
      if (block.replayed()) {
        replayed++;
        continue;
      }
      text.append(text.length() == 0 ? "" : ",")
          .append(block.outcome())
          .append(':')
          .append(block.contentType().name().toLowerCase(Locale.ROOT))
          .append(':')
          .append(block.strategy())
          .append(':')
          .append(block.bytesBefore())
          .append('>')
          .append(block.bytesAfter())
          .append(':')
          .append(block.tokensBefore())
          .append('>')
          .append(block.tokensAfter());
    }
    if (text.length() > 0) {
      line.append(" blocks=").append(text);
    }
    if (replayed > 0) {
      line.append(" replayed_blocks=").append(replayed);
    }
  }

  /**
   * @return lines dropped because the writer fell behind
   */
  public static long dropped() {
    return DROPPED.get();
  }
}
