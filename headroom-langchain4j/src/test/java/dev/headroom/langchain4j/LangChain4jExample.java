package dev.headroom.langchain4j;

import dev.headroom.client.HeadroomClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** The LangChain4j snippet of docs/library.md, compiled here and used by its test. */
final class LangChain4jExample {

  private LangChain4jExample() {}

  static ChatModel model(String apiKey, String baseUrl, HeadroomClient headroom) {
    // tag::langchain4j[]
    ChatModel model =
        OpenAiChatModel.builder()
            .apiKey(apiKey)
            .baseUrl(baseUrl)
            .modelName("gpt-4o")
            .httpClientBuilder(HeadroomLangChain4j.httpClientBuilder(headroom))
            .build();
    // end::langchain4j[]
    return model;
  }
}
