package dev.headroom.proxy.internal.compressapi;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.compress.BlockDecision;
import dev.headroom.compress.ProtectedTools;
import dev.headroom.compress.ProviderApi;
import dev.headroom.pipeline.PipelineRequest;
import dev.headroom.pipeline.PipelineResult;
import dev.headroom.pipeline.Provider;
import dev.headroom.pipeline.RequestPipeline;
import dev.headroom.pipeline.Route;
import dev.headroom.proxy.internal.ops.AccessLog;
import dev.headroom.proxy.internal.ops.ProxyMetrics;
import dev.headroom.proxy.internal.stats.Ledger;
import dev.headroom.proxy.internal.stats.Sample;
import dev.headroom.proxy.internal.wire.ErrorBodies;
import dev.headroom.proxy.internal.wire.ForwardHeaders;
import dev.headroom.proxy.internal.wire.RequestIds;
import dev.headroom.proxy.internal.wire.Scopes;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * {@code POST /v1/compress}: compression without a provider call, wire-compatible with the original
 * project's endpoint that other gateways (LiteLLM's and Portkey's Headroom guardrails, 9router)
 * call before they forward a request themselves.
 *
 * <p>Body {@code {"messages":[…], "model":"…", "token_budget"?: int, "config"?: {…}}}; the messages
 * are Chat Completions shaped or Anthropic shaped and come back in the same shape, count and order,
 * with the live zone compressed exactly as the gateway would compress it on its chat or messages
 * route: the current turn's tool outputs fresh, blocks an earlier call of the same credential
 * compressed replayed byte for byte (so the caller's next request keeps the provider's prompt
 * cache), protected tools left alone. User text is compressed only with {@code
 * config.compress_user_messages: true}, as in the original. Answer {@code {"messages",
 * "tokens_before", "tokens_after", "tokens_saved", "compression_ratio" (after / before),
 * "transforms_applied", "transforms_summary", "ccr_hashes"}}; originals of what was dropped are
 * retrievable with the same credential under {@code GET /v1/retrieve/{hash}}.
 */
@API(status = INTERNAL, since = "0.1")
public final class CompressEndpoint {

  /** The path. */
  public static final String PATH = "/v1/compress";

  /** The route label of its metrics and access-log lines. */
  static final String ROUTE = "compress";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MARKER = Pattern.compile("<<ccr:([0-9a-f]{8,64})");

  private final Optional<RequestPipeline> toolsOnly;
  private final Optional<RequestPipeline> withUserText;
  private final ProxyMetrics metrics;
  private final Ledger ledger;
  private final long maxBodyBytes;

