package dev.headroom.proxy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local upstream on 127.0.0.1 that records every request (method, URI, headers, exact body bytes)
 * and answers with a configurable handler; by default 200 with a small JSON body.
 */
public final class FakeUpstream implements AutoCloseable {

  /** One recorded request. */
  public record Recorded(String method, String uri, MultiMap headers, byte[] body) {}

  /** Answers a request whose body was fully read. */
  @FunctionalInterface
  public interface Responder {
    void respond(HttpServerRequest request, Buffer body);
  }

  private final Vertx vertx;
  private final HttpServer server;
  private final BlockingQueue<Recorded> recorded = new LinkedBlockingQueue<>();
  private volatile Responder responder =
      (request, body) ->
          request
              .response()
              .putHeader("content-type", "application/json")
              .putHeader("request-id", "req_upstream_1")
              .end("{\"id\":\"up\",\"object\":\"test\"}");
  private final BlockingQueue<String> webSocketMessages = new LinkedBlockingQueue<>();
  private volatile Handler<ServerWebSocket> webSockets =
      ws -> {
        ws.textMessageHandler(
            text -> {
              webSocketMessages.add(text);
              ws.writeTextMessage(text);
            });
        ws.binaryMessageHandler(ws::writeBinaryMessage);
      };
  private volatile int rejectWebSocketsWith;

  private FakeUpstream(Vertx vertx) {
    this.vertx = vertx;
    this.server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(0)
                .setMaxWebSocketMessageSize(1 << 24));
    server.webSocketHandshakeHandler(
        handshake -> {
          if (rejectWebSocketsWith > 0) {
            handshake.reject(rejectWebSocketsWith);
          } else {
            handshake.accept();
          }
        });
    server.webSocketHandler(ws -> webSockets.handle(ws));
    server.requestHandler(
        request ->
            request
                .body()
                .onSuccess(
                    body -> {
                      recorded.add(
                          new Recorded(
                              request.method().name(),
                              request.uri(),
                              MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                              body.getBytes()));
                      responder.respond(request, body);
                    }));
  }

  /**
   * @param vertx the Vert.x instance
   * @return a listening upstream
   */
  public static FakeUpstream start(Vertx vertx) {
    FakeUpstream upstream = new FakeUpstream(vertx);
    Tests.await(upstream.server.listen());
    return upstream;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public FakeUpstream respond(Responder value) {
    this.responder = value;
    return this;
  }

  public FakeUpstream rejectWebSockets(int status) {
    this.rejectWebSocketsWith = status;
    return this;
  }

  public FakeUpstream webSockets(Handler<ServerWebSocket> value) {
    this.webSockets = value;
    return this;
  }

  /**
   * @return the next recorded request, waiting up to 10 s
   */
  public Recorded take() {
    try {
      Recorded next = recorded.poll(10, TimeUnit.SECONDS);
      if (next == null) {
        throw new AssertionError("the upstream received no request");
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * @return the next text message the upstream WebSocket received
   */
  public String takeWebSocketMessage() {
    try {
      String next = webSocketMessages.poll(10, TimeUnit.SECONDS);
      if (next == null) {
        throw new AssertionError("the upstream received no WebSocket message");
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public boolean nothingRecorded() {
    return recorded.isEmpty();
  }

  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    Future<Void> closed = server.close();
    Tests.await(closed);
  }
}
