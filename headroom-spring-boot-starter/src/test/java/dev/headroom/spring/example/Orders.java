package dev.headroom.spring.example;

import org.springframework.ai.tool.annotation.Tool;

/** The tool of the conversation: 300 orders as a JSON array, one of them FAILED. */
public class Orders {

  @Tool(description = "Lists yesterday's orders")
  public String listOrders() {
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
