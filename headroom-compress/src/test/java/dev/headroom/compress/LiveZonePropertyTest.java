package dev.headroom.compress;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any body comes back as the very same bytes, or as valid JSON that is no larger. */
class LiveZonePropertyTest {

  private static final LiveZoneRewriter REWRITER =
      LiveZoneRewriter.create(
          Compressor.create(),
          LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30)));

  @Provide
  Arbitrary<String> toolOutputs() {
    // '\uD83D' is a lone high surrogate, what an emoji cut in half leaves behind; the literal used
    // to be
    // the emoji itself, which javac silently read as this one code unit.
    Arbitrary<String> line =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars('é', '\uD83D', '"', '\\', '\n', '\t')
            .ofMaxLength(120);
    Arbitrary<String> lines =
        line.list().ofMinSize(0).ofMaxSize(80).map(list -> String.join("\n", list));
    Arbitrary<String> records =
        Combinators.combine(
                Arbitraries.integers().between(0, 400), Arbitraries.of("ok", "FAILED", "pending"))
            .as(
                (count, status) -> {
                  StringBuilder json = new StringBuilder("[");
                  for (int i = 0; i < count; i++) {
                    json.append(i == 0 ? "" : ",")
                        .append("{\"id\":")
                        .append(i)
                        .append(",\"status\":\"")
                        .append(i % 37 == 3 ? status : "ok")
                        .append("\"}");
                  }
                  return json.append(']').toString();
                });
    return Arbitraries.oneOf(lines, records);
  }

  @Property(tries = 60)
  void chatBodiesComeBackUnchangedOrAsSmallerValidJson(
      @ForAll("toolOutputs") String output, @ForAll("toolOutputs") String userText)
      throws IOException {
    String body =
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":"
            + LiveZoneRewriterTest.quoted(userText)
            + "},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
            + LiveZoneRewriterTest.quoted(output)
            + "}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

    LiveZoneResult result =
        REWRITER.rewrite(bytes, ProviderApi.CHAT_COMPLETIONS, CompressContext.defaults());

    if (!result.changed()) {
      assertSame(bytes, result.body());
      return;
    }
    assertTrue(result.body().length < bytes.length);
    try (JsonParser parser = new JsonFactory().createParser(result.body())) {
      while (parser.nextToken() != null) {
        // throws on invalid JSON
      }
    }
  }

  @Property(tries = 200)
  void arbitraryTextIsForwardedAsTheSameBytes(@ForAll String raw) {
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);

    for (ProviderApi api : List.of(ProviderApi.values())) {
      LiveZoneResult result = REWRITER.rewrite(bytes, api, CompressContext.defaults());
      assertTrue(
          !result.changed() && result.body() == bytes,
          "arbitrary text must come back as the same array");
    }
  }
}
