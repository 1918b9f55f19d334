package dev.headroom.proxy.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.Replay;
import dev.headroom.compress.ReplayMemory;
import java.util.Collection;
import java.util.Map;
import org.apiguardian.api.API;

/** A {@link ReplayMemory} that counts hits and misses into {@link CcrMetrics}. */
@API(status = INTERNAL, since = "0.1")
public final class MeteredReplayMemory implements ReplayMemory {

  private final ReplayMemory memory;
  private final CcrMetrics metrics;

  /**
   * @param memory the memory
   * @param metrics where to count
   */
  public MeteredReplayMemory(ReplayMemory memory, CcrMetrics metrics) {
    this.memory = memory;
    this.metrics = metrics;
  }

  @Override
  public Map<String, Replay> recall(String scope, Collection<String> keys) {
    Map<String, Replay> found = memory.recall(scope, keys);
    metrics.replayHits.addAndGet(found.size());
    metrics.replayMisses.addAndGet(keys.size() - found.size());
    return found;
  }

  @Override
  public void remember(String scope, String key, Replay replay) {
    memory.remember(scope, key, replay);
  }
}
