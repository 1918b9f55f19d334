package dev.headroom.client;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.client.internal.Json;
import dev.headroom.client.internal.Prepared;
import dev.headroom.client.internal.RequestStages;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * One call, no client: compress the live zone of a conversation held as plain Java values.
 *
 * <p>The messages are Chat Completions shaped ({@code role}, {@code content}, {@code tool_call_id}
 * …); the live zone is the latest {@code role: tool} output and the latest user text, exactly as
 * for a {@link HeadroomClient} or the proxy. Only the extensions passed in run (nothing is
 * discovered), at {@code INPUT_RECEIVED}, {@code INPUT_ROUTED} and {@code INPUT_COMPRESSED} with
 * operation {@code compress}. Originals that compression drops go to {@link #ccrStore()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Headroom {

  private static final CcrStore STORE = CcrStore.inMemory();
  private static final LiveZoneRewriter REWRITER =
      LiveZoneRewriter.create(
          Compressor.create(CompressOptions.defaults().withCcrStore(STORE)),
          // An explicit call wants its answer: a budget for a cold JVM, not the proxy's per-request
          // 50 ms.
          LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(10)));
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Headroom() {}

  /**
   * @param messages the conversation (not modified)
   * @param model the model it is for; it chooses the tokenizer
   * @param query the user's question, or {@code ""} to take the latest user text of the
   *     conversation
   * @param extensions extensions to run, in their (order, id) order
   * @return the compressed conversation and token counts
   * @throws IllegalArgumentException when a message holds something JSON cannot represent
   */
  public static CompressedMessages compress(
      List<? extends Map<String, ?>> messages,
      String model,
      String query,
      PipelineExtension... extensions) {
    Objects.requireNonNull(messages, "messages must not be null");
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(query, "query must not be null");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", model);
    body.put("messages", messages);
    RequestStages stages =
        new RequestStages(PipelineExtensions.of(extensions), REWRITER, "compress");
    CompressContext context =
        CompressContext.defaults()
            .withQuery(query)
            .withModel(model.isBlank() ? CompressContext.DEFAULT_MODEL : model);
    Prepared prepared =
        stages.run(
            ProviderApi.CHAT_COMPLETIONS,
            Json.write(body),
            Map.of(),
            context,
            "hr_compress_" + SEQUENCE.incrementAndGet(),
            false);
    Map<String, Object> sent = Json.parseObject(prepared.body());
    List<Map<String, Object>> out = new ArrayList<>();
    if (sent != null && sent.get("messages") instanceof List<?> list) {
      for (Object message : list) {
        if (message instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> typed = (Map<String, Object>) map;
          out.add(typed);
        }
      }
    }
    return new CompressedMessages(out, prepared.tokensBefore(), prepared.tokensAfter());
  }

  /**
   * Same as {@link #compress(List, String, String, PipelineExtension...)} with no extensions.
   *
   * @param messages the conversation (not modified)
   * @param model the model it is for
   * @param query the user's question, or {@code ""}
   * @return the compressed conversation and token counts
   */
  public static CompressedMessages compress(
      List<? extends Map<String, ?>> messages, String model, String query) {
    return compress(messages, model, query, new PipelineExtension[0]);
  }

  /**
   * @return where {@link #compress} keeps the originals it drops, for retrieval by hash
   */
  public static CcrStore ccrStore() {
    return STORE;
  }
}
