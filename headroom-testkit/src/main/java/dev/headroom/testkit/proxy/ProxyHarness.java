package dev.headroom.testkit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.ProxyOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * The real Headroom proxy, started in-process on a random loopback port, in front of a recording
 * upstream on another. A test sends provider requests through the proxy and inspects what the
 * upstream received:
 *
 * <pre>{@code
 * try (ProxyHarness harness = ProxyHarness.start(new AcmeRedactor())) {
 *   harness.post("/v1/chat/completions", body);
 *   assertFalse(harness.takeUpstreamRequest().bodyText().contains("sk-"));
 * }
 * }</pre>
 *
 * Using it needs {@code dev.headroom:headroom-proxy-vertx} among the test dependencies (the testkit
 * declares it optional). The upstream answers every HTTP request with {@code 200} and a small JSON
 * body, and accepts WebSocket sessions, recording each text frame and answering it with a {@code
 * response.completed} event. Every wait is bounded (10 s).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProxyHarness implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 10;

  private final Vertx vertx;
  private final HttpServer upstream;
  private final HeadroomProxy proxy;
  private final HttpClient client;
  private final WebSocketClient webSockets;
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> allRequests = new CopyOnWriteArrayList<>();

  private ProxyHarness(PipelineExtensions extensions) {
    vertx = Vertx.vertx();
    try {
      upstream =
          vertx.createHttpServer(
              new HttpServerOptions()
                  .setHost("127.0.0.1")
                  .setPort(0)
                  .setMaxWebSocketMessageSize(1 << 24));
      upstream.webSocketHandler(
          socket ->
              socket.textMessageHandler(
                  text -> {
                    frames.add(text);
                    socket.writeTextMessage(
                        "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_harness\"}}");
                  }));
      upstream.requestHandler(
          request ->
              request
                  .body()
                  .onSuccess(
                      body -> {
                        RecordedRequest recorded =
                            new RecordedRequest(
                                request.method().name(),
                                request.uri(),
                                lowerCased(request.headers()),
                                body.getBytes());
                        allRequests.add(recorded);
                        requests.add(recorded);
                        request
                            .response()
                            .putHeader("content-type", "application/json")
                            .end("{\"id\":\"resp_harness\",\"object\":\"harness\"}");
                      }));
      await(upstream.listen());
      String upstreamUrl = "http://127.0.0.1:" + upstream.actualPort();
      proxy =
          HeadroomProxy.create(
              vertx,
              ProxyOptions.builder()
                  .host("127.0.0.1")
                  .port(0)
                  .openaiApiUrl(upstreamUrl)
                  .anthropicApiUrl(upstreamUrl)
                  .extensions(extensions)
                  .build());
      await(proxy.start());
      client = vertx.createHttpClient();
      webSockets = vertx.createWebSocketClient();
    } catch (RuntimeException | AssertionError e) {
      vertx.close();
      throw e;
    }
  }

  /**
   * Starts the proxy with these extensions installed, and nothing discovered.
   *
   * @param extensions the extensions
   * @return a running harness; close it
   */
  public static ProxyHarness start(PipelineExtension... extensions) {
    return new ProxyHarness(PipelineExtensions.of(extensions));
  }

  /**
   * @return the proxy's base URL, {@code http://127.0.0.1:<port>}
   */
  public String proxyUrl() {
    return "http://127.0.0.1:" + proxy.port();
  }

  /**
   * Sends a request through the proxy and waits for the whole answer.
   *
   * @param method the HTTP method
   * @param path the path and query, for example {@code /v1/chat/completions}
   * @param headers request headers
   * @param body the exact body bytes
   * @return what the proxy answered
   */
  public HarnessResponse send(
      String method, String path, Map<String, String> headers, byte[] body) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(method))
            .setHost("127.0.0.1")
            .setPort(proxy.port())
            .setURI(path);
    headers.forEach(options::putHeader);
    return await(
        client
            .request(options)
            .compose(request -> request.send(Buffer.buffer(body)))
            .compose(
                response ->
                    response
                        .body()
                        .map(
                            answer ->
                                new HarnessResponse(
                                    response.statusCode(),
                                    lowerCased(response.headers()),
                                    answer.getBytes()))));
  }

  /**
   * POSTs a JSON body through the proxy.
   *
   * @param path for example {@code /v1/responses}
   * @param json the body, sent as UTF-8
   * @param headerNamesAndValues extra headers as name, value, name, value…
   * @return what the proxy answered
   */
  public HarnessResponse post(String path, String json, String... headerNamesAndValues) {
    if (headerNamesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("headerNamesAndValues must hold name, value pairs");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("authorization", "Bearer sk-harness-not-a-real-key");
    for (int i = 0; i < headerNamesAndValues.length; i += 2) {
      headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
    }
    return send("POST", path, headers, json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Opens a WebSocket through the proxy, sends text frames, and returns the frames the upstream
   * received, in order, once it has received as many as were sent.
   *
   * @param path for example {@code /v1/responses}
   * @param headers handshake headers, such as {@code x-headroom-bypass}
   * @param textFrames the frames to send
   * @return the frames as the upstream received them
   */
  public List<String> webSocket(String path, Map<String, String> headers, List<String> textFrames) {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost("127.0.0.1").setPort(proxy.port()).setURI(path);
    headers.forEach(options::addHeader);
    WebSocket socket = await(webSockets.connect(options));
    try {
      for (String frame : textFrames) {
        await(socket.writeTextMessage(frame));
      }
      List<String> received = new ArrayList<>();
      for (int i = 0; i < textFrames.size(); i++) {
        received.add(
            poll(
                frames,
                "the upstream received " + i + " of " + textFrames.size() + " WebSocket frames"));
      }
      return received;
    } finally {
      socket.close();
    }
  }

  /**
   * @return the next request the upstream received, waiting up to 10 s
   */
  public RecordedRequest takeUpstreamRequest() {
    return poll(requests, "the upstream received no request");
  }

  /**
   * @return every request the upstream received so far, in arrival order
   */
  public List<RecordedRequest> upstreamRequests() {
    return List.copyOf(allRequests);
  }

  /**
   * @return the proxy's metrics in Prometheus text format
   */
  public String metrics() {
    return proxy.scrapeMetrics();
  }

  @Override
  public void close() {
    try {
      await(proxy.stop());
    } finally {
      await(vertx.close());
    }
  }

  private static Map<String, List<String>> lowerCased(MultiMap headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach(
        (name, value) ->
            copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .add(value));
    copy.replaceAll((name, values) -> List.copyOf(values));
    return copy;
  }

  private static <T> T poll(BlockingQueue<T> queue, String whatFailed) {
    try {
      T next = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (next == null) {
        throw new AssertionFailedError(whatFailed + " within " + TIMEOUT_SECONDS + " s");
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted while waiting: " + whatFailed, e);
    }
  }

  private static <T> T await(Future<T> future) {
    Objects.requireNonNull(future, "future must not be null");
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionFailedError("the harness failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionFailedError("the harness timed out after " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted", e);
    }
  }
}
