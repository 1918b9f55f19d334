package dev.headroom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LibraryExamplesTest {

  /** The tagged region of a source file, which docs/library.md must show verbatim. */
  static void assertDocumented(Path source, String tag) throws IOException {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    String text = Files.readString(root.resolve(source));
    String start = "// tag::" + tag + "[]\n";
    String snippet =
        text.substring(text.indexOf(start) + start.length(), text.indexOf("// end::" + tag + "[]"))
            .stripTrailing();
    String doc = Files.readString(root.resolve("docs/library.md"));
    assertTrue(
        doc.contains(snippet),
        "docs/library.md must contain the " + tag + " region of " + source + " verbatim");
  }

  @Test
  void theClientExampleCompressesWhatItSendsAndCountsTheSavings() throws Exception {
    try (FakeUpstream upstream =
        new FakeUpstream(
            body ->
                new String[] {
                  "application/json", "{\"id\":\"c1\",\"received_bytes\":" + body.length() + "}"
                })) {
      LibraryExamples.SavingsCounter savings = new LibraryExamples.SavingsCounter();
      byte[] body = Bodies.chat();

      String response =
          LibraryExamples.chat(
              URI.create(upstream.baseUrl() + "/v1/chat/completions"), "sk-test", body, savings);

      assertTrue(upstream.last().length < body.length);
      assertEquals("{\"id\":\"c1\",\"received_bytes\":" + upstream.last().length + "}", response);
      assertTrue(savings.saved.get() > 0);
    }
  }

  @Test
  void theHelperExampleReturnsASmallerConversation() {
    List<Map<String, Object>> messages =
        List.of(
            Map.of("role", "user", "content", "Which order failed?"),
            Map.of("role", "tool", "tool_call_id", "call_1", "content", Bodies.orders("ord_")));

    List<Map<String, Object>> toSend = LibraryExamples.helper(messages);

    assertEquals(2, toSend.size());
    assertTrue(toSend.toString().length() < messages.toString().length());
  }

  @Test
  void docsShowTheClientAndHelperExamplesVerbatim() throws IOException {
    Path source = Path.of("headroom-client/src/test/java/dev/headroom/client/LibraryExamples.java");
    assertDocumented(source, "client");
    assertDocumented(source, "helper");
  }
}
