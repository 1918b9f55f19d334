package dev.headroom.proxy.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.headroom.proxy.FakeUpstream;
import dev.headroom.proxy.LiveZoneCompressionTest;
import dev.headroom.proxy.ProxyFixture;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI Java SDK in its Azure mode ({@code api-key}, {@code /openai/deployments/{d}/...?
 * api-version=}) through the gateway to a fake Azure resource: the newest tool output is
 * compressed, the deployment and API version reach the resource, the SDK reads the answer.
 */
class AzureOpenAiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aToolOutputSentToAnAzureDeploymentIsCompressed() throws Exception {
    Vertx providers = Vertx.vertx();
    FakeUpstream azure = FakeUpstream.start(providers);
    azure.respond(
        (request, body) ->
            request
                .response()
                .putHeader("content-type", "application/json")
                .end(
                    "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                        + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"ord_100217 failed\",\"refusal\":null},\"finish_reason\":\"stop\",\"logprobs\":null}],"
                        + "\"usage\":{\"prompt_tokens\":700,\"completion_tokens\":4,\"total_tokens\":704}}"));
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(
            b -> b.compressionBudget(Duration.ofSeconds(10)).azureOpenaiUrl(azure.url()))) {
      OpenAIClient client =
          OpenAIOkHttpClient.builder()
              .baseUrl("http://127.0.0.1:" + fx.port)
              .credential(AzureApiKeyCredential.create("azure-key-1"))
              .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2024-10-21"))
              .azureUrlPathMode(AzureUrlPathMode.LEGACY)
              .maxRetries(0)
              .build();
      ChatCompletionMessageToolCall call =
          ChatCompletionMessageToolCall.ofFunction(
              ChatCompletionMessageFunctionToolCall.builder()
                  .id("call_1")
                  .function(
                      ChatCompletionMessageFunctionToolCall.Function.builder()
                          .name("list_orders")
                          .arguments("{}")
                          .build())
                  .build());
      ChatCompletion completion =
          client
              .chat()
              .completions()
              .create(
                  ChatCompletionCreateParams.builder()
                      .model("my-gpt4o-deployment")
                      .addUserMessage("Why did ord_100217 fail?")
                      .addMessage(
                          ChatCompletionAssistantMessageParam.builder()
                              .toolCalls(List.of(call))
                              .build())
                      .addMessage(
                          ChatCompletionToolMessageParam.builder()
                              .toolCallId("call_1")
                              .content(LiveZoneCompressionTest.orders())
                              .build())
                      .build());

      assertEquals("ord_100217 failed", completion.choices().get(0).message().content().get());
      FakeUpstream.Recorded sent = azure.take();
      assertEquals(
          "/openai/deployments/my-gpt4o-deployment/chat/completions?api-version=2024-10-21",
          sent.uri());
      assertEquals("azure-key-1", sent.headers().get("api-key"));
      JsonNode tool = JSON.readTree(sent.body()).at("/messages/2/content");
      assertTrue(tool.asText().contains("card_declined"), tool.asText());
      assertTrue(tool.asText().length() < LiveZoneCompressionTest.orders().length() / 2);
    } finally {
      providers.close();
    }
  }
}
