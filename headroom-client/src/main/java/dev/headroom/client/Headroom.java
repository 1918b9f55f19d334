package dev.headroom.client;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.compress.CcrStore;
import dev.headroom.compress.CompressOptions;
import dev.headroom.compress.Compressor;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ReplayMemory;
import dev.headroom.pipeline.Json;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.PipelineResult;
import dev.headroom.pipeline.RequestPipeline;
import dev.headroom.pipeline.RequestRewriter;
import dev.headroom.pipeline.Route;
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
 * discovered), at the request stages of {@link
 * HeadroomClient#prepare(dev.headroom.compress.ProviderApi, byte[])} ({@code INPUT_RECEIVED} to
 * {@code PRE_SEND}) with operation {@code compress}. Originals that compression drops go to {@link
 * #ccrStore()}.
 *
 * <p>Every block compressed is remembered, process-wide (an eighth of the heap, at most 64 MiB; 24
 * hours after its last use): when the same text comes again — in the history of a later call, or as
 * its newest output — it comes back as the very same compressed text, whatever the query, so a
 * conversation resent turn after turn stays one stable prefix for the provider's prompt cache.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Headroom {

  private static final CcrStore STORE = CcrStore.inMemory();
  // An explicit call wants its answer: a budget for a cold JVM, not the proxy's per-request 50 ms.
  private static final LiveZoneOptions OPTIONS =
      LiveZoneOptions.defaults().withRequestBudget(Duration.ofSeconds(10));
  private static final RequestRewriter REWRITER =
      RequestRewriter.liveZone(
          LiveZoneRewriter.create(
              Compressor.create(CompressOptions.defaults().withCcrStore(STORE)),
              OPTIONS,
              ReplayMemory.inMemory()),
          OPTIONS);
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
    PipelineRequest request =
        PipelineRequest.builder(
                "hr_compress_" + SEQUENCE.incrementAndGet(),
                "compress",
                Route.CHAT,
                Json.write(body))
            .query(query)
            .build();
    PipelineResult result =
        RequestPipeline.create(PipelineExtensions.of(extensions), REWRITER).run(request);
    Map<String, Object> sent = Json.parseObject(result.body());
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
    return new CompressedMessages(out, result.tokensBefore(), result.tokensAfter());
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
