package dev.headroom.proxy.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.compress.ProviderApi;
import dev.headroom.proxy.internal.ccr.Continuations;
import dev.headroom.proxy.internal.ccr.RetrieveTools;
import dev.headroom.proxy.internal.sse.SseEvent;
import dev.headroom.proxy.internal.sse.SseFramer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Retrieval for a streamed Chat Completions request that carries the proxy's tool. Events are relayed
 * as they come until the first tool-call delta; from there they are held. If the stream ends having
 * called only {@code headroom_retrieve}, the held events are dropped, the proxy answers the calls and
 * relays the continuation's stream into the same client stream (up to {@value RetrievalLoop#MAX_ROUNDS}
 * rounds); otherwise the held events are written out unchanged. The final answer is never buffered.
 */
final class StreamedRetrievals {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Told when the client stream is complete ({@code null}) or cut (the cause). */
  interface Done {
    void done(Throwable failure);
  }

  private final Forwarder f;
  private final RetrievalLoop loop;
  private final HttpServerResponse resp;
  private final RequestContext ctx;
  private final MultiMap headers;
  private final String uri;
  private final String scope;
  private final Done done;
  private final List<SseEvent> held = new ArrayList<>();
  private final Map<Integer, ObjectNode> calls = new TreeMap<>();
  private final StringBuilder text = new StringBuilder();
  private byte[] sent;
  private boolean holding;
  private int round;

  StreamedRetrievals(Forwarder f, RetrievalLoop loop, HttpServerResponse resp, RequestContext ctx, MultiMap headers,
      String uri, String scope, byte[] sent, Done done) {
    this.f = f;
    this.loop = loop;
    this.resp = resp;
    this.ctx = ctx;
    this.headers = headers;
    this.uri = uri;
    this.scope = scope;
    this.sent = sent;
    this.done = done;
  }

  /** @return whether a response to a request with this body is handled here */
  static boolean applies(Route route, HttpClientResponse up, byte[] sent) {
    String type = up.getHeader("content-type");
    return "chat".equals(route.label()) && up.statusCode() == 200 && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream") && up.getHeader("content-encoding") == null
        && RetrieveTools.carries(sent, ProviderApi.CHAT_COMPLETIONS);
  }

  void relay(HttpClientResponse up) {
    SseFramer framer = new SseFramer(this::onEvent, SseFramer.DEFAULT_MAX_EVENT_BYTES);
    up.handler(chunk -> framer.accept(chunk.getBytes()));
    up.exceptionHandler(done::done);
    up.endHandler(v -> endOfRound());
  }

  private void onEvent(SseEvent event) {
    if (holding) {
      held.add(event);
      accumulate(event);
      return;
    }
    JsonNode delta = delta(event);
    if (delta.path("tool_calls").isArray() && !delta.path("tool_calls").isEmpty()) {
      holding = true;
      held.add(event);
      accumulate(event);
      return;
    }
    if (delta.path("content").isTextual()) {
      text.append(delta.path("content").asText());
    }
    write(event);
  }

  private void accumulate(SseEvent event) {
    for (JsonNode call : delta(event).path("tool_calls")) {
      ObjectNode acc = calls.computeIfAbsent(call.path("index").asInt(0), i -> {
        ObjectNode node = JSON.createObjectNode().put("type", "function");
        node.putObject("function").put("name", "").put("arguments", "");
        return node;
      });
      if (call.path("id").isTextual()) {
        acc.put("id", call.path("id").asText());
      }
      ObjectNode function = (ObjectNode) acc.get("function");
      JsonNode part = call.path("function");
      if (part.path("name").isTextual()) {
        function.put("name", function.path("name").asText() + part.path("name").asText());
      }
      if (part.path("arguments").isTextual()) {
        function.put("arguments", function.path("arguments").asText() + part.path("arguments").asText());
      }
    }
  }

  private void endOfRound() {
    boolean onlyRetrievals = holding && !calls.isEmpty()
        && calls.values().stream().allMatch(c -> RetrieveTools.NAME.equals(c.path("function").path("name").asText()));
    if (!onlyRetrievals || round >= RetrievalLoop.MAX_ROUNDS) {
      flush();
      return;
    }
    ObjectNode reply = JSON.createObjectNode();
    ObjectNode message = reply.putArray("choices").addObject().putObject("message").put("role", "assistant");
    if (text.length() > 0) {
      message.put("content", text.toString());
    } else {
      message.putNull("content");
    }
    ArrayNode toolCalls = message.putArray("tool_calls");
    calls.values().forEach(toolCalls::add);
    byte[] request = sent;
    f.vertx.executeBlocking(() -> Continuations.next(ProviderApi.CHAT_COMPLETIONS, request,
        JSON.writeValueAsBytes(reply), hash -> loop.answer(hash, scope)), false).onComplete(next -> {
          if (next.failed() || next.result().isEmpty()) {
            flush();
            return;
          }
          continueWith(next.result());
        });
  }

  private void continueWith(Optional<byte[]> next) {
    loop.counted();
    round++;
    sent = next.get();
    f.client.request(f.upstreams.http(ctx.provider, HttpMethod.POST, uri, headers))
        .compose(request -> request.send(Buffer.buffer(sent)))
        .onComplete(answered -> {
          if (answered.failed() || !applies(ctx.route, answered.result(), sent)) {
            if (answered.succeeded()) {
              answered.result().request().reset();
            }
            flush(); // the continuation failed: the client gets the model's call as it was
            return;
          }
          held.clear();
          calls.clear();
          text.setLength(0);
          holding = false;
          relay(answered.result());
        });
  }

  private void flush() {
    held.forEach(this::write);
    held.clear();
    done.done(null);
  }

  private void write(SseEvent event) {
    StringBuilder out = new StringBuilder();
    if (!event.event().isEmpty()) {
      out.append("event: ").append(event.event()).append('\n');
    }
    for (String line : event.data().split("\n", -1)) {
      out.append("data: ").append(line).append('\n');
    }
    Buffer bytes = Buffer.buffer(out.append('\n').toString());
    ctx.bytesOut += bytes.length();
    resp.write(bytes);
  }

  private static JsonNode delta(SseEvent event) {
    if (event.data().startsWith("[DONE]")) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(event.data()).path("choices").path(0).path("delta");
    } catch (java.io.IOException | RuntimeException notJson) {
      return JSON.missingNode();
    }
  }
}
