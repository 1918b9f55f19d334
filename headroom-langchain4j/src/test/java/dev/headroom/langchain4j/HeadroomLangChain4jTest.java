package dev.headroom.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.client.FakeUpstream;
import dev.headroom.client.HeadroomClient;
import dev.headroom.compress.LiveZoneOptions;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's OpenAI and Anthropic chat models, blocking and streaming, with Headroom as their
 * HTTP client, against a fake provider on 127.0.0.1: an AI Service whose {@code @Tool} returns 300
 * orders sends them compressed on the tool-result turn, keeps the rest of the conversation as it
 * was, and gets the same answer as without Headroom.
 */
class HeadroomLangChain4jTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The fake model answers with the failed order it finds in what it was sent. */
  private static final Pattern FAILED = Pattern.compile("(ord_\\d+)[^{}\\n]*FAILED");

  private static final Pattern TOOL_MESSAGE = Pattern.compile("\"role\"\\s*:\\s*\"tool\"");
  private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");

  private static FakeUpstream openai;
  private static FakeUpstream anthropic;

  /** The tool of the AI Service: 300 orders, one of them FAILED. */
  static final class Orders {
    @Tool("Lists yesterday's orders")
    String listOrders() {
      StringBuilder json = new StringBuilder("[");
      for (int i = 0; i < 300; i++) {
        json.append(i == 0 ? "" : ",")
            .append("{\"id\":\"ord_")
            .append(100000 + i)
            .append("\",\"customer\":\"cus_")
            .append(7000 + i % 40)
            .append("\",\"total\":")
            .append(10 + i % 90)
            .append(".50,\"status\":\"")
            .append(i == 217 ? "FAILED" : "shipped")
            .append("\"}");
      }
      return json.append(']').toString();
    }
  }

  interface Assistant {
    String chat(String question);
  }

  private static String answerFor(String body) {
    Matcher failed = FAILED.matcher(body.replace("\\\"", "\""));
    return failed.find() ? failed.group(1) + " failed" : "no failure found";
  }

  @BeforeAll
  static void start() throws IOException {
    openai =
        new FakeUpstream(
            body -> {
              if (!TOOL_MESSAGE.matcher(body).find()) {
                return new String[] {
                  "application/json",
                  "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                      + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"listOrders\",\"arguments\":\"{}\"}}]},"
                      + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":5,\"total_tokens\":45}}"
                };
              }
              String answer = answerFor(body);
              if (STREAM.matcher(body).find()) {
                return new String[] {
                  "text/event-stream",
                  "data: {\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                      + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\""
                      + answer
                      + "\"},\"finish_reason\":null}]}\n\n"
                      + "data: {\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                      + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                      + "data: [DONE]\n\n"
                };
              }
              return new String[] {
                "application/json",
                "{\"id\":\"c2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                    + answer
                    + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":300,\"completion_tokens\":4,\"total_tokens\":304}}"
              };
            });
    anthropic =
        new FakeUpstream(
            body -> {
              if (!body.contains("\"tool_result\"")) {
                return new String[] {
                  "application/json",
                  "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                      + "\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"listOrders\",\"input\":{}}],"
                      + "\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":40,\"output_tokens\":5}}"
                };
              }
              String answer = answerFor(body);
              if (STREAM.matcher(body).find()) {
                return new String[] {
                  "text/event-stream",
                  "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"type\":\"message\","
                      + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
                      + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":300,\"output_tokens\":1}}}\n\n"
                      + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                      + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                      + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                      + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
                      + answer
                      + "\"}}\n\n"
                      + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                      + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                      + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":4}}\n\n"
                      + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"
                };
              }
              return new String[] {
                "application/json",
                "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\""
                    + answer
                    + "\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":300,\"output_tokens\":4}}"
              };
            });
  }

  @AfterAll
  static void stop() {
    openai.close();
    anthropic.close();
  }

  private static HttpClientBuilder http(boolean headroom) {
    if (!headroom) {
      return JdkHttpClient.builder();
    }
    return HeadroomLangChain4j.httpClientBuilder(headroom());
  }

  private static ChatModel openAi(boolean headroom) {
    if (headroom) {
      // The one line a user adds (docs/library.md):
      return LangChain4jExample.model("sk-test", openai.baseUrl() + "/v1", headroom());
    }
    return OpenAiChatModel.builder()
        .baseUrl(openai.baseUrl() + "/v1")
        .apiKey("sk-test")
        .modelName("gpt-4o")
        .httpClientBuilder(http(false))
        .build();
  }

  private static HeadroomClient headroom() {
    // A generous budget: a cold test JVM loads the tokenizers on the first call.
    return HeadroomClient.builder()
        .discoverExtensions(false)
        .liveZoneOptions(LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(30)))
        .build();
  }

  private static ChatModel claude(boolean headroom) {
    return AnthropicChatModel.builder()
        .baseUrl(anthropic.baseUrl() + "/v1/")
        .apiKey("sk-ant-test")
        .modelName("claude-sonnet-4-5")
        .httpClientBuilder(http(headroom))
        .build();
  }

  /** The answer, and the tool-result request as the provider received it. */
  private record Turn(String answer, JsonNode toolRequest) {}

  private static Turn askWithTool(ChatModel model, FakeUpstream upstream) throws IOException {
    int before = upstream.bodies.size();
    Assistant assistant =
        AiServices.builder(Assistant.class).chatModel(model).tools(new Orders()).build();
    String answer = assistant.chat("Which order failed yesterday?");
    assertEquals(before + 2, upstream.bodies.size(), "a tool call, then the tool's result");
    return new Turn(answer, JSON.readTree(upstream.last()));
  }

  @Test
  void anOpenAiAiServiceSendsItsToolResultCompressedAndGetsTheSameAnswer() throws IOException {
    Turn plain = askWithTool(openAi(false), openai);
    Turn compressed = askWithTool(openAi(true), openai);

    assertEquals("ord_100217 failed", plain.answer());
    assertEquals(plain.answer(), compressed.answer());
    JsonNode sentTool = compressed.toolRequest().at("/messages/2/content");
    String original = plain.toolRequest().at("/messages/2/content").asText();
    assertTrue(sentTool.asText().length() < original.length() / 2, sentTool.asText());
    assertTrue(sentTool.asText().contains("FAILED"));
    for (int i = 0; i < 2; i++) {
      assertEquals(
          plain.toolRequest().at("/messages/" + i),
          compressed.toolRequest().at("/messages/" + i),
          "message " + i + " goes as LangChain4j wrote it");
    }
  }

  @Test
  void anAnthropicAiServiceSendsItsToolResultCompressedAndGetsTheSameAnswer() throws IOException {
    Turn plain = askWithTool(claude(false), anthropic);
    Turn compressed = askWithTool(claude(true), anthropic);

    assertEquals("ord_100217 failed", plain.answer());
    assertEquals(plain.answer(), compressed.answer());
    String original = plain.toolRequest().at("/messages/2/content/0/content").asText();
    String sent = compressed.toolRequest().at("/messages/2/content/0/content").asText();
    assertTrue(sent.length() < original.length() / 2, sent);
    assertEquals(plain.toolRequest().at("/messages/1"), compressed.toolRequest().at("/messages/1"));
  }

  private static String stream(StreamingChatModel model) throws Exception {
    List<ChatMessage> conversation =
        List.of(
            UserMessage.from("Which order failed yesterday?"),
            AiMessage.from(
                ToolExecutionRequest.builder()
                    .id("call_1")
                    .name("listOrders")
                    .arguments("{}")
                    .build()),
            ToolExecutionResultMessage.from("call_1", "listOrders", new Orders().listOrders()));
    CompletableFuture<String> done = new CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    model.chat(
        conversation,
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String partial) {
            text.append(partial);
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(text.toString());
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });
    return done.get(30, TimeUnit.SECONDS);
  }

  @Test
  void streamingModelsStreamTheAnswerOfACompressedRequest() throws Exception {
    String viaOpenAi =
        stream(
            OpenAiStreamingChatModel.builder()
                .baseUrl(openai.baseUrl() + "/v1")
                .apiKey("sk-test")
                .modelName("gpt-4o")
                .httpClientBuilder(http(true))
                .build());
    assertEquals("ord_100217 failed", viaOpenAi);
    String sentToOpenAi = new String(openai.last(), StandardCharsets.UTF_8);
    assertTrue(STREAM.matcher(sentToOpenAi).find());
    assertTrue(sentToOpenAi.length() < new Orders().listOrders().length() / 2, sentToOpenAi);

    String viaClaude =
        stream(
            AnthropicStreamingChatModel.builder()
                .baseUrl(anthropic.baseUrl() + "/v1/")
                .apiKey("sk-ant-test")
                .modelName("claude-sonnet-4-5")
                .httpClientBuilder(http(true))
                .build());
    assertEquals("ord_100217 failed", viaClaude);
    assertTrue(anthropic.last().length < new Orders().listOrders().length() / 2);
  }

  @Test
  void namedAsLangChain4jsHttpClientTheFactoryPutsHeadroomInFrontOfEveryModel() throws IOException {
    String property = "langchain4j.http.clientBuilderFactory";
    String before = System.getProperty(property);
    System.setProperty(property, HeadroomHttpClientBuilderFactory.class.getName());
    try {
      ChatModel model =
          OpenAiChatModel.builder()
              .baseUrl(openai.baseUrl() + "/v1")
              .apiKey("sk-test")
              .modelName("gpt-4o")
              .build();
      Turn turn = askWithTool(model, openai);
      assertEquals("ord_100217 failed", turn.answer());
      String sent = turn.toolRequest().at("/messages/2/content").asText();
      assertTrue(sent.length() < new Orders().listOrders().length() / 2, sent);
    } finally {
      if (before == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, before);
      }
    }
  }

  @Test
  void theLibraryPageShowsTheExampleVerbatim() throws IOException {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    Path source =
        Path.of(
            "headroom-langchain4j/src/test/java/dev/headroom/langchain4j/LangChain4jExample.java");
    String text = Files.readString(root.resolve(source));
    String start = "// tag::langchain4j[]\n";
    String snippet =
        text.substring(text.indexOf(start) + start.length(), text.indexOf("// end::langchain4j[]"))
            .stripTrailing();
    assertTrue(
        Files.readString(root.resolve("docs/library.md")).contains(snippet),
        "docs/library.md must contain the langchain4j region of " + source + " verbatim");
  }
}
