package dev.headroom.proxy.internal.retrieval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.compress.ProviderApi;
import dev.headroom.pipeline.stream.SseEvent;
import dev.headroom.pipeline.stream.SseFramer;
import dev.headroom.pipeline.stream.StreamFormat;
import dev.headroom.pipeline.stream.StreamSummary;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Retrieval for a streamed request that carries the proxy's tool. Events are relayed as they come
 * until the first tool call starts; from there they are held. If the stream ends having called only
 * {@code headroom_retrieve}, the held events are dropped, the proxy answers the calls and relays
 * the continuation's stream into the same client stream, renumbered by the {@link StreamFormat} (up
 * to {@value RetrievalLoop#MAX_ROUNDS} rounds); otherwise the held events are written out
 * unchanged. The final answer is never buffered, and the {@link #summary()} covers every round.
 * Used from one event loop.
 */
@API(status = INTERNAL, since = "0.1")
public final class StreamedRetrievals {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the client's stream goes. */
  @API(status = INTERNAL, since = "0.1")
  public interface ClientStream {

    /**
     * @param bytes the next bytes of the client's stream
     */
    void write(Buffer bytes);

    /**
     * @param failure {@code null} when the stream is complete, else why it was cut
     */
    void done(Throwable failure);
  }

  private final Vertx vertx;
  private final RetrievalLoop loop;
  private final ProviderApi api;
  private final String scope;
  private final UpstreamSender sender;
  private final StreamFormat format;
  private final List<SseEvent> held = new ArrayList<>();
  private ClientStream client;
  private byte[] sent;
  private boolean holding;
  private int round;

  StreamedRetrievals(
      Vertx vertx,
      RetrievalLoop loop,
      ProviderApi api,
      String scope,
      byte[] sent,
      UpstreamSender sender) {
    this.vertx = vertx;
    this.loop = loop;
    this.api = api;
    this.scope = scope;
    this.sent = sent;
    this.sender = sender;
    this.format = StreamFormat.of(api);
  }

  /**
   * @return whether a response to a request with this body is handled here
   */
  static boolean applies(ProviderApi api, HttpClientResponse up, byte[] sent) {
    String type = up.getHeader("content-type");
    return up.statusCode() == 200
        && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")
        && up.getHeader("content-encoding") == null
        && RetrieveTools.carries(sent, api);
  }

  /**
   * Relays the first round's stream, and whatever rounds follow, into the client's stream.
   *
   * @param up the first round's response
   * @param client the client's stream
   */
  public void relay(HttpClientResponse up, ClientStream client) {
    this.client = client;
    relay(up);
  }

  private void relay(HttpClientResponse up) {
    SseFramer framer = new SseFramer(this::onEvent, SseFramer.DEFAULT_MAX_EVENT_BYTES);
    up.handler(chunk -> framer.accept(chunk.getBytes()));
    up.exceptionHandler(client::done);
    up.endHandler(v -> endOfRound());
  }

  private void onEvent(SseEvent event) {
    JsonNode data = format.accept(event);
    if (!holding && format.startsToolCall(data)) {
      holding = true;
    }
    if (holding) {
      held.add(event);
      format.observe(data, false);
      return;
    }
    format.observe(data, true);
    if (round == 0 || data.isMissingNode()) {
      write(event);
      return;
    }
    JsonNode mapped = format.inContinuation(data);
    if (mapped != null) {
      write(new SseEvent(event.event(), mapped == data ? event.data() : mapped.toString()));
    }
  }

  private void endOfRound() {
    if (!holding || round >= RetrievalLoop.MAX_ROUNDS) {
      flush();
      return;
    }
    JsonNode reply = format.reply();
    byte[] request = sent;
    vertx
        .executeBlocking(
            () ->
                Continuations.next(
                    api,
                    request,
                    JSON.writeValueAsBytes(reply),
                    hash -> loop.original(hash, scope)),
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
    sender
        .send(Buffer.buffer(next))
        .onComplete(
            answered -> {
              if (answered.failed() || !applies(api, answered.result(), next)) {
                if (answered.succeeded()) {
                  answered.result().request().reset();
                }
                flush(); // the continuation failed: the client gets the model's call as it was
                return;
              }
              loop.counted();
              round++;
              sent = next;
              held.clear();
              holding = false;
              format.nextRound();
              relay(answered.result());
            });
  }

  /**
   * @return what the upstream streams said, all rounds together: usage summed (each round is
   *     billed), the model of the first round that named one, id and status of the last round
   */
  public StreamSummary summary() {
    return format.summary();
  }

  private void flush() {
    held.forEach(this::write);
    held.clear();
    client.done(null);
  }

  private void write(SseEvent event) {
    StringBuilder out = new StringBuilder();
    if (!event.event().isEmpty()) {
      out.append("event: ").append(event.event()).append('\n');
    }
    for (String line : event.data().split("\n", -1)) {
      out.append("data: ").append(line).append('\n');
    }
    client.write(Buffer.buffer(out.append('\n').toString()));
  }
}
