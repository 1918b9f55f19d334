package dev.headroom.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.ProviderApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** The snippets of docs/library.md, compiled here and run by {@link LibraryExamplesTest}. */
final class LibraryExamples {

  private LibraryExamples() {}

  /** An extension of the application's own: adds up the tokens compression saved. */
  static final class SavingsCounter implements PipelineExtension {
    final AtomicLong saved = new AtomicLong();

    @Override
    public String id() {
      return "savings-counter";
    }

    @Override
    public Set<PipelineStage> stages() {
      return Set.of(PipelineStage.INPUT_COMPRESSED);
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      if (event.metadata().get("tokens_before") instanceof Number before
          && event.metadata().get("tokens_after") instanceof Number after) {
        saved.addAndGet(before.longValue() - after.longValue());
      }
      return event;
    }
  }

  static String chat(URI endpoint, String apiKey, byte[] requestBody, SavingsCounter savings)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    // tag::client[]
    HeadroomClient headroom =
        HeadroomClient.builder() // build once and share: it is thread-safe
            .extension(savings) // plus any found by ServiceLoader
            .ccrStore(CcrStore.inMemory()) // where dropped originals are kept
            .build(); // emits SETUP

    // INPUT_RECEIVED … PRE_SEND, the live-zone rewrite among them:
    Exchange exchange = headroom.prepare(ProviderApi.CHAT_COMPLETIONS, requestBody);
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .header("authorization", "Bearer " + apiKey)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.body()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    exchange.received(response.statusCode(), response.body()); // POST_SEND, RESPONSE_RECEIVED
    // end::client[]
    return new String(response.body(), UTF_8);
  }

  static List<Map<String, Object>> helper(List<Map<String, Object>> messages) {
    // tag::helper[]
    CompressedMessages result = Headroom.compress(messages, "gpt-4o", "Which order failed?");
    List<Map<String, Object>> toSend = result.messages(); // the newest tool output, smaller
    int saved = result.tokensSaved(); // tokensBefore() - tokensAfter()
    // end::helper[]
    return saved > 0 ? toSend : List.of();
  }
}
