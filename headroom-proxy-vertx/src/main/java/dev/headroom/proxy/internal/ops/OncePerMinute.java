package dev.headroom.proxy.internal.ops;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A warning logged at most once a minute, however often its cause recurs (a Redis outage fails
 * every request's check): the log says it, the metrics count it.
 */
@API(status = INTERNAL, since = "0.1")
public final class OncePerMinute {

  private final Logger log;
  private final LongSupplier clock;
  private boolean warned;
  private long last;

  /**
   * @param log where the warning goes
   * @param clock epoch milliseconds
   */
  public OncePerMinute(Logger log, LongSupplier clock) {
    this.log = log;
    this.clock = clock;
  }

  /**
   * @param message the warning, built only when it is logged
   */
  public void warn(Supplier<String> message) {
    long now = clock.getAsLong();
    synchronized (this) {
      if (warned && now - last < 60_000) {
        return;
      }
      warned = true;
      last = now;
    }
    log.log(Level.WARNING, message.get());
  }
}
