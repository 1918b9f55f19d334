package dev.headroom.pipeline;

import static dev.headroom.api.PipelineStage.INPUT_COMPRESSED;
import static dev.headroom.api.PipelineStage.INPUT_RECEIVED;
import static dev.headroom.api.PipelineStage.INPUT_REMEMBERED;
import static dev.headroom.api.PipelineStage.INPUT_ROUTED;
import static dev.headroom.api.PipelineStage.PRE_SEND;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import dev.headroom.compress.BlockDecision;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The request half of the pipeline, the same for the gateway and the in-process client: {@code
 * INPUT_RECEIVED}, {@code INPUT_ROUTED}, the {@link RequestRewriter rewrite} (unless an extension
 * vetoed it), {@code INPUT_COMPRESSED}, {@code INPUT_REMEMBERED}, {@code PRE_SEND}.
 *
 * <p>A payload an extension returns before the rewrite replaces the body (re-serialised compactly)
 * and is what gets compressed; one returned after it is what is sent. When no extension listens to
 * a request stage, no event is built and the body is not parsed: only the rewrite runs. Synchronous
 * and fail-open: call it on a worker thread; a throwing extension or rewriter never fails it.
 * Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class RequestPipeline {

  private static final Logger LOG = System.getLogger(RequestPipeline.class.getName());
  private static final PipelineStage[] AFTER_REWRITE = {
    INPUT_COMPRESSED, INPUT_REMEMBERED, PRE_SEND
  };

  private final PipelineExtensions extensions;
  private final RequestRewriter rewriter;
  private final boolean wantsPayload;

  private RequestPipeline(PipelineExtensions extensions, RequestRewriter rewriter) {
    this.extensions = extensions;
    this.rewriter = rewriter;
    boolean any = extensions.wants(INPUT_RECEIVED) || extensions.wants(INPUT_ROUTED);
    for (PipelineStage stage : AFTER_REWRITE) {
      any |= extensions.wants(stage);
    }
    this.wantsPayload = any;
  }

  /**
   * @param extensions the extensions
   * @param rewriter the live-zone rewrite, or {@link RequestRewriter#identity()}
   * @return the pipeline
   */
  public static RequestPipeline create(PipelineExtensions extensions, RequestRewriter rewriter) {
    return new RequestPipeline(
        Objects.requireNonNull(extensions, "extensions must not be null"),
        Objects.requireNonNull(rewriter, "rewriter must not be null"));
  }

  /**
   * @return the extensions, for the response stages and the lifecycle
   */
  public PipelineExtensions extensions() {
    return extensions;
  }

  /**
   * @return the rewrite step
   */
  public RequestRewriter rewriter() {
    return rewriter;
  }

  /**
   * @return whether {@link #run} can change anything at all; when not, callers skip it
   */
  public boolean active() {
    return wantsPayload || !rewriter.isIdentity();
  }

  /**
   * @param bodyBytes the body's length as received
   * @param encoded whether it carries a content encoding (its decoded size is then unknown)
   * @return whether running the pipeline on this body can change anything
   */
  public boolean worthRunning(int bodyBytes, boolean encoded) {
    return wantsPayload
        || !rewriter.isIdentity() && (encoded || bodyBytes >= rewriter.minBodyBytes());
  }

  /**
   * Runs the request stages and the rewrite. Never throws for extension or rewriter failures.
   *
   * @param request the request
   * @return what to send, and the accounting of it
   */
  public PipelineResult run(PipelineRequest request) {
    boolean compress = !rewriter.isIdentity() && request.route().api().isPresent();
    if (!wantsPayload) {
      long started = System.nanoTime();
      Rewrite rewrite =
          compress ? rewrite(request, request.body()) : Rewrite.unchanged(request.body());
      return new PipelineResult(
          rewrite.body(),
          request.headers(),
          rewrite.model(),
          false,
          rewrite.blocks(),
          rewrite.nanos(),
          compress ? started : 0);
    }
    Map<String, Object> parsed = Json.parseObject(request.body());
    PipelineEvent event =
        PipelineEvent.builder(INPUT_RECEIVED, request.operation())
            .requestId(request.requestId())
            .provider(request.provider().wireName())
            .model(Json.modelOf(parsed))
            .payload(parsed == null ? Map.of() : parsed)
            .headers(request.headers())
            .metadata(received(request, parsed))
            .build();
    Map<String, Object> given = event.payload();
    event = emit(INPUT_RECEIVED, event);
    event = emit(INPUT_ROUTED, event.withMetadata(MetadataKeys.COMPRESS, compress));
    boolean vetoed = compress && Boolean.FALSE.equals(event.metadata().get(MetadataKeys.COMPRESS));
    byte[] current = request.body();
    if (parsed != null && event.payload() != given) {
      current = Json.write(event.payload());
    }
    long rewriteStarted = System.nanoTime();
    Rewrite rewrite = compress && !vetoed ? rewrite(request, current) : Rewrite.unchanged(current);
    event =
        event
            .withMetadata(MetadataKeys.COMPRESS, compress && !vetoed)
            .withMetadata(MetadataKeys.TOKENS_BEFORE, Blocks.tokensBefore(rewrite.blocks()))
            .withMetadata(MetadataKeys.TOKENS_AFTER, Blocks.tokensAfter(rewrite.blocks()))
            .withMetadata(
                MetadataKeys.REPLAYED_TOKENS_BEFORE, Blocks.replayedTokensBefore(rewrite.blocks()))
            .withMetadata(
                MetadataKeys.REPLAYED_TOKENS_AFTER, Blocks.replayedTokensAfter(rewrite.blocks()))
            .withMetadata(MetadataKeys.BLOCKS, Blocks.maps(rewrite.blocks()));
    if (rewrite.body() != current) {
      current = rewrite.body();
      Map<String, Object> reparsed = Json.parseObject(current);
      if (reparsed != null) {
        event = event.withPayload(reparsed);
      }
    }
    Map<String, Object> rewritten = event.payload();
    for (PipelineStage stage : AFTER_REWRITE) {
      event = emit(stage, event);
    }
    List<BlockDecision> blocks = rewrite.blocks();
    if (parsed != null && event.payload() != rewritten) {
      current = Json.write(event.payload());
      blocks = Blocks.keptIn(event.payload(), rewritten, blocks);
    }
    return new PipelineResult(
        current,
        event.headers(),
        Json.modelOf(event.payload()),
        Json.streamOf(event.payload()),
        blocks,
        rewrite.nanos(),
        compress && !vetoed ? rewriteStarted : 0);
  }

  private static Map<String, Object> received(
      PipelineRequest request, Map<String, Object> payload) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(MetadataKeys.ROUTE, request.route().label());
    metadata.put(MetadataKeys.TRANSPORT, request.transport().label());
    metadata.put(MetadataKeys.STREAM, Json.streamOf(payload));
    metadata.put(MetadataKeys.BODY_BYTES, request.receivedBytes());
    metadata.putAll(request.metadata());
    return metadata;
  }

  private PipelineEvent emit(PipelineStage stage, PipelineEvent event) {
    return extensions.wants(stage) ? extensions.emit(stage, event) : event;
  }

  private Rewrite rewrite(PipelineRequest request, byte[] body) {
    try {
      Rewrite result = rewriter.rewrite(request, body);
      return result == null ? Rewrite.unchanged(body) : result;
    } catch (RuntimeException | LinkageError | StackOverflowError failure) {
      LOG.log(
          Level.WARNING,
          "request "
              + request.requestId()
              + ": rewrite failed ("
              + failure.getClass().getName()
              + "); sending the body uncompressed");
      return Rewrite.unchanged(body);
    }
  }
}
