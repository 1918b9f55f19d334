package dev.headroom.client.internal;

import static dev.headroom.api.PipelineStage.INPUT_COMPRESSED;
import static dev.headroom.api.PipelineStage.INPUT_RECEIVED;
import static dev.headroom.api.PipelineStage.INPUT_ROUTED;
import static dev.headroom.api.PipelineStage.PRE_SEND;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.CompressContext;
import dev.headroom.compress.LiveZoneResult;
import dev.headroom.compress.LiveZoneRewriter;
import dev.headroom.compress.ProviderApi;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The request half of the in-process pipeline, with the proxy's semantics: INPUT_RECEIVED and
 * INPUT_ROUTED see the body as given, a payload an extension returns replaces the body
 * (re-serialised compactly) before the live-zone rewrite, INPUT_COMPRESSED and PRE_SEND see the
 * rewritten body, and a payload returned there is what is sent. Fail-open throughout.
 */
@API(status = INTERNAL, since = "0.1")
public final class RequestStages {

  private static final Logger LOG = System.getLogger(RequestStages.class.getName());
  private static final PipelineStage[] BEFORE_REWRITE = {INPUT_RECEIVED, INPUT_ROUTED};
  private static final PipelineStage[] AFTER_REWRITE = {INPUT_COMPRESSED, PRE_SEND};

  private final PipelineExtensions extensions;
  private final LiveZoneRewriter rewriter;
  private final String operation;

  /**
   * @param extensions the extensions
   * @param rewriter the live-zone rewrite, or {@code null} for none
   * @param operation the events' operation, {@code sdk.request} or {@code compress}
   */
  public RequestStages(PipelineExtensions extensions, LiveZoneRewriter rewriter, String operation) {
    this.extensions = extensions;
    this.rewriter = rewriter;
    this.operation = operation;
  }

  /**
   * @param api the request format
   * @param body the body as the caller built it (not modified)
   * @param headers request headers, names in lower case
   * @param context the compression context (scope, query)
   * @param requestId the request id
   * @param emitPreSend whether to emit PRE_SEND (the one-call helper does not)
   * @return the decision
   */
  public Prepared run(
      ProviderApi api,
      byte[] body,
      Map<String, String> headers,
      CompressContext context,
      String requestId,
      boolean emitPreSend) {
    Map<String, Object> parsed = Json.parseObject(body);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("api_style", api.name().toLowerCase(Locale.ROOT));
    metadata.put("stream", parsed != null && Boolean.TRUE.equals(parsed.get("stream")));
    metadata.put("mode", "optimize");
    metadata.put("body_bytes", body.length);
    PipelineEvent event =
        PipelineEvent.builder(INPUT_RECEIVED, operation)
            .requestId(requestId)
            .provider(providerOf(api))
            .model(modelOf(parsed))
            .payload(parsed == null ? Map.of() : parsed)
            .headers(headers)
            .metadata(metadata)
            .build();
    Map<String, Object> unchanged = event.payload();
    event = emitAll(BEFORE_REWRITE, event);
    byte[] current = body;
    if (parsed != null && event.payload() != unchanged) {
      current = Json.write(event.payload());
    }
    LiveZoneResult result = rewrite(api, current, context, requestId);
    event =
        event
            .withMetadata("tokens_before", result.tokensBefore())
            .withMetadata("tokens_after", result.tokensAfter())
            .withMetadata("blocks", result.blocks().stream().map(BlockDecision::toMap).toList());
    if (result.changed()) {
      current = result.body();
      Map<String, Object> reparsed = Json.parseObject(current);
      if (reparsed != null) {
        event = event.withPayload(reparsed);
      }
    }
    unchanged = event.payload();
    event = emitAll(emitPreSend ? AFTER_REWRITE : new PipelineStage[] {INPUT_COMPRESSED}, event);
    if (parsed != null && event.payload() != unchanged) {
      current = Json.write(event.payload());
    }
    Map<String, Object> sent = event.payload();
    return new Prepared(
        current,
        event.headers(),
        sent.get("model") instanceof String m ? m : event.model(),
        Boolean.TRUE.equals(sent.get("stream")),
        result.tokensBefore(),
        result.tokensAfter(),
        result.blocks(),
        result.reason());
  }

  private PipelineEvent emitAll(PipelineStage[] stages, PipelineEvent event) {
    PipelineEvent current = event;
    for (PipelineStage stage : stages) {
      current = extensions.emit(stage, current);
    }
    return current;
  }

  private LiveZoneResult rewrite(
      ProviderApi api, byte[] body, CompressContext context, String requestId) {
    if (rewriter == null) {
      return new LiveZoneResult(body, false, List.of(), "disabled");
    }
    try {
      return rewriter.rewrite(body, api, context);
    } catch (RuntimeException | LinkageError | StackOverflowError failure) {
      LOG.log(
          Level.WARNING,
          "request "
              + requestId
              + ": live-zone rewrite failed ("
              + failure.getClass().getName()
              + "); sending the body uncompressed");
      return new LiveZoneResult(body, false, List.of(), "rewrite_failed");
    }
  }

  /**
   * @param api the request format
   * @return the provider wire name
   */
  public static String providerOf(ProviderApi api) {
    return api == ProviderApi.ANTHROPIC_MESSAGES ? "anthropic" : "openai";
  }

  private static String modelOf(Map<String, Object> payload) {
    return payload != null && payload.get("model") instanceof String model ? model : "";
  }
}
