package dev.headroom.pipeline;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** Records every event it sees, and answers with what its function makes of it. */
final class Recorder implements PipelineExtension {

  final List<PipelineEvent> events = new CopyOnWriteArrayList<>();
  private final String id;
  private final UnaryOperator<PipelineEvent> answer;

  Recorder(String id, UnaryOperator<PipelineEvent> answer) {
    this.id = id;
    this.answer = answer;
  }

  Recorder() {
    this("recorder", UnaryOperator.identity());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public PipelineEvent onEvent(PipelineEvent event) {
    events.add(event);
    return answer.apply(event);
  }

  List<PipelineStage> seen() {
    return events.stream().map(PipelineEvent::stage).toList();
  }

  PipelineEvent at(PipelineStage stage) {
    return events.stream().filter(e -> e.stage() == stage).findFirst().orElseThrow();
  }
}
