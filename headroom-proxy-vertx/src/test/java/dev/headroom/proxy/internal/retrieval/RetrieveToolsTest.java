package dev.headroom.proxy.internal.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.compress.ProviderApi;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RetrieveToolsTest {

  @Test
  void aResponseIsWorthReadingForCallsOnlyWhenItNamesTheTool() {
    assertTrue(
        RetrieveTools.mentioned(
            bytes("{\"tool_calls\":[{\"function\":{\"name\":\"headroom_retrieve\"}}]}")));
    assertTrue(RetrieveTools.mentioned(bytes("headroom_retrieve")));
    assertFalse(
        RetrieveTools.mentioned(
            bytes("{\"choices\":[{\"message\":{\"content\":\"headroom_retriev\"}}]}")));
    assertFalse(RetrieveTools.mentioned(bytes("")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String tool(ProviderApi api) {
    return new String(RetrieveTools.definition(api), StandardCharsets.UTF_8);
  }

  private static String splice(String body, ProviderApi api) {
    return new String(
        RetrieveTools.splice(body.getBytes(StandardCharsets.UTF_8), api), StandardCharsets.UTF_8);
  }

  @Test
  void theToolIsAppendedToTheClientsToolsAndEveryOtherByteIsKept() {
    String body =
        "{\"model\":\"gpt-4o\", \"tools\": [ {\"type\":\"function\",\"function\":{\"name\":\"a\"}} ] ,\"messages\":[]}";

    assertEquals(
        "{\"model\":\"gpt-4o\", \"tools\": [ {\"type\":\"function\",\"function\":{\"name\":\"a\"}} ,"
            + tool(ProviderApi.CHAT_COMPLETIONS)
            + "] ,\"messages\":[]}",
        splice(body, ProviderApi.CHAT_COMPLETIONS));
  }

  @Test
  void anEmptyToolsArrayGetsTheToolAlone() {
    assertEquals(
        "{\"tools\":[" + tool(ProviderApi.RESPONSES) + "]}",
        splice("{\"tools\":[]}", ProviderApi.RESPONSES));
  }

  @Test
  void withoutToolsAToolsKeyIsAddedBeforeTheClosingBrace() {
    assertEquals(
        "{\"model\":\"m\",\"tools\":[" + tool(ProviderApi.ANTHROPIC_MESSAGES) + "]}\n",
        splice("{\"model\":\"m\"}\n", ProviderApi.ANTHROPIC_MESSAGES));
    assertEquals(
        "{\"tools\":[" + tool(ProviderApi.ANTHROPIC_MESSAGES) + "]}",
        splice("{}", ProviderApi.ANTHROPIC_MESSAGES));
  }

  @Test
  void withToolsGivenTwiceTheToolGoesIntoTheLastOfThem() throws Exception {
    String body = "{\"tools\":[{\"name\":\"a\"}],\"tools\":[]}";
    String spliced = splice(body, ProviderApi.ANTHROPIC_MESSAGES);

    assertTrue(
        spliced.startsWith(
            "{\"tools\":[{\"name\":\"a\"}],\"tools\":[{\"name\":\"headroom_retrieve\""));
    new ObjectMapper().readTree(spliced); // one JSON value
  }

  @Test
  void aClientThatDefinesTheToolKeepsItsOwn() {
    byte[] chat =
        "{\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\"}}]}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] anthropic =
        "{\"tools\":[{\"name\":\"headroom_retrieve\",\"input_schema\":{}}]}"
            .getBytes(StandardCharsets.UTF_8);

    assertSame(chat, RetrieveTools.splice(chat, ProviderApi.CHAT_COMPLETIONS));
    assertSame(anthropic, RetrieveTools.splice(anthropic, ProviderApi.ANTHROPIC_MESSAGES));
  }

  @Test
  void bodiesThatAreNotOneJsonObjectAreLeftAlone() {
    for (String bad :
        new String[] {"[]", "{\"a\":1", "{\"a\":1} {}", "{\"tools\":null}", "not json"}) {
      byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
      assertSame(bytes, RetrieveTools.splice(bytes, ProviderApi.CHAT_COMPLETIONS), bad);
    }
  }

  @Test
  void eachProviderGetsItsOwnSchemaWithOneRequiredHash() throws Exception {
    JsonNode chat = JSON.readTree(RetrieveTools.definition(ProviderApi.CHAT_COMPLETIONS));
    JsonNode responses = JSON.readTree(RetrieveTools.definition(ProviderApi.RESPONSES));
    JsonNode anthropic = JSON.readTree(RetrieveTools.definition(ProviderApi.ANTHROPIC_MESSAGES));

    assertEquals("headroom_retrieve", chat.path("function").path("name").asText());
    assertEquals(
        "[\"hash\"]", chat.path("function").path("parameters").path("required").toString());
    assertEquals("function", responses.path("type").asText());
    assertEquals("headroom_retrieve", responses.path("name").asText());
    assertEquals("[\"hash\"]", responses.path("parameters").path("required").toString());
    assertEquals("headroom_retrieve", anthropic.path("name").asText());
    assertEquals("[\"hash\"]", anthropic.path("input_schema").path("required").toString());
    assertTrue(
        RetrieveTools.carries(
            ("{\"tools\":[" + tool(ProviderApi.RESPONSES) + "]}").getBytes(StandardCharsets.UTF_8),
            ProviderApi.RESPONSES));
  }
}
