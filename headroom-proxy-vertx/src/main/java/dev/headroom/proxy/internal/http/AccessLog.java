package dev.headroom.proxy.internal.http;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One structured line per request: ids, route, decision, sizes, statuses, durations. Never a body,
 * a header value or a credential. The line is built on the event loop (cheaply) and written by one
 * background thread, so a slow log sink never stalls forwarding; under overload lines are dropped
 * (and counted) rather than queued without bound.
 */
final class AccessLog {

  private static final Logger LOG = System.getLogger("dev.headroom.proxy.access");
  private static final AtomicLong DROPPED = new AtomicLong();
  private static final ThreadPoolExecutor WRITER =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(65_536),
          runnable -> {
            Thread thread = new Thread(runnable, "headroom-access-log");
            thread.setDaemon(true);
            return thread;
          },
          (runnable, executor) -> DROPPED.incrementAndGet());

  private AccessLog() {}

  static void log(RequestContext ctx) {
    if (!LOG.isLoggable(Level.INFO)) {
      return;
    }
    StringBuilder line =
        new StringBuilder(256)
            .append("event=request request_id=")
            .append(ctx.requestId)
            .append(" method=")
            .append(ctx.method)
            .append(" route=")
            .append(ctx.route.label())
            .append(" provider=")
            .append(ctx.provider.wireName())
            .append(" decision=")
            .append(ctx.decision)
            .append(" status=")
            .append(ctx.status)
            .append(" upstream_status=")
            .append(ctx.upstreamStatus)
            .append(" bytes_in=")
            .append(ctx.bytesIn)
            .append(" bytes_out=")
            .append(ctx.bytesOut)
            .append(" overhead_ms=")
            .append(Forwarder.millis(ctx.overheadNanos()))
            .append(" upstream_ms=")
            .append(Forwarder.millis(ctx.upstreamNanos()))
            .append(" total_ms=")
            .append(Forwarder.millis(ctx.elapsedNanos()));
    if (!ctx.failure.isEmpty()) {
      line.append(" failure=").append(ctx.failure);
    }
    if (ctx.tokensBefore > 0) {
      line.append(" tokens_before=")
          .append(ctx.tokensBefore)
          .append(" tokens_after=")
          .append(ctx.tokensAfter);
    }
    if (!ctx.blocks.isEmpty()) {
      line.append(" blocks=").append(ctx.blocks);
    }
    if (!ctx.usage.isEmpty()) {
      line.append(" usage=").append(ctx.usage);
    }
    String text = line.toString();
    WRITER.execute(() -> LOG.log(Level.INFO, text));
  }

  /**
   * One line per WebSocket {@code response.create} frame, once its response ended or the session
   * closed.
   */
  static void frame(
      String requestId,
      String provider,
      dev.headroom.proxy.internal.pipeline.Outbound out,
      dev.headroom.proxy.internal.sse.StreamSummary summary,
      boolean complete,
      long nanos) {
    if (!LOG.isLoggable(Level.INFO)) {
      return;
    }
    StringBuilder line =
        new StringBuilder(192)
            .append("event=websocket_frame request_id=")
            .append(requestId)
            .append(" route=responses_ws provider=")
            .append(provider)
            .append(" decision=")
            .append(
                out.tokensBefore() > 0
                    ? "compressed"
                    : out.body() != null ? "rewritten" : "forwarded")
            .append(" stream_status=")
            .append(summary.status())
            .append(" complete=")
            .append(complete)
            .append(" total_ms=")
            .append(Forwarder.millis(nanos));
    if (out.tokensBefore() > 0) {
      line.append(" tokens_before=")
          .append(out.tokensBefore())
          .append(" tokens_after=")
          .append(out.tokensAfter());
    }
    if (!out.blocks().isEmpty()) {
      line.append(" blocks=").append(blocks(out.blocks()));
    }
    if (!summary.usage().isEmpty()) {
      line.append(" usage=").append(summary.usage());
    }
    String text = line.toString();
    WRITER.execute(() -> LOG.log(Level.INFO, text));
  }

  /**
   * One token per live-zone block, {@code
   * outcome:type:strategy:bytesBefore>bytesAfter:tokensBefore>tokensAfter}, joined with commas; no
   * content, only sizes.
   */
  static String blocks(java.util.List<java.util.Map<String, Object>> blocks) {
    StringBuilder text = new StringBuilder();
    for (java.util.Map<String, Object> block : blocks) {
      text.append(text.length() == 0 ? "" : ",")
          .append(block.get("outcome"))
          .append(':')
          .append(block.get("content_type"))
          .append(':')
          .append(block.get("strategy"))
          .append(':')
          .append(block.get("bytes_before"))
          .append('>')
          .append(block.get("bytes_after"))
          .append(':')
          .append(block.get("tokens_before"))
          .append('>')
          .append(block.get("tokens_after"));
    }
    return text.toString();
  }

  /**
   * @return lines dropped because the writer fell behind
   */
  static long dropped() {
    return DROPPED.get();
  }
}
