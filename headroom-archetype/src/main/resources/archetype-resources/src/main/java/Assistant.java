package ${package};

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.stereotype.Service;

/** Answers questions about orders with the chat model, which may call {@link OrderTools}. */
@Service
public class Assistant {

  private final ChatClient chat;

  public Assistant(ChatModel model) {
    this.chat = ChatClient.create(model);
  }

  public String ask(String question) {
    return chat.prompt().user(question).tools(new OrderTools()).call().content();
  }
}
