package dev.headroom.proxy.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.compress.ProviderApi;
import dev.headroom.proxy.internal.ccr.Continuations;
import dev.headroom.proxy.internal.ccr.RetrieveTools;
import dev.headroom.proxy.internal.pipeline.LiveZoneRequestRewriter;
import dev.headroom.proxy.internal.sse.SseEvent;
import dev.headroom.proxy.internal.sse.SseFramer;
import dev.headroom.proxy.internal.sse.StreamSummary;
import dev.headroom.proxy.internal.sse.StreamTap;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Retrieval for a streamed request that carries the proxy's tool. Events are relayed as they come
 * until the first tool call starts; from there they are held. If the stream ends having called only
 * {@code headroom_retrieve}, the held events are dropped, the proxy answers the calls and relays
 * the continuation's stream into the same client stream, renumbered by the {@link StreamDialects
 * dialect} (up to {@value RetrievalLoop#MAX_ROUNDS} rounds); otherwise the held events are written
 * out unchanged. The final answer is never buffered. Each round's upstream stream is tapped, so the
 * {@link #summary()} covers them all.
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
  private final java.util.function.Consumer<io.vertx.core.http.HttpClientRequest> requests;
  private final ProviderApi api;
  private final StreamDialects.Dialect dialect;
  private final List<SseEvent> held = new ArrayList<>();

  /** The summaries of the rounds before the current one. */
  private final List<StreamSummary> earlier = new ArrayList<>();

  private StreamTap tap;
  private byte[] sent;
  private boolean holding;
  private int round;

  StreamedRetrievals(
      Forwarder f,
      RetrievalLoop loop,
      HttpServerResponse resp,
      RequestContext ctx,
      MultiMap headers,
      String uri,
      String scope,
      byte[] sent,
      java.util.function.Consumer<io.vertx.core.http.HttpClientRequest> requests,
      Done done) {
    this.requests = requests;
    this.f = f;
    this.loop = loop;
    this.resp = resp;
    this.ctx = ctx;
    this.headers = headers;
    this.uri = uri;
    this.scope = scope;
    this.sent = sent;
    this.done = done;
    this.api = LiveZoneRequestRewriter.apiOf(ctx.route.label()).orElseThrow();
    this.dialect = StreamDialects.of(api);
  }

  /**
   * @return whether a response to a request with this body is handled here
   */
  static boolean applies(Route route, HttpClientResponse up, byte[] sent) {
    String type = up.getHeader("content-type");
    Optional<ProviderApi> api = LiveZoneRequestRewriter.apiOf(route.label());
    return api.isPresent()
        && !"responses_ws".equals(route.label())
        && up.statusCode() == 200
        && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")
        && up.getHeader("content-encoding") == null
        && RetrieveTools.carries(sent, api.get());
  }

  void relay(HttpClientResponse up) {
    SseFramer framer = new SseFramer(this::onEvent, SseFramer.DEFAULT_MAX_EVENT_BYTES);
    StreamTap round = StreamTap.of(Forwarder.dialect(ctx.route));
    tap = round;
    up.handler(
        chunk -> {
          byte[] bytes = chunk.getBytes();
          framer.accept(bytes);
          round.accept(bytes);
        });
    up.exceptionHandler(done::done);
    up.endHandler(v -> endOfRound());
  }

  private void onEvent(SseEvent event) {
    JsonNode data = StreamDialects.parse(event);
    if (!holding && dialect.startsToolCall(data)) {
      holding = true;
    }
    if (holding) {
      held.add(event);
      dialect.observe(data, false);
      return;
    }
    dialect.observe(data, true);
    if (round == 0 || data.isMissingNode()) {
      write(event);
      return;
    }
    JsonNode mapped = dialect.inContinuation(data);
    if (mapped != null) {
      write(new SseEvent(event.event(), mapped == data ? event.data() : mapped.toString()));
    }
  }

  private void endOfRound() {
    if (!holding || round >= RetrievalLoop.MAX_ROUNDS) {
      flush();
      return;
    }
    JsonNode reply = dialect.reply();
    byte[] request = sent;
    f.vertx
        .executeBlocking(
            () ->
                Continuations.next(
                    api, request, JSON.writeValueAsBytes(reply), hash -> loop.answer(hash, scope)),
            false)
        .onComplete(
            next -> {
              if (next.failed() || next.result().isEmpty()) {
                flush();
                return;
              }
              continueWith(next.result().get());
            });
  }

  private void continueWith(byte[] next) {
    f.client
        .request(f.upstreams.http(ctx.provider, HttpMethod.POST, uri, headers))
        .compose(
            request -> {
              requests.accept(
                  request); // a timeout or a client that leaves resets the continuation too
              return request.send(Buffer.buffer(next));
            })
        .onComplete(
            answered -> {
              if (answered.failed() || !applies(ctx.route, answered.result(), next)) {
                if (answered.succeeded()) {
                  answered.result().request().reset();
                }
                flush(); // the continuation failed: the client gets the model's call as it was
                return;
              }
              loop.counted();
              earlier.add(tap.summary());
              round++;
              sent = next;
              held.clear();
              holding = false;
              dialect.nextRound();
              relay(answered.result());
            });
  }

  /**
   * @return what the upstream streams said, all rounds together: usage summed (each round is
   *     billed), the model of the first round that named one, id and status of the last round
   */
  StreamSummary summary() {
    List<StreamSummary> rounds = new ArrayList<>(earlier);
    if (tap != null) {
      rounds.add(tap.summary());
    }
    Map<String, Long> usage = new LinkedHashMap<>();
    String model = "";
    long events = 0;
    for (StreamSummary one : rounds) {
      one.usage().forEach((name, count) -> usage.merge(name, count, Long::sum));
      model = model.isEmpty() ? one.model() : model;
      events += one.events();
    }
    StreamSummary last =
        rounds.isEmpty()
            ? StreamTap.of(Forwarder.dialect(ctx.route)).summary()
            : rounds.get(rounds.size() - 1);
    return new StreamSummary(
        last.dialect(),
        last.id(),
        model,
        last.status(),
        last.terminated(),
        Map.copyOf(usage),
        events);
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
}
