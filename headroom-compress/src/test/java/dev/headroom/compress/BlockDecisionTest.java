package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockDecisionTest {

  @Test
  void itsMapIsTheFormPipelineEventsCarryInOrder() {
    Map<String, Object> map =
        new BlockDecision(
                "messages[2].content",
                "compressed",
                ContentType.JSON_ARRAY,
                "json_array:rows",
                30_700,
                1_100,
                8_200,
                260)
            .toMap();
    assertEquals(
        List.of(
            "path",
            "outcome",
            "content_type",
            "strategy",
            "bytes_before",
            "bytes_after",
            "tokens_before",
            "tokens_after"),
        List.copyOf(map.keySet()));
    assertEquals(
        List.of(
            "messages[2].content",
            "compressed",
            "json_array",
            "json_array:rows",
            30_700,
            1_100,
            8_200,
            260),
        List.copyOf(map.values()));
  }
}
