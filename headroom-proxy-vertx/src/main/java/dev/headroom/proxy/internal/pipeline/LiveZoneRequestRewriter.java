package dev.headroom.proxy.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.LiveZoneOptions;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** Plugs headroom-compress's live-zone rewrite into the request path, per route. */
@API(status = INTERNAL, since = "0.1")
public final class LiveZoneRequestRewriter implements RequestRewriter {

  private final LiveZoneRewriter rewriter;

  /**
   * @param rewriter the pure rewrite, shared by every request
   */
  public LiveZoneRequestRewriter(LiveZoneRewriter rewriter) {
    this.rewriter = rewriter;
  }

  @Override
  public Rewrite rewrite(RewriteRequest request) {
    Optional<ProviderApi> api = apiOf(request.route());
    if (api.isEmpty()) {
      return Rewrite.unchanged(request.body());
    }
    LiveZoneResult result = rewriter.rewrite(request.body(), api.get(), CompressContext.defaults().withScope(request.scope()));
    List<Map<String, Object>> blocks = new ArrayList<>(result.blocks().size());
    for (BlockDecision block : result.blocks()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", block.path());
      entry.put("outcome", block.outcome());
      entry.put("content_type", block.contentType().name().toLowerCase(java.util.Locale.ROOT));
      entry.put("strategy", block.strategy());
      entry.put("bytes_before", block.bytesBefore());
      entry.put("bytes_after", block.bytesAfter());
      entry.put("tokens_before", block.tokensBefore());
      entry.put("tokens_after", block.tokensAfter());
      blocks.add(entry);
    }
    return result.changed()
        ? new Rewrite(result.body(), result.tokensBefore(), result.tokensAfter(), blocks)
        : new Rewrite(request.body(), 0, 0, blocks);
  }

  /** A body shorter than the smallest block the rewrite compresses cannot hold one. */
  @Override
  public int minBodyBytes() {
    return LiveZoneOptions.defaults().minBlockBytes();
  }

  @Override
  public void warmUp() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      lines.append("2026-01-01T00:00:").append(i % 60).append("Z INFO request ").append(i).append(" served in ").append(i % 17).append(" ms\n");
    }
    String output = new String(JsonStringEncoder.getInstance().quoteAsString(lines.toString()));
    // One model per tokenizer (o200k_base, cl100k_base, the Anthropic estimate), a few rounds so the
    // hot paths are compiled before the first real request: about a second at start-up.
    for (int round = 0; round < 10; round++) {
      warmUpOnce(output);
    }
  }

  private void warmUpOnce(String output) {
    for (String model : new String[] {"gpt-4o", "gpt-4", "claude-sonnet-4-5"}) {
      String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"why?\"},"
          + "{\"role\":\"tool\",\"tool_call_id\":\"w\",\"content\":\"" + output + "\"}]}";
      rewriter.rewrite(body.getBytes(StandardCharsets.UTF_8), ProviderApi.CHAT_COMPLETIONS, CompressContext.defaults());
    }
  }

  /**
   * The routes whose body has a live zone; count_tokens is left alone so counts stay honest.
   *
   * @param route a route label
   * @return its request format, when it has a live zone
   */
  public static Optional<ProviderApi> apiOf(String route) {
    return switch (route) {
      case "chat" -> Optional.of(ProviderApi.CHAT_COMPLETIONS);
      case "messages" -> Optional.of(ProviderApi.ANTHROPIC_MESSAGES);
      case "responses", "responses_ws" -> Optional.of(ProviderApi.RESPONSES);
      default -> Optional.empty();
    };
  }
}
