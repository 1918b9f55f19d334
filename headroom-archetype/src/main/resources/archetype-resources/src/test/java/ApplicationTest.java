package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.headroom.client.HeadroomClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application against a fake OpenAI on 127.0.0.1 that first calls the tool, then answers with
 * the failed order it finds in what it was sent.
 */
@SpringBootTest(properties = {"spring.ai.openai.api-key=sk-test", "headroom.budget=30s"})
class ApplicationTest {

  private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  private static final Pattern FAILED = Pattern.compile("(ord_[0-9]+)[^{}]*FAILED");
  private static final HttpServer FAKE_OPENAI = start();

  @Autowired Assistant assistant;
  @Autowired HeadroomClient headroom; // made by the starter: the test fails to start without one

  private static HttpServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(body);
            String message;
            if (!body.contains("\"role\":\"tool\"")) {
              message =
                  "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
                      + "\"type\":\"function\",\"function\":{\"name\":\"listOrders\",\"arguments\":\"{}\"}}]}";
            } else {
              Matcher failed = FAILED.matcher(body.replace("\\\"", "\""));
              String answer = failed.find() ? failed.group(1) + " failed" : "no failure found";
              message = "{\"role\":\"assistant\",\"content\":\"" + answer + "\"}";
            }
            byte[] out =
                ("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                        + "\"choices\":[{\"index\":0,\"message\":"
                        + message
                        + ",\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
              stream.write(out);
            }
          });
      server.start();
      return server;
    } catch (IOException failed) {
      throw new IllegalStateException(failed);
    }
  }

  @DynamicPropertySource
  static void openAi(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.ai.openai.base-url",
        () -> "http://127.0.0.1:" + FAKE_OPENAI.getAddress().getPort() + "/v1");
  }

  @AfterAll
  static void stop() {
    FAKE_OPENAI.stop(0);
  }

  @Test
  void theToolOutputReachesTheProviderCompressedAndTheAnswerIsRight() {
    assertEquals("ord_100217 failed", assistant.ask("Which order failed yesterday?"));

    assertEquals(2, RECEIVED.size(), "a tool call, then the tool's result");
    String toolOutput = new OrderTools().listOrders();
    String sent = RECEIVED.get(1);
    assertTrue(
        sent.length() < toolOutput.length() / 2,
        "the 300 orders went compressed: " + sent.length() + " bytes");
    assertTrue(sent.contains("ord_100217"), sent);
  }
}
