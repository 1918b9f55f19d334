package dev.headroom.it.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of docs/extensions.md works, and the doc shows exactly this compiled code. */
class SecretRedactorTest {

  private static final PipelineExtensions EXTENSIONS = PipelineExtensions.of(new SecretRedactor());

  private static PipelineEvent request(String text) {
    return PipelineEvent.builder(PipelineStage.INPUT_RECEIVED, "proxy.request")
        .payload(
            Map.of(
                "model",
                "gpt-4o",
                "messages",
                List.of(
                    Map.of("role", "system", "content", "be brief"),
                    Map.of("role", "user", "content", text))))
        .build();
  }

  @Test
  void secretsInMessageTextAreRedacted() {
    PipelineEvent result =
        EXTENSIONS.emit(
            PipelineStage.INPUT_RECEIVED, request("my key is sk-abcdefghijklmnop1234, why 401?"));

    assertEquals(
        "my key is [redacted], why 401?", ((Map<?, ?>) result.messages().get(1)).get("content"));
    assertEquals("be brief", ((Map<?, ?>) result.messages().get(0)).get("content"));
  }

  @Test
  void aRequestWithoutSecretsIsReturnedAsTheSameEvent() {
    PipelineEvent event = request("why 401?");

    assertSame(event, EXTENSIONS.emit(PipelineStage.INPUT_RECEIVED, event));
  }

  @Test
  void theDocumentationShowsThisExampleVerbatim() throws IOException {
    Path root = Path.of(System.getProperty("basedir", ".")).getParent();
    String source =
        Files.readString(
            root.resolve("headroom-it/src/test/java/dev/headroom/it/examples/SecretRedactor.java"));
    String snippet =
        source.substring(
            source.indexOf("// tag::redactor[]\n") + "// tag::redactor[]\n".length(),
            source.indexOf("// end::redactor[]"));
    String doc = Files.readString(root.resolve("docs/extensions.md"));

    assertTrue(
        doc.contains(snippet),
        "docs/extensions.md must contain the tagged region of SecretRedactor.java verbatim");
  }
}
