package dev.headroom.proxy.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * One Redis client (one connection pool) and its health, shared by everything the proxy keeps in
 * Redis: the originals ({@link RedisCcrStore}) and which conversations have the retrieval tool
 * ({@link SharedConversations}). Blocking calls wait at most {@link #TIMEOUT} and are made from
 * workers only; after a failure the link reports itself down for {@link #BACKOFF} without trying,
 * for every user of the link at once. The statistics and the limits ({@code internal.stats}, {@code
 * internal.limits}) use the same link without blocking ({@link #ask}, {@link #batch}).
 */
@API(status = INTERNAL, since = "0.1")
public final class RedisLink {

  static final Duration TIMEOUT = Duration.ofMillis(500);
  static final Duration BACKOFF = Duration.ofSeconds(1);

  private final Redis redis;
  private volatile long downUntilNanos = System.nanoTime();

  private RedisLink(Redis redis) {
    this.redis = redis;
  }

  /**
   * @param vertx the Vert.x the client runs on
   * @param connectionString {@code redis://host:port/db}
   * @return the link (connections are opened lazily)
   */
  static RedisLink create(Vertx vertx, String connectionString) {
    RedisOptions options =
        new RedisOptions()
            .setConnectionString(connectionString)
            .setMaxPoolSize(16)
            .setMaxPoolWaiting(256)
            .setMaxWaitingHandlers(1024);
    return new RedisLink(Redis.createClient(vertx, options));
  }

  /**
   * @return whether a recent failure keeps the link from trying
   */
  public boolean down() {
    return System.nanoTime() - downUntilNanos < 0;
  }

  /**
   * Sends and waits for the answer.
   *
   * @param request the command
   * @return the answer ({@code null} for a Redis nil)
   * @throws RedisUnavailableException on an event loop, while down, on failure or past the timeout
   */
  Response call(Request request) {
    if (Context.isOnEventLoopThread()) {
      throw new RedisUnavailableException("Redis called on an event loop; only workers may block");
    }
    if (down()) {
      throw new RedisUnavailableException("Redis marked down after a recent failure");
    }
    Future<Response> sent = redis.send(request);
    try {
      return sent.toCompletionStage()
          .toCompletableFuture()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw markDown(interrupted);
    } catch (ExecutionException | TimeoutException failure) {
      throw markDown(failure);
    }
  }

  /**
   * Sends without waiting (from any thread); a failure marks the link down and is reported.
   *
   * @param request the command
   * @param onFailure told when the command failed or was not sent because the link is down
   */
  void send(Request request, Runnable onFailure) {
    if (down()) {
      onFailure.run();
      return;
    }
    redis
        .send(request)
        .onFailure(
            failure -> {
              markDown(failure);
              onFailure.run();
            });
  }

  /**
   * Sends without blocking: for event loops.
   *
   * @param request the command
   * @return its answer ({@code null} for a Redis nil); failed while the link is down, on failure or
   *     past the timeout (which marks the link down)
   */
  public Future<Response> ask(Request request) {
    if (down()) {
      return Future.failedFuture(
          new RedisUnavailableException("Redis marked down after a recent failure"));
    }
    return redis
        .send(request)
        .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(markDown(failure)));
  }

  /**
   * Sends several commands in one round trip, without blocking.
   *
   * @param requests the commands, in order
   * @return their answers, in order; failed as {@link #ask} fails
   */
  public Future<List<Response>> batch(List<Request> requests) {
    if (down()) {
      return Future.failedFuture(
          new RedisUnavailableException("Redis marked down after a recent failure"));
    }
    return redis
        .batch(requests)
        .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(markDown(failure)));
  }

  private RedisUnavailableException markDown(Throwable cause) {
    downUntilNanos = System.nanoTime() + BACKOFF.toNanos();
    return new RedisUnavailableException("Redis unavailable: " + cause, cause);
  }

  /** Closes the client's connections. */
  void close() {
    redis.close();
  }
}
