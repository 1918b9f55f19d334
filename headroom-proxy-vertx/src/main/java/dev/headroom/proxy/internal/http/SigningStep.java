package dev.headroom.proxy.internal.http;

import dev.headroom.api.PipelineStage;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.PipelineResult;
import dev.headroom.pipeline.Provider;
import dev.headroom.proxy.internal.bedrock.BedrockSigning;
import dev.headroom.proxy.internal.wire.ForwardHeaders;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The step of an exchange whose request carries an AWS SigV4 signature (Bedrock): the signature
 * covers the body and the {@code Host}, so either the request goes as it came, with the client's
 * {@code Host} ({@code signed_passthrough}, and why), or — re-signing on and credentials at hand —
 * it runs through the pipeline and is signed again by the gateway for the upstream's {@code Host}.
 * Resolving credentials may block and signing hashes the body: both run on a worker.
 */
final class SigningStep {

  private static final Logger LOG = System.getLogger(SigningStep.class.getName());

  private final ProxyServices services;
  private final HttpServerRequest req;
  private final RequestContext ctx;
  private final UpstreamCall upstream;
  private final PipelineStep pipeline;
  private final ExchangeStages stages;
  private final ExchangeOutcome outcome;
  private final Supplier<MultiMap> upstreamHeaders;
  private final Consumer<PipelineStep.Prepared> send;

  SigningStep(
      ProxyServices services,
      HttpServerRequest req,
      RequestContext ctx,
      UpstreamCall upstream,
      PipelineStep pipeline,
      ExchangeStages stages,
      ExchangeOutcome outcome,
      Supplier<MultiMap> upstreamHeaders,
      Consumer<PipelineStep.Prepared> send) {
    this.services = services;
    this.req = req;
    this.ctx = ctx;
    this.upstream = upstream;
    this.pipeline = pipeline;
    this.stages = stages;
    this.outcome = outcome;
    this.upstreamHeaders = upstreamHeaders;
    this.send = send;
  }

  /**
   * @return whether the request carries a SigV4 signature (Bedrock API keys come as a bearer token
   *     and carry none); if so, the client's {@code Host} is what the upstream will get unless the
   *     gateway signs again
   */
  boolean signed() {
    boolean signed =
        ctx.provider == Provider.BEDROCK && BedrockSigning.isSigV4(req.getHeader("authorization"));
    if (signed) {
      // The signature covers the Host the client connected to (this proxy): wherever the client's
      // signature is forwarded, that Host goes with it, or no one could verify it.
      upstream.host(clientHost());
    }
    return signed;
  }

  /**
   * Never blocks.
   *
   * @return why the request must go as it came — then counted and logged as {@code
   *     signed_passthrough} — or empty when {@link #resign} may take it
   */
  Optional<String> passthrough() {
    Optional<String> reason = services.bedrock().passthroughReason();
    reason.ifPresent(this::signedPassthrough);
    return reason;
  }

  /**
   * Credentials first, then the pipeline, then the signature over what is sent.
   *
   * @param received the body as received
   */
  void resign(byte[] received) {
    Buffer body = BodyReader.wrap(received);
    services
        .vertx()
        .executeBlocking(() -> services.bedrock().credentials(), false)
        .onComplete(
            resolved -> {
              if (outcome.finished()) {
                return;
              }
              Optional<AwsCredentialsIdentity> identity =
                  resolved.succeeded() ? resolved.result() : Optional.empty();
              if (identity.isEmpty()) {
                signedPassthrough(BedrockSigning.NO_CREDENTIALS);
                asItCame(body);
                return;
              }
              pipeline.run(
                  received,
                  upstreamHeaders.get(),
                  req.getHeader("x-headroom-session-id"),
                  prepared -> signAndSend(identity.get(), prepared, body));
            });
  }

  /**
   * Signs what the pipeline prepared — changed or not, so the upstream always sees the gateway's
   * identity and its own {@code Host} — and sends it; retrieval continuations are signed the same
   * way. If signing fails, the client's bytes go with the client's signature.
   */
  private void signAndSend(
      AwsCredentialsIdentity identity, PipelineStep.Prepared prepared, Buffer received) {
    URI base = services.upstreams().base(ctx.provider, req.uri()).orElseThrow();
    String method = req.method().name();
    String uri = req.uri();
    MultiMap unsigned = prepared.headers();
    Function<Buffer, Future<BedrockSigning.Signed>> signing =
        body ->
            services
                .vertx()
                .executeBlocking(
                    () ->
                        services
                            .bedrock()
                            .sign(identity, method, base, uri, unsigned, body.getBytes()),
                    false);
    signing
        .apply(prepared.body())
        .onComplete(
            signed -> {
              if (outcome.finished()) {
                return;
              }
              if (signed.failed()) {
                LOG.log(
                    Level.WARNING,
                    "request "
                        + ctx.requestId
                        + ": signing the Bedrock request again failed; it goes as it came",
                    signed.cause());
                ctx.unaccount();
                signedPassthrough(BedrockSigning.SIGNING_FAILED);
                send.accept(new PipelineStep.Prepared(upstreamHeaders.get(), received, false));
                return;
              }
              ctx.signedByGateway = true;
              services.metrics().resigned(ctx.route.label());
              upstream.host(signed.result().host());
              upstream.signer(body -> signing.apply(body).map(BedrockSigning.Signed::headers));
              send.accept(
                  new PipelineStep.Prepared(
                      signed.result().headers(), prepared.body(), prepared.rewritten()));
            });
  }

  /** The body was read but no credentials resolve: sent as it came (no extension saw it). */
  private void asItCame(Buffer body) {
    ctx.bytesIn = body.length();
    MultiMap headers = upstreamHeaders.get();
    if (services.responses().wants(PipelineStage.POST_SEND)
        || services.responses().wants(PipelineStage.RESPONSE_RECEIVED)) {
      PipelineRequest bare =
          pipeline.request(new byte[0], 0, ForwardHeaders.singleValued(headers), "");
      stages.sent(bare, PipelineResult.unchanged(bare));
    }
    send.accept(new PipelineStep.Prepared(headers, body, false));
  }

  private void signedPassthrough(String reason) {
    ctx.decision = "signed_passthrough";
    ctx.passthroughReason = reason;
    services.metrics().signedPassthrough(ctx.route.label(), reason);
  }

  /** The {@code Host} the client sent (HTTP/2: its {@code :authority}). */
  private String clientHost() {
    String host = req.getHeader("host");
    if (host == null && req.authority() != null) {
      host = req.authority().toString();
    }
    return host;
  }
}
