package dev.headroom.client;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registered in src/test/resources/META-INF/services: found by discovery, never attached by hand.
 */
public final class DiscoveredRecorder implements PipelineExtension {

  /** Every stage seen by any instance, in order. */
  static final List<PipelineStage> SEEN = new CopyOnWriteArrayList<>();

  @Override
  public String id() {
    return "test-discovered-recorder";
  }

  @Override
  public PipelineEvent onEvent(PipelineEvent event) {
    SEEN.add(event.stage());
    return event;
  }
}
