package dev.headroom.spring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.client.FakeUpstream;
import dev.headroom.client.HeadroomClient;
import dev.headroom.spring.example.Orders;
import dev.headroom.spring.example.SpringExample;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application with the starter, Spring AI's OpenAI and Anthropic chat models and a
 * real {@link ChatClient}, against fake providers on 127.0.0.1: a tool-calling conversation whose
 * tool returns 300 orders. The same application started with {@code headroom.enabled=false} is the
 * reference: what Spring AI sends on its own.
 */
@SpringBootTest(
    classes = SpringExample.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HeadroomStarterTest {

  private static final String QUESTION = "Which order failed yesterday?";
  private static final String ANSWER = "ord_100217 failed";

  private static ConfigurableApplicationContext plain;

  @Autowired OpenAiChatModel openAi;
  @Autowired AnthropicChatModel anthropic;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("spring.ai.openai.base-url", () -> FakeProviders.OPENAI.baseUrl() + "/v1");
    registry.add("spring.ai.anthropic.base-url", FakeProviders.ANTHROPIC::baseUrl);
  }

  /** The same application, Headroom switched off. */
  private static synchronized ConfigurableApplicationContext plain() {
    if (plain == null) {
      plain =
          new SpringApplicationBuilder(SpringExample.class)
              .web(WebApplicationType.NONE)
              // Arguments, as they override application.properties.
              .run(
                  "--headroom.enabled=false",
                  "--spring.ai.openai.base-url=" + FakeProviders.OPENAI.baseUrl() + "/v1",
                  "--spring.ai.anthropic.base-url=" + FakeProviders.ANTHROPIC.baseUrl());
    }
    return plain;
  }

  @AfterAll
  static void stop() {
    if (plain != null) {
      plain.close();
    }
  }

  /** The answer, and the two requests the provider received: the question, the tool's result. */
  private record Conversation(String answer, byte[] question, byte[] toolResult) {}

  private static Conversation converse(ChatModel model, FakeUpstream upstream, boolean stream) {
    int before = upstream.bodies.size();
    String answer =
        stream
            ? String.join(
                "",
                ChatClient.create(model).prompt().user(QUESTION).tools(new Orders()).stream()
                    .content()
                    .collectList()
                    .block(Duration.ofSeconds(60)))
            : SpringExample.ask(model, QUESTION);
    assertEquals(before + 2, upstream.bodies.size(), "a tool call, then the tool's result");
    return new Conversation(answer, upstream.bodies.get(before), upstream.bodies.get(before + 1));
  }

  /** The tool's output as it sits in a JSON body: a string, its quotes escaped. */
  private static byte[] escapedToolOutput() {
    return new Orders().listOrders().replace("\"", "\\\"").getBytes(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * The compressed request is the original with the tool output's bytes replaced and nothing else:
   * every byte before it and after it is the same, the replacement is under half its size, and it
   * kept the failed order.
   */
  private static void assertOnlyTheToolOutputShrank(Conversation original, Conversation sent) {
    assertArrayEquals(original.question(), sent.question(), "the first request goes as it was");
    byte[] tool = escapedToolOutput();
    int start = indexOf(original.toolResult(), tool);
    assertTrue(start > 0, "Headroom off, the tool output is sent whole, byte for byte");
    int tail = original.toolResult().length - start - tool.length;
    byte[] compressed = sent.toolResult();
    assertArrayEquals(
        Arrays.copyOfRange(original.toolResult(), 0, start),
        Arrays.copyOfRange(compressed, 0, start),
        "every byte before the tool output");
    assertArrayEquals(
        Arrays.copyOfRange(
            original.toolResult(), start + tool.length, original.toolResult().length),
        Arrays.copyOfRange(compressed, compressed.length - tail, compressed.length),
        "every byte after the tool output");
    String replacement =
        new String(compressed, start, compressed.length - tail - start, StandardCharsets.UTF_8);
    assertTrue(
        replacement.length() < tool.length / 2,
        replacement.length()
            + " bytes sent for "
            + tool.length
            + ": "
            + replacement.substring(0, Math.min(300, replacement.length())));
    assertTrue(replacement.contains("ord_100217"), replacement);
  }

  @Test
  void anOpenAiToolResultIsSentCompressedAndTheAnswerIsTheSame() {
    Conversation original =
        converse(plain().getBean(OpenAiChatModel.class), FakeProviders.OPENAI, false);
    Conversation sent = converse(openAi, FakeProviders.OPENAI, false);

    assertEquals(ANSWER, original.answer());
    assertEquals(ANSWER, sent.answer());
    assertOnlyTheToolOutputShrank(original, sent);
  }

  @Test
  void anAnthropicToolResultIsSentCompressedAndTheAnswerIsTheSame() {
    Conversation original =
        converse(plain().getBean(AnthropicChatModel.class), FakeProviders.ANTHROPIC, false);
    Conversation sent = converse(anthropic, FakeProviders.ANTHROPIC, false);

    assertEquals(ANSWER, original.answer());
    assertEquals(ANSWER, sent.answer());
    assertOnlyTheToolOutputShrank(original, sent);
  }

  @Test
  void streamedConversationsAreCompressedAndStreamTheSameAnswer() {
    Conversation openAiOriginal =
        converse(plain().getBean(OpenAiChatModel.class), FakeProviders.OPENAI, true);
    Conversation openAiSent = converse(openAi, FakeProviders.OPENAI, true);
    assertEquals(ANSWER, openAiOriginal.answer());
    assertEquals(ANSWER, openAiSent.answer());
    assertTrue(
        new String(openAiSent.toolResult(), StandardCharsets.UTF_8).contains("\"stream\":true"));
    assertOnlyTheToolOutputShrank(openAiOriginal, openAiSent);

    Conversation claudeOriginal =
        converse(plain().getBean(AnthropicChatModel.class), FakeProviders.ANTHROPIC, true);
    Conversation claudeSent = converse(anthropic, FakeProviders.ANTHROPIC, true);
    assertEquals(ANSWER, claudeOriginal.answer());
    assertEquals(ANSWER, claudeSent.answer());
    assertOnlyTheToolOutputShrank(claudeOriginal, claudeSent);
  }

  @Test
  void switchedOffTheStarterCreatesNothing() {
    assertTrue(plain().getBeansOfType(HeadroomClient.class).isEmpty());
    assertTrue(
        plain().getBeansOfType(MeterRegistry.class).values().stream()
            .allMatch(registry -> registry.find("headroom.tokens.saved").counter() == null));
  }

  private double saved() {
    return meters.get("headroom.tokens.saved").counter().count();
  }

  private String scrape() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static double sample(String scrape, String series) {
    Matcher line =
        Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*\\})? (\\S+)$")
            .matcher(scrape);
    assertTrue(line.find(), series + " in\n" + scrape);
    return Double.parseDouble(line.group(1));
  }

  @Test
  void theMetersCountTheTokensSavedAndPrometheusShowsThem() throws Exception {
    double before = saved();
    double compressedBlocksBefore =
        meters.find("headroom.compression.blocks").tag("outcome", "compressed").counters().stream()
            .mapToDouble(c -> c.count())
            .sum();
    Conversation sent = converse(openAi, FakeProviders.OPENAI, false);
    assertEquals(ANSWER, sent.answer());

    // The tool output is thousands of tokens; what was sent instead, a few hundred.
    double savedNow = saved() - before;
    assertTrue(savedNow > 2_000, "tokens saved: " + savedNow);
    double tokensBefore = meters.get("headroom.tokens.before").counter().count();
    double tokensAfter = meters.get("headroom.tokens.after").counter().count();
    assertEquals(tokensBefore - tokensAfter, saved(), 0.5);
    double compressedBlocks =
        meters.find("headroom.compression.blocks").tag("outcome", "compressed").counters().stream()
            .mapToDouble(c -> c.count())
            .sum();
    assertEquals(1, compressedBlocks - compressedBlocksBefore, 0.0);

    String scrape = scrape();
    assertEquals(saved(), sample(scrape, "headroom_tokens_saved_total"), 0.5);
    assertEquals(tokensBefore, sample(scrape, "headroom_tokens_before_total"), 0.5);
    assertTrue(
        scrape.contains(
            "headroom_compression_blocks_total{content_type=\"json_array\",outcome=\"compressed\"}"),
        scrape);
  }

  @Test
  void theHealthEndpointShowsTheCcrStore() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    var health = new ObjectMapper().readTree(response.body());
    assertEquals("UP", health.at("/components/headroomCcr/status").asText(), response.body());
    assertEquals("memory", health.at("/components/headroomCcr/details/store").asText());
  }

  @Test
  void theLibraryPageShowsTheExampleVerbatim() throws Exception {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    String page = Files.readString(root.resolve("docs/library.md"));
    for (var source :
        List.of(
            List.of(
                "headroom-spring-boot-starter/src/test/java/dev/headroom/spring/example/SpringExample.java",
                "// tag::spring[]\n",
                "// end::spring[]"),
            List.of(
                "headroom-spring-boot-starter/src/test/resources/application.properties",
                "# tag::properties[]\n",
                "# end::properties[]"))) {
      String text = Files.readString(root.resolve(source.get(0)));
      String snippet =
          text.substring(
                  text.indexOf(source.get(1)) + source.get(1).length(), text.indexOf(source.get(2)))
              .stripTrailing();
      assertTrue(
          page.contains(snippet),
          "docs/library.md must contain the region of " + source.get(0) + " verbatim");
    }
  }
}
