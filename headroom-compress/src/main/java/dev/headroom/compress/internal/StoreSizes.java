package dev.headroom.compress.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The default size of each in-memory store (originals, replays): an eighth of the heap, at least 1
 * MiB and at most 64 MiB — 64 MiB under the gateway's 512 MiB heap, 32 MiB in an application whose
 * heap is 256 MiB. A fixed 64 MiB each took half of such an application's heap.
 */
@API(status = INTERNAL, since = "0.1")
public final class StoreSizes {

  private static final long MIN = 1L << 20;
  private static final long MAX = 64L << 20;

  private StoreSizes() {}

  /**
   * @return the default for this JVM's maximum heap
   */
  public static long defaultBytes() {
    return defaultBytes(Runtime.getRuntime().maxMemory());
  }

  /**
   * @param maxHeap a maximum heap in bytes ({@link Long#MAX_VALUE} when the JVM has none)
   * @return the default for it
   */
  static long defaultBytes(long maxHeap) {
    return Math.max(MIN, Math.min(MAX, maxHeap / 8));
  }
}
