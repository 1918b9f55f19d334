package dev.headroom.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import dev.headroom.client.FakeUpstream;
import dev.headroom.client.HeadroomClient;
import dev.headroom.compress.LiveZoneOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI Java SDK against a local fake provider, once as built and once with the one-line
 * drop-in: a tool-calling conversation sends fewer bytes, gets the same answer, and keeps every
 * byte before the newest tool output.
 */
class HeadroomOpenAITest {

  /** The fake model answers with the failed order it finds in what it was sent. */
  private static final Pattern FAILED = Pattern.compile("(ord_\\d+)[^{}\\n]*FAILED");

  private static final String SSE_CHUNK =
      "data: {\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,"
          + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}\n\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static FakeUpstream upstream;
  private static final List<PipelineEvent> EVENTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    upstream =
        new FakeUpstream(
            body -> {
              if (body.isEmpty()) {
                return new String[] {"application/json", "{\"object\":\"list\",\"data\":[]}"};
              }
              Matcher failed = FAILED.matcher(body.replace("\\\"", "\""));
              String answer = failed.find() ? failed.group(1) + " failed" : "no failure found";
              if (body.contains("\"stream\":true")) {
                return new String[] {
                  "text/event-stream",
                  String.format(SSE_CHUNK, answer)
                      + "data: {\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[],"
                      + "\"usage\":{\"prompt_tokens\":321,\"completion_tokens\":4,\"total_tokens\":325}}\n\ndata: [DONE]\n\n"
                };
              }
              return new String[] {
                "application/json",
                "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                    + answer
                    + "\",\"refusal\":null},"
                    + "\"finish_reason\":\"stop\",\"logprobs\":null}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}"
              };
            });
  }

  @AfterAll
  static void stop() {
    upstream.close();
  }

  static String orders() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      boolean failed = i == 217;
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"ord_")
          .append(100000 + i)
          .append("\",\"customer\":\"cus_")
          .append(7000 + i % 40)
          .append("\",\"total\":")
          .append(10 + i % 90)
          .append(".50,\"status\":\"")
          .append(failed ? "FAILED" : "shipped")
          .append("\",\"note\":\"")
          .append(failed ? "card_declined: insufficient funds" : "ok")
          .append("\"}");
    }
    return json.append(']').toString();
  }

  static ChatCompletionCreateParams.Builder conversation() {
    return ChatCompletionCreateParams.builder()
        .model("gpt-4o")
        .addSystemMessage("You are terse.")
        .addUserMessage("Which order failed and why?")
        .addMessage(
            ChatCompletionAssistantMessageParam.builder()
                .addToolCall(
                    ChatCompletionMessageFunctionToolCall.builder()
                        .id("call_1")
                        .function(
                            ChatCompletionMessageFunctionToolCall.Function.builder()
                                .name("list_orders")
                                .arguments("{}")
                                .build())
                        .build())
                .build())
        .addMessage(
            ChatCompletionToolMessageParam.builder()
                .toolCallId("call_1")
                .content(orders())
                .build());
  }

  private OpenAIClient plain() {
    return OpenAIOkHttpClient.builder()
        .apiKey("sk-test")
        .baseUrl(upstream.baseUrl() + "/v1")
        .maxRetries(0)
        .build();
  }

  private OpenAIClient withHeadroom() {
    HeadroomClient headroom =
        HeadroomClient.builder()
            .discoverExtensions(false)
            .liveZoneOptions(LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30)))
            .extension(
                new PipelineExtension() {
                  @Override
                  public String id() {
                    return "recorder";
                  }

                  @Override
                  public PipelineEvent onEvent(PipelineEvent event) {
                    EVENTS.add(event);
                    return event;
                  }
                })
            .build();
    // The one line a user changes (docs/library.md):
    return OpenAIExample.client("sk-test", upstream.baseUrl() + "/v1", headroom);
  }

  @Test
  void aToolCallingConversationSendsFewerBytesForTheSameAnswerWithTheCachedPrefixIntact() {
    String plainAnswer =
        plain()
            .chat()
            .completions()
            .create(conversation().build())
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();
    byte[] plainBody = upstream.last();
    String answer =
        withHeadroom()
            .chat()
            .completions()
            .create(conversation().build())
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();
    byte[] sent = upstream.last();

    assertEquals("ord_100217 failed", plainAnswer);
    assertEquals(plainAnswer, answer);
    assertTrue(
        sent.length < plainBody.length,
        "sent " + sent.length + " of " + plainBody.length + " bytes");
    int liveZone =
        new String(plainBody, StandardCharsets.ISO_8859_1).indexOf("[{\\\"id\\\":\\\"ord_100000");
    assertTrue(liveZone > 0);
    assertArrayEquals(
        Arrays.copyOf(plainBody, liveZone),
        Arrays.copyOf(sent, liveZone),
        "bytes before the live zone changed");
  }

  @Test
  void streamingStillYieldsEveryChunkAndReportsTheFinalUsage() {
    EVENTS.clear();
    String text;
    try (StreamResponse<ChatCompletionChunk> stream =
        withHeadroom().chat().completions().createStreaming(conversation().build())) {
      text =
          stream.stream()
              .flatMap(chunk -> chunk.choices().stream())
              .map(choice -> choice.delta().content().orElse(""))
              .collect(Collectors.joining());
    }

    assertEquals("ord_100217 failed", text);
    assertTrue(new String(upstream.last(), StandardCharsets.UTF_8).contains("\"stream\":true"));
    PipelineEvent received =
        EVENTS.stream()
            .filter(e -> e.stage() == PipelineStage.RESPONSE_RECEIVED)
            .findFirst()
            .orElseThrow();
    assertEquals(
        Map.of("prompt_tokens", 321L, "completion_tokens", 4L, "total_tokens", 325L),
        received.metadata().get("usage"));
    assertEquals(
        List.of(
            PipelineStage.SETUP,
            PipelineStage.INPUT_RECEIVED,
            PipelineStage.INPUT_ROUTED,
            PipelineStage.INPUT_COMPRESSED,
            PipelineStage.INPUT_REMEMBERED,
            PipelineStage.PRE_SEND,
            PipelineStage.POST_SEND,
            PipelineStage.RESPONSE_RECEIVED),
        EVENTS.stream().map(PipelineEvent::stage).toList());
  }

  @Test
  void theAsyncClientIsCompressedToo() {
    int before = conversation().build().toString().length();
    String answer =
        withHeadroom()
            .async()
            .chat()
            .completions()
            .create(conversation().build())
            .join()
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();

    assertEquals("ord_100217 failed", answer);
    assertTrue(upstream.last().length < before / 4, "sent " + upstream.last().length + " bytes");
  }

  @Test
  void theNextTurnCarriesTheToolOutputAsTheSameCompressedBytes() throws IOException {
    OpenAIClient client = withHeadroom();
    String answer =
        client
            .chat()
            .completions()
            .create(conversation().build())
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();
    JsonNode first = JSON.readTree(upstream.last());
    client
        .chat()
        .completions()
        .create(
            conversation()
                .addMessage(ChatCompletionAssistantMessageParam.builder().content(answer).build())
                .addUserMessage("Refund it.")
                .build());
    JsonNode second = JSON.readTree(upstream.last());

    JsonNode sentToolOutput = first.get("messages").get(3).get("content");
    assertTrue(sentToolOutput.asText().length() < orders().length(), "turn 1 compressed it");
    for (int i = 0; i < first.get("messages").size(); i++) {
      assertEquals(
          first.get("messages").get(i),
          second.get("messages").get(i),
          "message " + i + " goes as it went on turn 1");
    }
  }

  @Test
  void callsThatAreNotCompletionsPassThrough() {
    upstream.bodies.clear();
    withHeadroom().models().list();
    assertEquals(1, upstream.bodies.size());
    assertEquals(0, upstream.last().length);
  }

  @Test
  void docsShowTheExampleVerbatim() throws IOException {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    String text =
        Files.readString(
            root.resolve("headroom-openai/src/test/java/dev/headroom/openai/OpenAIExample.java"));
    String start = "// tag::openai[]\n";
    String snippet =
        text.substring(text.indexOf(start) + start.length(), text.indexOf("// end::openai[]"))
            .stripTrailing();
    assertTrue(
        Files.readString(root.resolve("docs/library.md")).contains(snippet),
        "docs/library.md must contain the openai region of headroom-openai/src/test/java/dev/headroom/openai/OpenAIExample.java verbatim");
  }
}
