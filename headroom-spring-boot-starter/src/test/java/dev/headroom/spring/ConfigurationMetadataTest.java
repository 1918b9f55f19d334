package dev.headroom.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What an IDE completes: every headroom.* key, described, with its default and value hints. */
class ConfigurationMetadataTest {

  @Test
  void everyKeyIsDescribedWithItsDefaultAndTheStoresAndToolListsAreHinted() throws IOException {
    JsonNode metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    Set<String> keys = new TreeSet<>();
    for (JsonNode property : metadata.path("properties")) {
      keys.add(property.path("name").asText());
      assertFalse(property.path("description").asText().isBlank(), property.toString());
      assertFalse(property.path("defaultValue").isMissingNode(), property.toString());
    }
    assertEquals(
        Set.of(
            "headroom.enabled",
            "headroom.min-block-bytes",
            "headroom.budget",
            "headroom.ccr-store",
            "headroom.protect-tools",
            "headroom.discover-extensions"),
        keys);
    Set<String> hinted = new TreeSet<>();
    metadata.path("hints").forEach(hint -> hinted.add(hint.path("name").asText()));
    assertEquals(Set.of("headroom.ccr-store", "headroom.protect-tools"), hinted);
  }
}
