package dev.headroom.spring.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A {@link CcrStore} in Redis, through Lettuce, in the gateway's layout (key {@code
 * headroom:ccr:<scope>:<hash>}, a JSON value with its expiry time, {@code SET … PX}), so an
 * application and a fleet of gateways can share one Redis. The connection is opened on first use
 * and reopened after a failure; a call that fails throws, and the compressor then sends that block
 * as it came.
 */
@API(status = INTERNAL, since = "0.1")
public final class RedisCcrStore implements CcrStore, AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RedisClient client;
  private final long ttlMillis;
  private StatefulRedisConnection<String, String> connection;

  /**
   * @param url {@code redis://host:port/db}
   * @param ttl how long entries live
   */
  public RedisCcrStore(String url, Duration ttl) {
    this.client = RedisClient.create(url);
    client.setDefaultTimeout(Duration.ofSeconds(2));
    this.ttlMillis = ttl.toMillis();
  }

  @Override
  public void put(CcrEntry entry) {
    Map<String, String> value = new LinkedHashMap<>();
    value.put("description", entry.description());
    value.put("content", entry.content());
    value.put("expires_at", Long.toString(System.currentTimeMillis() + ttlMillis));
    try {
      commands()
          .set(
              key(entry.hash(), entry.scope()),
              JSON.writeValueAsString(value),
              SetArgs.Builder.px(ttlMillis + Math.min(ttlMillis / 10, 60_000L)));
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  @Override
  public Optional<CcrEntry> get(String hash, String scope) {
    String stored = commands().get(key(hash, scope));
    if (stored == null) {
      return Optional.empty();
    }
    try {
      JsonNode value = JSON.readTree(stored);
      if (System.currentTimeMillis() >= value.path("expires_at").asLong(Long.MAX_VALUE)) {
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
   * @return {@code -1}: counting a shared Redis is not this application's business
   */
  @Override
  public int size() {
    return -1;
  }

  private synchronized RedisCommands<String, String> commands() {
    if (connection == null || !connection.isOpen()) {
      connection = client.connect();
    }
    return connection.sync();
  }

  static String key(String hash, String scope) {
    return "headroom:ccr:" + scope + ":" + hash;
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown();
  }
}
