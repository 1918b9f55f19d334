package dev.headroom.proxy.internal.pipeline;

import static dev.headroom.api.PipelineStage.INPUT_COMPRESSED;
import static dev.headroom.api.PipelineStage.INPUT_RECEIVED;
import static dev.headroom.api.PipelineStage.INPUT_REMEMBERED;
import static dev.headroom.api.PipelineStage.INPUT_ROUTED;
import static dev.headroom.api.PipelineStage.PRE_SEND;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The request half of the pipeline: {@code INPUT_RECEIVED}, {@code INPUT_ROUTED}, the {@link
 * RequestRewriter rewrite}, {@code INPUT_COMPRESSED}, {@code INPUT_REMEMBERED}, {@code PRE_SEND}.
 * Synchronous; callers run it on a worker thread, and only when {@link #active()}. The payload is
 * built only when an extension subscribes to a request stage; a changed payload is re-serialised
 * once, compactly.
 */
@API(status = INTERNAL, since = "0.1")
public final class RequestPipeline {

  private static final Logger LOG = System.getLogger(RequestPipeline.class.getName());
  private static final PipelineStage[] BEFORE_REWRITE = {INPUT_RECEIVED, INPUT_ROUTED};
  private static final PipelineStage[] AFTER_REWRITE = {
    INPUT_COMPRESSED, INPUT_REMEMBERED, PRE_SEND
  };

  private final PipelineExtensions extensions;
  private final RequestRewriter rewriter;
  private final long decodeLimit;
  private final boolean wantsPayload;

  /**
   * @param extensions the extensions
   * @param rewriter the live-zone rewrite, or the identity
   * @param decodeLimit largest decoded body inspected
   */
  public RequestPipeline(
      PipelineExtensions extensions, RequestRewriter rewriter, long decodeLimit) {
    this.extensions = Objects.requireNonNull(extensions, "extensions must not be null");
    this.rewriter = Objects.requireNonNull(rewriter, "rewriter must not be null");
    this.decodeLimit = decodeLimit;
    boolean any = false;
    for (PipelineStage stage : BEFORE_REWRITE) {
      any |= extensions.wants(stage);
    }
    for (PipelineStage stage : AFTER_REWRITE) {
      any |= extensions.wants(stage);
    }
    this.wantsPayload = any;
  }

  /**
   * @return whether {@link #run} can change anything; when not, callers skip the worker hop
   */
  public boolean active() {
    return wantsPayload || !rewriter.isIdentity();
  }

  /**
   * @param bodyBytes the body's length as received
   * @param encoded whether it carries a content-encoding (its decoded size is then unknown)
   * @return whether running the pipeline on this body can change anything
   */
  public boolean worthRunning(int bodyBytes, boolean encoded) {
    return wantsPayload
        || !rewriter.isIdentity() && (encoded || bodyBytes >= rewriter.minBodyBytes());
  }

  /**
   * @return the extensions, for the response-side stages
   */
  public PipelineExtensions extensions() {
    return extensions;
  }

  /**
   * Runs the request stages. Never throws for extension or rewriter failures (fail-open).
   *
   * @param in the request
   * @return the decision
   */
  public Outbound run(Inbound in) {
    byte[] decoded = BodyDecoding.decode(in.contentEncoding(), in.body(), decodeLimit);
    if (decoded == null) {
      LOG.log(
          Level.DEBUG,
          () -> "request " + in.requestId() + ": body not decodable, pipeline skipped");
      return Outbound.UNCHANGED;
    }
    Map<String, Object> parsed = wantsPayload ? JsonBodies.parseObject(decoded) : null;
    PipelineEvent event =
        PipelineEvent.builder(INPUT_RECEIVED, in.operation())
            .requestId(in.requestId())
            .provider(in.provider())
            .model(modelOf(parsed))
            .payload(parsed == null ? Map.of() : parsed)
            .headers(in.headers())
            .metadata(Map.of("route", in.route(), "body_bytes", in.body().length))
            .build();
    Map<String, Object> unchanged = event.payload();
    event = emitAll(BEFORE_REWRITE, event);
    byte[] current = decoded;
    boolean mutated = false;
    if (parsed != null && event.payload() != unchanged) {
      current = JsonBodies.write(event.payload());
      unchanged = event.payload();
      mutated = true;
    }
    Rewrite rewrite = rewrite(in, current);
    byte[] rewritten = rewrite.body();
    if (!rewrite.blocks().isEmpty()) {
      event =
          event
              .withMetadata("tokens_before", rewrite.tokensBefore())
              .withMetadata("tokens_after", rewrite.tokensAfter())
              .withMetadata("blocks", rewrite.blocks());
    }
    if (rewritten != current) {
      current = rewritten;
      mutated = true;
      Map<String, Object> reparsed = wantsPayload ? JsonBodies.parseObject(rewritten) : null;
      if (reparsed != null) {
        event = event.withPayload(reparsed);
        unchanged = event.payload();
      }
    }
    event = emitAll(AFTER_REWRITE, event);
    if (parsed != null && event.payload() != unchanged) {
      current = JsonBodies.write(event.payload());
      mutated = true;
    }
    Map<String, String> headers = event.headers().equals(in.headers()) ? null : event.headers();
    return new Outbound(
        mutated ? current : null,
        headers,
        event.model(),
        rewrite.tokensBefore(),
        rewrite.tokensAfter(),
        rewrite.blocks(),
        rewrite.nanos());
  }

  private PipelineEvent emitAll(PipelineStage[] stages, PipelineEvent event) {
    PipelineEvent current = event;
    for (PipelineStage stage : stages) {
      if (extensions.wants(stage)) {
        current = extensions.emit(stage, current);
      }
    }
    return current;
  }

  private Rewrite rewrite(Inbound in, byte[] body) {
    if (rewriter.isIdentity()) {
      return Rewrite.unchanged(body);
    }
    try {
      Rewrite result =
          rewriter.rewrite(
              new RewriteRequest(
                  in.route(),
                  in.provider(),
                  body,
                  in.scope(),
                  in.headers().getOrDefault("x-headroom-session-id", "")));
      return result == null ? Rewrite.unchanged(body) : result;
    } catch (RuntimeException | LinkageError | StackOverflowError failure) {
      LOG.log(
          Level.WARNING,
          "request "
              + in.requestId()
              + ": rewrite failed ("
              + failure.getClass().getName()
              + "); forwarding the original body");
      return Rewrite.unchanged(body);
    }
  }

  private static String modelOf(Map<String, Object> payload) {
    return payload != null && payload.get("model") instanceof String model ? model : "";
  }
}
