package dev.headroom.proxy.internal.ops;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import org.apiguardian.api.API;

/**
 * The JVM's own meters on {@code /metrics}, Micrometer's standard ones: the collector's pauses
 * ({@code jvm_gc_pause_seconds}, by collector and cause), what it promoted and how large the live
 * heap was after a major collection ({@code jvm_gc_memory_promoted_bytes_total}, {@code
 * jvm_gc_live_data_size_bytes}), and memory by pool and buffer pool ({@code jvm_memory_used_bytes},
 * {@code jvm_buffer_memory_used_bytes{id="direct"}}, where the originals store keeps its contents).
 * A gateway's latency tail is often nothing but collector pauses, so an operator sees them beside
 * {@code headroom_request_duration_seconds}.
 *
 * <p>Bound off the start path (the management beans take tens of milliseconds to come up on a cold
 * JVM); closed when the proxy stops, since the pause meter listens to the collectors for as long as
 * it is open.
 */
@API(status = INTERNAL, since = "0.1")
public final class JvmMeters implements AutoCloseable {

  private final JvmGcMetrics gc;

  private JvmMeters(JvmGcMetrics gc) {
    this.gc = gc;
  }

  /**
   * @param metrics the registry to bind to
   * @return the bound meters, to be closed when the proxy stops
   */
  public static JvmMeters bind(ProxyMetrics metrics) {
    JvmGcMetrics gc = new JvmGcMetrics();
    metrics.bind(gc);
    metrics.bind(new JvmMemoryMetrics());
    return new JvmMeters(gc);
  }

  @Override
  public void close() {
    gc.close();
  }
}
