package dev.headroom.bench.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.bench.proxy.ProxyProcess;
import dev.headroom.compress.TokenCounter;
import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.ProxyOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Replays a multi-turn agent session, built from the tool outputs of a corpus directory, once
 * straight to a simulated provider and once through the gateway, and bills both from the bytes the
 * provider received, with prompt caching as {@link Billing} models it. Prints, per request shape
 * (OpenAI Chat Completions with plain history, Anthropic Messages with the coding agents' marker
 * layout), the billed input tokens of each way, their ratio, the cache-hit share, how many of each
 * fresh tool output's needles the model saw, and whether the request structure stayed the same.
 *
 * <p>Usage: {@code SessionHarness CORPUS_DIR [TURNS] [--proxy-command CMD…]}: the corpus is the
 * output directory of {@code shared/corpus/generate.py} (see {@code run-session-bench.sh}, which
 * generates it when {@code ../shared/corpus} exists); TURNS defaults to 18. The gateway runs
 * in-process with its default options, or, with {@code --proxy-command}, as the process that
 * command starts (it is given {@code --port 0} and both upstream URLs, and must print {@code
 * listening on http://127.0.0.1:PORT}).
 */
public final class SessionHarness {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SessionHarness() {}

  /** What one way of sending a session cost and kept. */
  record Run(
      double billed, long tokens, long cacheRead, int needles, int kept, List<byte[]> bodies) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: SessionHarness CORPUS_DIR [TURNS] [--proxy-command CMD...]");
      System.exit(2);
    }
    List<Corpus.Case> cases = Corpus.read(Path.of(args[0]));
    int turns = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 18;
    int command = Arrays.asList(args).indexOf("--proxy-command");
    List<String> proxyCommand =
        command < 0 ? List.of() : Arrays.asList(args).subList(command + 1, args.length);
    Vertx vertx = Vertx.vertx();
    BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    HttpServer provider = provider(vertx, received);
    String upstream = "http://127.0.0.1:" + provider.actualPort();
    System.out.printf(
        Locale.ROOT,
        "# Session: %d turns, one corpus tool output each (%s), billed input tokens (o200k_base)%n%n",
        turns,
        args[0]);
    System.out.println(
        "| shape | direct billed | through Headroom | ratio | direct cache share | Headroom cache share "
            + "| needles seen | structure |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
    for (boolean anthropic : new boolean[] {false, true}) {
      Run direct = session(anthropic, upstream, cases, turns, received);
      Gateway gateway = Gateway.start(vertx, upstream, proxyCommand);
      Run proxied;
      try {
        proxied = session(anthropic, gateway.url(), cases, turns, received);
      } finally {
        gateway.stop();
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %,.0f | %,.0f | **%.3f** | %.2f | %.2f | %d/%d | %s |%n",
          anthropic
              ? "Anthropic Messages (cache_control on the last block)"
              : "OpenAI Chat Completions",
          direct.billed(),
          proxied.billed(),
          proxied.billed() / direct.billed(),
          (double) direct.cacheRead() / direct.tokens(),
          (double) proxied.cacheRead() / proxied.tokens(),
          proxied.kept(),
          proxied.needles(),
          sameStructure(direct.bodies(), proxied.bodies(), anthropic) ? "same" : "CHANGED");
    }
    provider.close();
    vertx.close();
  }

  private static Run session(
      boolean anthropic,
      String baseUrl,
      List<Corpus.Case> cases,
      int turns,
      BlockingQueue<byte[]> received)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Conversation conversation = new Conversation(anthropic);
    Billing billing = new Billing(anthropic, TokenCounter.forModel("gpt-4o"));
    double billed = 0;
    long tokens = 0;
    long cacheRead = 0;
    int needles = 0;
    int kept = 0;
    List<byte[]> bodies = new ArrayList<>();
    received.clear();
    for (int turn = 0; turn < turns; turn++) {
      Corpus.Case fresh = cases.get(turn % cases.size());
      byte[] body = conversation.next(fresh.query(), fresh.content());
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create(baseUrl + (anthropic ? "/v1/messages" : "/v1/chat/completions")))
              .header("content-type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (anthropic) {
        request.header("x-api-key", "sk-ant-session").header("anthropic-version", "2023-06-01");
      } else {
        request.header("authorization", "Bearer sk-session");
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "turn " + turn + ": status " + response.statusCode() + " " + response.body());
      }
      byte[] sent = received.poll(10, TimeUnit.SECONDS);
      if (sent == null) {
        throw new IllegalStateException("turn " + turn + ": the provider received nothing");
      }
      bodies.add(sent);
      Billing.Bill bill = billing.bill(sent);
      billed += bill.billed();
      tokens += bill.tokens();
      cacheRead += bill.cacheRead();
      String seen = lastToolOutput(sent, anthropic);
      for (String needle : fresh.needles()) {
        needles++;
        kept += seen.contains(needle) ? 1 : 0;
      }
      conversation.answered("Done with step " + (turn + 1) + ".");
    }
    return new Run(billed, tokens, cacheRead, needles, kept, bodies);
  }

  /** The newest tool output of a request as the provider received it. */
  private static String lastToolOutput(byte[] body, boolean anthropic) throws IOException {
    JsonNode messages = JSON.readTree(body).path("messages");
    JsonNode last = messages.get(messages.size() - 1);
    return anthropic
        ? last.path("content").get(0).path("content").asText()
        : last.path("content").asText();
  }

  /** Same messages, roles, content types and tool ids in every request: only text may differ. */
  private static boolean sameStructure(List<byte[]> direct, List<byte[]> proxied, boolean anthropic)
      throws IOException {
    for (int i = 0; i < direct.size(); i++) {
      if (!shape(JSON.readTree(direct.get(i))).equals(shape(JSON.readTree(proxied.get(i))))) {
        return false;
      }
    }
    return true;
  }

  private static String shape(JsonNode request) {
    StringBuilder shape = new StringBuilder();
    for (JsonNode message : request.path("messages")) {
      shape.append(message.path("role").asText()).append(message.path("tool_call_id").asText());
      for (JsonNode call : message.path("tool_calls")) {
        shape.append(call.path("id").asText());
      }
      for (JsonNode block : message.path("content")) {
        shape
            .append(block.path("type").asText())
            .append(block.path("id").asText())
            .append(block.path("tool_use_id").asText());
      }
      shape.append('|');
    }
    return shape.toString();
  }

  private static HttpServer provider(Vertx vertx, BlockingQueue<byte[]> received) throws Exception {
    HttpServer server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              received.add(body.getBytes());
                              boolean anthropic = request.path().startsWith("/v1/messages");
                              request
                                  .response()
                                  .putHeader("content-type", "application/json")
                                  .end(
                                      anthropic
                                          ? "{\"id\":\"msg\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                                              + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\","
                                              + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}"
                                          : "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                                              + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                                              + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}");
                            }));
    return server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The gateway under test: in-process with its defaults, or a process of its own. */
  private interface Gateway {
    String url();

    void stop() throws Exception;

    static Gateway start(Vertx vertx, String upstream, List<String> command) throws Exception {
      if (command.isEmpty()) {
        HeadroomProxy proxy =
            HeadroomProxy.create(
                vertx,
                ProxyOptions.builder()
                    .port(0)
                    .openaiApiUrl(upstream)
                    .anthropicApiUrl(upstream)
                    .build());
        int port =
            proxy.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return new Gateway() {
          @Override
          public String url() {
            return "http://127.0.0.1:" + port;
          }

          @Override
          public void stop() throws Exception {
            proxy.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
          }
        };
      }
      ProxyProcess process = ProxyProcess.start(command, upstream);
      return new Gateway() {
        @Override
        public String url() {
          return "http://127.0.0.1:" + process.port();
        }

        @Override
        public void stop() throws Exception {
          process.close();
        }
      };
    }
  }
}
