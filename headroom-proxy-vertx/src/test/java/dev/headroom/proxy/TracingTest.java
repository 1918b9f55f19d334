package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Traces: one span tree per exchange — the exchange ({@code SERVER}, continuing the caller's {@code
 * traceparent}), the body read, the pipeline, the provider call ({@code CLIENT}, with the GenAI
 * semantic-convention attributes) and the relay — with what Headroom saved on the exchange.
 */
class TracingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GENEROUS = Duration.ofSeconds(10);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_SPAN = "00f067aa0ba902b7";

  /** Keeps every span it is given, in memory. */
  private static final class Collected implements SpanExporter {
    final List<SpanData> spans = new CopyOnWriteArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAll(batch);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  @Test
  void anExchangeIsOneSpanTreeWithTheGenAiAttributesAndTheSaving() throws Exception {
    Collected collected = new Collected();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(collected)).build();
    try (ProxyFixture fx =
        ProxyFixture.asConfigured(b -> b.compressionBudget(GENEROUS).tracerProvider(provider))) {
      fx.openai.respond(
          (request, body) ->
              request
                  .response()
                  .putHeader("content-type", "application/json")
                  .end(
                      "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[],"
                          + "\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":30,"
                          + "\"prompt_tokens_details\":{\"cached_tokens\":400}}}"));
      String body =
          "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Which order failed?\"},"
              + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":"
              + JSON.writeValueAsString(LiveZoneCompressionTest.orders())
              + "}]}";

      Tests.Reply reply =
          fx.post(
              "/v1/chat/completions",
              body,
              "authorization",
              "Bearer sk-trace",
              "traceparent",
              "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01");

      assertEquals(200, reply.status());
      assertTrue(Tests.eventually(() -> collected.spans.size() >= 6), "spans: " + collected.spans);
      Map<String, SpanData> byName =
          collected.spans.stream()
              .collect(Collectors.toMap(SpanData::getName, Function.identity()));
      SpanData exchange = byName.get("POST chat");
      assertEquals(SpanKind.SERVER, exchange.getKind());
      assertEquals(TRACE_ID, exchange.getTraceId(), "the caller's trace goes on");
      assertEquals(PARENT_SPAN, exchange.getParentSpanId());
      assertEquals(
          Long.parseLong(reply.headers().get("x-headroom-tokens-saved")),
          exchange.getAttributes().get(AttributeKey.longKey("headroom.tokens.saved")));
      assertEquals(
          "compressed", exchange.getAttributes().get(AttributeKey.stringKey("headroom.decision")));
      assertEquals(
          200L, exchange.getAttributes().get(AttributeKey.longKey("http.response.status_code")));

      SpanData upstream = byName.get("chat gpt-4o");
      assertEquals(SpanKind.CLIENT, upstream.getKind());
      assertEquals("openai", upstream.getAttributes().get(AttributeKey.stringKey("gen_ai.system")));
      assertEquals(
          "gpt-4o", upstream.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")));
      assertEquals(
          1200L, upstream.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")));
      assertEquals(
          30L, upstream.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")));

      for (String name :
          List.of("headroom.receive", "headroom.pipeline", "chat gpt-4o", "headroom.relay")) {
        SpanData child = byName.get(name);
        assertEquals(exchange.getSpanId(), child.getParentSpanId(), name + " inside the exchange");
        assertTrue(
            child.getStartEpochNanos() >= exchange.getStartEpochNanos()
                && child.getEndEpochNanos() <= exchange.getEndEpochNanos(),
            name + " within the exchange's time");
      }
      SpanData compression = byName.get("headroom.compression");
      SpanData pipelineSpan = byName.get("headroom.pipeline");
      assertEquals(pipelineSpan.getSpanId(), compression.getParentSpanId());
      assertTrue(
          compression.getStartEpochNanos() >= pipelineSpan.getStartEpochNanos()
              && compression.getEndEpochNanos() <= pipelineSpan.getEndEpochNanos(),
          "the compression within the pipeline's time");
      assertTrue(compression.getEndEpochNanos() > compression.getStartEpochNanos());
      SpanData receive = byName.get("headroom.receive");
      SpanData pipeline = byName.get("headroom.pipeline");
      SpanData relay = byName.get("headroom.relay");
      assertTrue(receive.getEndEpochNanos() <= pipeline.getStartEpochNanos());
      assertTrue(pipeline.getEndEpochNanos() <= upstream.getStartEpochNanos());
      assertTrue(upstream.getEndEpochNanos() <= relay.getStartEpochNanos());
    } finally {
      provider.shutdown();
    }
  }

  @Test
  void anOtlpEndpointThatIsNotAnHttpUrlIsRefused() {
    IllegalArgumentException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> ProxyOptions.builder().otlpEndpoint("collector:4318"));
    assertTrue(refused.getMessage().contains("http(s) URL"), refused.getMessage());
  }
}