  /**
   * @param toolsOnly the pipeline whose rewrite leaves user text alone, empty when compression is
   *     off
   * @param withUserText the pipeline whose rewrite compresses the latest user text too
   * @param metrics the proxy's metrics
   * @param ledger where each call's savings are booked
   * @param maxBodyBytes the largest body accepted
   */
  public CompressEndpoint(
      Optional<RequestPipeline> toolsOnly,
      Optional<RequestPipeline> withUserText,
      ProxyMetrics metrics,
      Ledger ledger,
      long maxBodyBytes) {
    this.toolsOnly = toolsOnly;
    this.withUserText = withUserText;
    this.metrics = metrics;
    this.ledger = ledger;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Answers one request: reads its body within the limit, compresses on a worker, replies.
   *
   * @param request a {@code POST} to {@link #PATH}
   */
  public void handle(HttpServerRequest request) {
    long started = System.nanoTime();
    String requestId = RequestIds.of(request.headers());
    HttpServerResponse response = request.response();
    response.putHeader("x-request-id", requestId).putHeader("content-type", "application/json");
    String length = request.getHeader("content-length");
    if (length != null && declaredLength(length) > maxBodyBytes) {
      reply(request, started, 0, tooLarge(requestId));
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] over = {false};
    request.handler(
        chunk -> {
          if (over[0]) {
            return;
          }
          if ((long) body.length() + chunk.length() > maxBodyBytes) {
            over[0] = true;
            reply(request, started, body.length(), tooLarge(requestId));
          } else {
            body.appendBuffer(chunk);
          }
        });
    request.exceptionHandler(failure -> over[0] = true);
    request.endHandler(
        v -> {
          if (over[0]) {
            return;
          }
          Map<String, String> headers = ForwardHeaders.singleValued(request.headers());
          boolean bypass = ForwardHeaders.bypass(request.headers());
          Vertx.currentContext()
              .executeBlocking(
                  () ->
                      answer(
                          body.getBytes(),
                          headers,
                          bypass,
                          ForwardHeaders.protectedTools(request.headers()),
                          requestId),
                  false)
              .onComplete(
                  done ->
                      reply(
                          request,
                          started,
                          body.length(),
                          done.succeeded()
                              ? done.result()
                              : new Answer(
                                  503,
                                  ErrorBodies.of(
                                      Provider.OPENAI,
                                      "compression_error",
                                      "the messages could not be compressed",
                                      requestId),
                                  null)));
        });
  }

  /** A reply: its status, its body, and what the pipeline did (when it ran). */
  record Answer(int status, Buffer body, PipelineResult result) {}

  Answer answer(
      byte[] body,
      Map<String, String> headers,
      boolean bypass,
      ProtectedTools protectedTools,
      String requestId) {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (IOException malformed) {
      tree = null;
    }
    if (tree == null || !tree.isObject()) {
      return invalid("Invalid JSON in request body.", requestId);
    }
    JsonNode messages = tree.get("messages");
    if (messages == null || messages.isNull()) {
      return invalid("Missing required field: messages", requestId);
    }
    if (!messages.isArray()) {
      return invalid("messages must be an array of message objects", requestId);
    }
    for (JsonNode message : messages) {
      if (!message.isObject()) {
        return invalid("messages must be an array of message objects", requestId);
      }
    }
    JsonNode model = tree.get("model");
    if (model == null || model.isNull() || model.isTextual() && model.asText().isBlank()) {
      return invalid("Missing required field: model", requestId);
    }
    if (!model.isTextual()) {
      return invalid("model must be a string", requestId);
    }
    JsonNode budget = tree.get("token_budget");
    if (budget != null && !budget.isNull() && !(budget.canConvertToInt() && budget.asInt() > 0)) {
      return invalid("token_budget must be a positive integer", requestId);
    }
    JsonNode config = tree.get("config");
    if (config != null && !config.isNull() && !config.isObject()) {
      return invalid("config must be an object", requestId);
    }
    JsonNode userMessages = config == null ? null : config.get("compress_user_messages");
    if (userMessages != null && !userMessages.isNull() && !userMessages.isBoolean()) {
      return invalid("config.compress_user_messages must be true or false", requestId);
    }
    boolean compressUserText = userMessages != null && userMessages.asBoolean(false);
    Optional<RequestPipeline> pipeline = compressUserText ? withUserText : toolsOnly;
    if (bypass || pipeline.isEmpty() || messages.isEmpty()) {
      return new Answer(200, success(messages, null, body), null);
    }
    ProviderApi api = formatOf(messages);
    ObjectNode request = JSON.createObjectNode();
    request.set("model", model);
    request.set("messages", messages);
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(request);
    } catch (JsonProcessingException impossible) {
      return invalid("messages could not be read", requestId);
    }
    PipelineRequest pipelineRequest =
        PipelineRequest.builder(requestId, ROUTE, Route.of(api), bytes)
            .receivedBytes(body.length)
            .headers(headers)
            .scope(Scopes.of(headers))
            .protectedTools(protectedTools)
            .build();
    PipelineResult result = pipeline.get().run(pipelineRequest);
    JsonNode sent;
    try {
      sent = JSON.readTree(result.body()).get("messages");
    } catch (IOException | RuntimeException unreadable) {
      sent = null;
    }
    if (sent == null || !sent.isArray() || sent.size() != messages.size()) {
      // An extension replaced the conversation with something else: what the caller sent is safe.
      return new Answer(200, success(messages, null, body), result);
    }
    return new Answer(200, success(sent, result, body), result);
  }

  /**
   * Anthropic-shaped when a message holds {@code tool_use} or {@code tool_result} blocks, else Chat
   * Completions.
   */
  static ProviderApi formatOf(JsonNode messages) {
    for (JsonNode message : messages) {
      JsonNode content = message.get("content");
      if (content != null && content.isArray()) {
        for (JsonNode block : content) {
          String type = block.path("type").asText("");
          if (type.equals("tool_use") || type.equals("tool_result")) {
            return ProviderApi.ANTHROPIC_MESSAGES;
          }
        }
      }
    }
    return ProviderApi.CHAT_COMPLETIONS;
  }

  private Buffer success(JsonNode messages, PipelineResult result, byte[] received) {
    ObjectNode answer = JSON.createObjectNode();
    answer.set("messages", messages);
    int before = result != null && result.compressed() ? result.tokensBefore() : 0;
    int after = result != null && result.compressed() ? result.tokensAfter() : 0;
    answer.put("tokens_before", before);
    answer.put("tokens_after", after);
    answer.put("tokens_saved", before - after);
    answer.put("compression_ratio", before > 0 ? (double) after / before : 1.0);
    ArrayNode applied = answer.putArray("transforms_applied");
    ObjectNode summary = answer.putObject("transforms_summary");
    ArrayNode hashes = answer.putArray("ccr_hashes");
    if (result != null && result.compressed()) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (BlockDecision block : result.blocks()) {
        if (block.compressed()) {
          String transform =
              (block.replayed() ? "replayed:" : "")
                  + block.contentType().name().toLowerCase(Locale.ROOT)
                  + (block.strategy().isEmpty() ? "" : ":" + block.strategy());
          counts.merge(transform, 1, Integer::sum);
        }
      }
      counts.keySet().forEach(applied::add);
      counts.forEach(summary::put);
      markers(result.body(), received).forEach(hashes::add);
    }
    try {
      return Buffer.buffer(JSON.writeValueAsBytes(answer));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("a tree of our own always serialises", impossible);
    }
  }

