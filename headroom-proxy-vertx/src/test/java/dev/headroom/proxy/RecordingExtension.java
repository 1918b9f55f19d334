package dev.headroom.proxy;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** Records every event it sees (and the thread it ran on); optionally transforms events. */
public final class RecordingExtension implements PipelineExtension {

  public final List<PipelineEvent> events = new CopyOnWriteArrayList<>();
  public final List<String> threads = new CopyOnWriteArrayList<>();
  private final String id;
  private final UnaryOperator<PipelineEvent> transform;

  public RecordingExtension(String id, UnaryOperator<PipelineEvent> transform) {
    this.id = id;
    this.transform = transform;
  }

  public RecordingExtension() {
    this("recorder", e -> e);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public PipelineEvent onEvent(PipelineEvent event) {
    events.add(event);
    threads.add(Thread.currentThread().getName());
    return transform.apply(event);
  }

  public List<PipelineStage> seenStages() {
    return events.stream().map(PipelineEvent::stage).toList();
  }

  public List<PipelineStage> requestStages(String requestId) {
    return events.stream()
        .filter(e -> e.requestId().equals(requestId))
        .map(PipelineEvent::stage)
        .toList();
  }

  /**
   * Waits until {@code count} events for a request arrived (the response stages are asynchronous).
   */
  public List<PipelineStage> awaitRequestStages(String requestId, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (requestStages(requestId).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return requestStages(requestId);
  }
}
