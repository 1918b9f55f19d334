package dev.headroom.proxy.internal.http;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * One structured line per request: ids, route, decision, sizes, statuses, durations. Never a body,
 * a header value or a credential.
 */
final class AccessLog {

  private static final Logger LOG = System.getLogger("dev.headroom.proxy.access");

  private AccessLog() {}

  static void log(RequestContext ctx) {
    if (!LOG.isLoggable(Level.INFO)) {
      return;
    }
    LOG.log(Level.INFO, String.format(Locale.ROOT,
        "event=request request_id=%s method=%s route=%s provider=%s decision=%s status=%d upstream_status=%d "
            + "bytes_in=%d bytes_out=%d overhead_ms=%.3f upstream_ms=%.3f total_ms=%.3f%s%s",
        ctx.requestId, ctx.method, ctx.route.label(), ctx.provider.wireName(), ctx.decision, ctx.status,
        ctx.upstreamStatus, ctx.bytesIn, ctx.bytesOut, ctx.overheadNanos() / 1e6, ctx.upstreamNanos() / 1e6,
        ctx.elapsedNanos() / 1e6, ctx.failure.isEmpty() ? "" : " failure=" + ctx.failure,
        ctx.usage.isEmpty() ? "" : " usage=" + ctx.usage));
  }
}
