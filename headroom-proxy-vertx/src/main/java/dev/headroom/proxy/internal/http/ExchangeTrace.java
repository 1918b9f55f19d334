package dev.headroom.proxy.internal.http;

import dev.headroom.pipeline.Provider;
import dev.headroom.pipeline.Route;
import dev.headroom.pipeline.stream.Usage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.core.MultiMap;
import java.util.concurrent.TimeUnit;

/**
 * The spans of one finished exchange, written when it ends from the times its {@link
 * RequestContext} took (so no span is open across the event loop's callbacks): the exchange ({@code
 * SERVER}, a child of the caller's {@code traceparent} when it sent one) and inside it {@code
 * headroom.receive} (the body read), {@code headroom.pipeline} (the extensions' stages, with {@code
 * headroom.compression} inside it), the provider call ({@code CLIENT}, named and described by the
 * GenAI semantic conventions) and {@code headroom.relay} (the response to the client).
 */
final class ExchangeTrace {

  private static final TextMapGetter<MultiMap> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap carrier) {
          return carrier.names();
        }

        @Override
        public String get(MultiMap carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private ExchangeTrace() {}

  static void emit(
      Tracer tracer,
      RequestContext ctx,
      MultiMap requestHeaders,
      String path,
      String model,
      Usage.Tokens billed) {
    long end = System.nanoTime();
    Context parent =
        W3CTraceContextPropagator.getInstance().extract(Context.root(), requestHeaders, HEADERS);
    Span exchange =
        tracer
            .spanBuilder(ctx.method + " " + ctx.route.label())
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setStartTimestamp(epochNanos(ctx, ctx.startNanos), TimeUnit.NANOSECONDS)
            .setAttribute("http.request.method", ctx.method)
            .setAttribute("url.path", path)
            .setAttribute("http.response.status_code", (long) ctx.status)
            .setAttribute("headroom.request_id", ctx.requestId)
            .setAttribute("headroom.route", ctx.route.label())
            .setAttribute("headroom.decision", ctx.decision)
            .startSpan();
    if (!model.isEmpty()) {
      exchange.setAttribute("gen_ai.request.model", model);
    }
    if (ctx.tokensBefore > 0) {
      exchange.setAttribute("headroom.tokens.before", (long) ctx.tokensBefore);
      exchange.setAttribute("headroom.tokens.after", (long) ctx.tokensAfter);
      exchange.setAttribute("headroom.tokens.saved", (long) ctx.tokensBefore - ctx.tokensAfter);
      exchange.setAttribute("headroom.tokens.replayed_saved", (long) ctx.replayedTokensSaved);
    }
    if (!ctx.failure.isEmpty()) {
      exchange.setAttribute("headroom.failure", ctx.failure);
    }
    if (ctx.status >= 500) {
      exchange.setStatus(StatusCode.ERROR);
    }
    Context inside = parent.with(exchange);
    long bodyRead = ctx.bodyReadNanos;
    if (bodyRead > 0) {
      child(tracer, inside, "headroom.receive", ctx, ctx.startNanos, bodyRead)
          .setAttribute("headroom.bytes_in", ctx.bytesIn)
          .end(epochNanos(ctx, bodyRead), TimeUnit.NANOSECONDS);
      if (ctx.pipelineDoneNanos > 0) {
        Span pipeline =
            child(tracer, inside, "headroom.pipeline", ctx, bodyRead, ctx.pipelineDoneNanos)
                .setAttribute("headroom.blocks", (long) ctx.blocks.size());
        if (ctx.compressStartNanos > 0) {
          // The rewrite inside it; the rest of the pipeline span is the extensions' stages (and
          // the hop to a worker and back).
          long compressEnd = ctx.compressStartNanos + ctx.compressNanos;
          child(
                  tracer,
                  inside.with(pipeline),
                  "headroom.compression",
                  ctx,
                  ctx.compressStartNanos,
                  compressEnd)
              .setAttribute("headroom.decision", ctx.decision)
              .setAttribute("headroom.tokens.before", (long) ctx.tokensBefore)
              .setAttribute("headroom.tokens.after", (long) ctx.tokensAfter)
              .end(epochNanos(ctx, compressEnd), TimeUnit.NANOSECONDS);
        }
        pipeline.end(epochNanos(ctx, ctx.pipelineDoneNanos), TimeUnit.NANOSECONDS);
      }
    }
    if (ctx.sendNanos > 0) {
      long answered = ctx.responseNanos > 0 ? ctx.responseNanos : end;
      String operation = operation(ctx.route);
      Span upstream =
          tracer
              .spanBuilder(
                  operation.isEmpty()
                      ? ctx.method + " upstream"
                      : operation + (model.isEmpty() ? "" : " " + model))
              .setParent(inside)
              .setSpanKind(SpanKind.CLIENT)
              .setStartTimestamp(epochNanos(ctx, ctx.sendNanos), TimeUnit.NANOSECONDS)
              .startSpan();
      String system = system(ctx.provider);
      upstream.setAttribute("gen_ai.system", system);
      upstream.setAttribute("gen_ai.provider.name", system);
      if (!operation.isEmpty()) {
        upstream.setAttribute("gen_ai.operation.name", operation);
      }
      if (!model.isEmpty()) {
        upstream.setAttribute("gen_ai.request.model", model);
      }
      if (billed.prompt() > 0 || billed.output() > 0) {
        upstream.setAttribute("gen_ai.usage.input_tokens", billed.prompt());
        upstream.setAttribute("gen_ai.usage.output_tokens", billed.output());
        upstream.setAttribute("headroom.provider.cache_read_tokens", billed.cacheRead());
        upstream.setAttribute("headroom.provider.cache_write_tokens", billed.cacheWrite());
      }
      if (ctx.upstreamStatus > 0) {
        upstream.setAttribute("http.response.status_code", (long) ctx.upstreamStatus);
        if (ctx.upstreamStatus >= 400) {
          upstream.setStatus(StatusCode.ERROR);
        }
      }
      upstream.end(epochNanos(ctx, answered), TimeUnit.NANOSECONDS);
      if (ctx.responseNanos > 0) {
        child(tracer, inside, "headroom.relay", ctx, ctx.responseNanos, end)
            .setAttribute("headroom.bytes_out", ctx.bytesOut)
            .end(epochNanos(ctx, end), TimeUnit.NANOSECONDS);
      }
    }
    exchange.end(epochNanos(ctx, end), TimeUnit.NANOSECONDS);
  }

  private static Span child(
      Tracer tracer, Context parent, String name, RequestContext ctx, long start, long end) {
    return tracer
        .spanBuilder(name)
        .setParent(parent)
        .setSpanKind(SpanKind.INTERNAL)
        .setStartTimestamp(epochNanos(ctx, start), TimeUnit.NANOSECONDS)
        .startSpan();
  }

  /** A {@link System#nanoTime()} reading of this exchange as nanoseconds since the epoch. */
  private static long epochNanos(RequestContext ctx, long nanoTime) {
    return ctx.startEpochNanos + (nanoTime - ctx.startNanos);
  }

  /** The GenAI operation of a route, {@code ""} for the routes that are not one. */
  private static String operation(Route route) {
    return switch (route) {
      case CHAT,
          AZURE_CHAT,
          RESPONSES,
          AZURE_RESPONSES,
          MESSAGES,
          VERTEX_ANTHROPIC,
          BEDROCK_CONVERSE,
          BEDROCK_INVOKE ->
          "chat";
      case GEMINI, VERTEX_GEMINI -> "generate_content";
      default -> "";
    };
  }

  /** The GenAI semantic conventions' name of a provider. */
  private static String system(Provider provider) {
    return switch (provider) {
      case ANTHROPIC -> "anthropic";
      case AZURE_OPENAI -> "azure.ai.openai";
      case GEMINI -> "gcp.gemini";
      case VERTEX -> "gcp.vertex_ai";
      case BEDROCK -> "aws.bedrock";
      default -> "openai";
    };
  }
}
