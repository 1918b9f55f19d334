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
import dev.headroom.compress.ScannedRewrite;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
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
    if (!wantsPayload) {
      return begin(request).finish();
    }
    boolean compress = !rewriter.isIdentity() && request.route().api().isPresent();
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

  /**
   * {@link #run} in two steps, split where its cost changes: this one reads the body and replays
   * what was compressed before ({@link RequestRewriter#scan}); {@link Pending#finish()} does the
   * rest — compressing, and the extensions' stages, whose code may block. {@code
   * begin(request).finish()} is {@code run(request)}. Fail-open like {@link #run}.
   *
   * @param request the request
   * @return the pipeline begun, to finish once, on any thread
   */
  public Pending begin(PipelineRequest request) {
    if (wantsPayload) {
      return new Pending(true, () -> run(request));
    }
    boolean compress = !rewriter.isIdentity() && request.route().api().isPresent();
    if (!compress) {
      PipelineResult unchanged =
          new PipelineResult(request.body(), request.headers(), "", false, List.of(), 0, 0);
      return new Pending(false, () -> unchanged);
    }
    long started = System.nanoTime();
    ScannedRewrite<Rewrite> scanned;
    boolean compresses;
    try {
      scanned = Objects.requireNonNull(rewriter.scan(request, request.body()), "scanned");
      compresses = scanned.compresses();
    } catch (RuntimeException | LinkageError | StackOverflowError failure) {
      PipelineResult unchanged = result(request, failedOpen(request, failure), started);
      return new Pending(false, () -> unchanged);
    }
    return new Pending(
        compresses,
        () -> {
          Rewrite rewrite;
          try {
            rewrite = scanned.finish();
          } catch (RuntimeException | LinkageError | StackOverflowError failure) {
            rewrite = failedOpen(request, failure);
          }
          return result(
              request, rewrite == null ? Rewrite.unchanged(request.body()) : rewrite, started);
        });
  }

  private static PipelineResult result(PipelineRequest request, Rewrite rewrite, long started) {
    return new PipelineResult(
        rewrite.body(),
        request.headers(),
        rewrite.model(),
        false,
        rewrite.blocks(),
        rewrite.nanos(),
        started);
  }

  /**
   * A request pipeline begun ({@link #begin}): what is left to run, and whether it belongs on a
   * worker thread.
   */
  public static final class Pending {
    private final boolean blocking;
    private final Supplier<PipelineResult> rest;

    private Pending(boolean blocking, Supplier<PipelineResult> rest) {
      this.blocking = blocking;
      this.rest = rest;
    }

    /**
     * @return whether {@link #finish()} compresses or runs extensions: work for a worker thread;
     *     {@code false} when it only splices replayed blocks and accounts, which an event loop may
     *     do
     */
    public boolean blocking() {
      return blocking;
    }

    /**
     * @return what {@link RequestPipeline#run} returns; call once
     */
    public PipelineResult finish() {
      return rest.get();
    }
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
      return failedOpen(request, body, failure);
    }
  }

  private static Rewrite failedOpen(PipelineRequest request, Throwable failure) {
    return failedOpen(request, request.body(), failure);
  }

  private static Rewrite failedOpen(PipelineRequest request, byte[] body, Throwable failure) {
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
