package dev.headroom.proxy.internal.stats;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * {@code GET /dashboard}: one self-contained HTML page (no CDN, no fonts, works offline) that reads
 * {@code /stats} beside it every ten seconds and draws the same numbers.
 */
@API(status = INTERNAL, since = "0.1")
public final class Dashboard {

  private static final Buffer PAGE = load();

  private Dashboard() {}

  /**
   * @return the page
   */
  public static Buffer page() {
    return PAGE.copy();
  }

  private static Buffer load() {
    try (InputStream in = Dashboard.class.getResourceAsStream("dashboard.html")) {
      if (in == null) {
        throw new IllegalStateException("dashboard.html is missing from the proxy's module");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
