package dev.headroom.client;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event it sees and changes nothing. */
class Recorder implements PipelineExtension {

  final List<PipelineEvent> events = new CopyOnWriteArrayList<>();
  private final String id;

  Recorder(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public PipelineEvent onEvent(PipelineEvent event) {
    events.add(event);
    return event;
  }

  List<PipelineStage> seen() {
    return events.stream().map(PipelineEvent::stage).toList();
  }

  PipelineEvent at(PipelineStage stage) {
    return events.stream().filter(e -> e.stage() == stage).findFirst().orElseThrow();
  }
}
