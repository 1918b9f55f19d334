package dev.headroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PipelineStageTest {

  @Test
  void stagesAreDeclaredInTheCanonicalLifecycleOrder() {
    List<String> wireNames =
        Arrays.stream(PipelineStage.values())
            .map(PipelineStage::value)
            .collect(Collectors.toList());

    assertEquals(
        List.of(
            "setup",
            "pre_start",
            "post_start",
            "input_received",
            "input_cached",
            "input_routed",
            "input_compressed",
            "input_remembered",
            "pre_send",
            "post_send",
            "response_received"),
        wireNames);
  }

  @ParameterizedTest
  @EnumSource(PipelineStage.class)
  void everyStageIsFoundByItsWireName(PipelineStage stage) {
    assertEquals(Optional.of(stage), PipelineStage.fromValue(stage.value()));
    assertEquals(
        Optional.of(stage), PipelineStage.fromValue("  " + stage.value().toUpperCase() + " "));
  }

  @Test
  void unknownWireNamesAreEmpty() {
    assertTrue(PipelineStage.fromValue("input_mangled").isEmpty());
    assertTrue(PipelineStage.fromValue("").isEmpty());
    assertTrue(PipelineStage.fromValue(null).isEmpty());
  }

  @Test
  void wireNameIsTheLowerCaseConstantName() {
    for (PipelineStage stage : PipelineStage.values()) {
      assertEquals(stage.name().toLowerCase(), stage.value());
    }
  }
}