  /** The retrieval hashes in what is sent that the caller did not send itself. */
  private static Set<String> markers(byte[] sent, byte[] received) {
    Set<String> theirs = new LinkedHashSet<>();
    Matcher before = MARKER.matcher(new String(received, StandardCharsets.UTF_8));
    while (before.find()) {
      theirs.add(before.group(1));
    }
    Set<String> ours = new LinkedHashSet<>();
    Matcher after = MARKER.matcher(new String(sent, StandardCharsets.UTF_8));
    while (after.find()) {
      if (!theirs.contains(after.group(1))) {
        ours.add(after.group(1));
      }
    }
    return ours;
  }

  private static Answer invalid(String message, String requestId) {
    return new Answer(
        400, ErrorBodies.of(Provider.OPENAI, "invalid_request", message, requestId), null);
  }

  private Answer tooLarge(String requestId) {
    return new Answer(
        413,
        ErrorBodies.of(
            Provider.OPENAI,
            "request_too_large",
            "the request body is larger than this proxy accepts (--max-body-bytes)",
            requestId),
        null);
  }

  private void reply(HttpServerRequest request, long started, long bytesIn, Answer answer) {
    HttpServerResponse response = request.response();
    if (response.ended()) {
      return;
    }
    PipelineResult result = answer.result();
    if (result != null) {
      if (!result.blocks().isEmpty()) {
        metrics.liveZone(result.blocks(), result.compressNanos());
      }
      if (result.compressed()) {
        metrics.replayedBytes(result.blocks());
        response.putHeader("x-headroom-tokens-before", Integer.toString(result.tokensBefore()));
        response.putHeader("x-headroom-tokens-after", Integer.toString(result.tokensAfter()));
        response.putHeader(
            "x-headroom-tokens-saved",
            Integer.toString(result.tokensBefore() - result.tokensAfter()));
      }
    }
    long overhead = System.nanoTime() - started;
    response.putHeader("x-headroom-overhead-ms", RequestIds.millis(overhead));
    if (answer.status() == 413) {
      response.putHeader("connection", "close");
    }
    response.setStatusCode(answer.status()).end(answer.body());
    metrics.request(ROUTE, answer.status(), bytesIn, answer.body().length(), overhead, 0);
    boolean compressed = result != null && result.compressed();
    ledger.record(
        new Sample(
            ROUTE,
            result == null ? "" : result.model(),
            Scopes.of(request.headers(), null),
            compressed ? result.tokensBefore() : 0,
            compressed ? result.tokensAfter() : 0,
            compressed ? result.replayedTokensBefore() - result.replayedTokensAfter() : 0,
            0,
            0,
            0,
            0));
    if (AccessLog.enabled()) {
      StringBuilder line =
          new StringBuilder(160)
              .append("event=compress request_id=")
              .append(response.headers().get("x-request-id"))
              .append(" status=")
              .append(answer.status())
              .append(" bytes_in=")
              .append(bytesIn)
              .append(" bytes_out=")
              .append(answer.body().length())
              .append(" overhead_ms=")
              .append(RequestIds.millis(overhead));
      if (result != null && result.compressed()) {
        line.append(" tokens_before=")
            .append(result.tokensBefore())
            .append(" tokens_after=")
            .append(result.tokensAfter());
      }
      if (result != null) {
        AccessLog.appendBlocks(line, result.blocks());
      }
      AccessLog.write(line.toString());
    }
  }

  private static long declaredLength(String header) {
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException bad) {
      return -1;
    }
  }
}
