package dev.headroom.proxy.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A {@link CcrStore} in Redis, shared by every proxy pointed at it. Key {@code
 * headroom:ccr:<scope>:<hash>} (the scope is a hash of the credential, so a read with another
 * credential names another key), value a small JSON object with its expiry time; Redis drops the
 * key a little after that ({@code SET … PX}).
 *
 * <p>Calls go through a {@link RedisLink}: they block their thread up to {@link RedisLink#TIMEOUT},
 * so they are made from workers only (compression and retrieval run there); on an event loop they
 * fail at once. After a failure the link reports itself down for {@link RedisLink#BACKOFF} without
 * trying, so a request with many blocks does not wait once per block: its blocks are forwarded
 * uncompressed.
 */
@API(status = INTERNAL, since = "0.1")
public final class RedisCcrStore implements CcrStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RedisLink redis;
  private final long ttlMillis;
  private final Runnable onExpired;

  private RedisCcrStore(RedisLink redis, Duration ttl, Runnable onExpired) {
    this.redis = redis;
    this.ttlMillis = ttl.toMillis();
    this.onExpired = onExpired;
  }

  /**
   * @param vertx the Vert.x the client runs on
   * @param connectionString {@code redis://host:port/db}
   * @param ttl how long entries live
   * @param onExpired told of each read that found an entry past its time to live
   * @return the store (connections are opened lazily)
   */
  public static RedisCcrStore create(
      Vertx vertx, String connectionString, Duration ttl, Runnable onExpired) {
    return new RedisCcrStore(RedisLink.create(vertx, connectionString), ttl, onExpired);
  }

  /**
   * @param link the Redis client to share
   * @param ttl how long entries live
   * @param onExpired told of each read that found an entry past its time to live
   * @return the store
   */
  static RedisCcrStore create(RedisLink link, Duration ttl, Runnable onExpired) {
    return new RedisCcrStore(link, ttl, onExpired);
  }

  @Override
  public void put(CcrEntry entry) {
    Map<String, String> value = new LinkedHashMap<>();
    value.put("description", entry.description());
    value.put("content", entry.content());
    value.put("expires_at", Long.toString(System.currentTimeMillis() + ttlMillis));
    String json;
    try {
      json = JSON.writeValueAsString(value);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    call(
        Request.cmd(Command.SET)
            .arg(key(entry.hash(), entry.scope()))
            .arg(json)
            .arg("PX")
            .arg(ttlMillis + grace()));
  }

  @Override
  public Optional<CcrEntry> get(String hash, String scope) {
    Response response = call(Request.cmd(Command.GET).arg(key(hash, scope)));
    if (response == null) {
      return Optional.empty();
    }
    try {
      JsonNode value = JSON.readTree(response.toString());
      if (System.currentTimeMillis() >= value.path("expires_at").asLong(Long.MAX_VALUE)) {
        onExpired.run();
        return Optional.empty();
      }
      return Optional.of(
          new CcrEntry(
              hash, scope, value.path("content").asText(), value.path("description").asText()));
    } catch (IOException | RuntimeException corrupt) {
      return Optional.empty();
    }
  }

  /**
   * @return {@code -1}: counting a shared Redis is not this proxy's business
   */
  @Override
  public int size() {
    return -1;
  }

  /**
   * Redis keeps a key a little past its time to live (a tenth of it, at most a minute), so a late
   * read can be told apart from a miss and counted as an expiry; it is never returned.
   */
  private long grace() {
    return Math.min(ttlMillis / 10, 60_000L);
  }

  static String key(String hash, String scope) {
    return "headroom:ccr:" + scope + ":" + hash;
  }

  private Response call(Request request) {
    return redis.call(request);
  }

  /** Closes the client's connections. */
  public void close() {
    redis.close();
  }

  @Override
  public String toString() {
    return "RedisCcrStore[ttl=" + ttlMillis + "ms]";
  }
}
