package dev.headroom.spring.example;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot snippet of docs/library.md, compiled here and run by its test. */
@SpringBootApplication
public class SpringExample {

  /** Nothing Headroom-specific: the starter is on the class path, and that is all. */
  public static String ask(ChatModel model, String question) {
    // tag::spring[]
    ChatClient chat = ChatClient.create(model);
    String answer = chat.prompt().user(question).tools(new Orders()).call().content();
    // end::spring[]
    return answer;
  }
}
