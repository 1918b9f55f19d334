package dev.headroom.proxy.internal.ccr;

import dev.headroom.compress.ContentType;
import dev.headroom.compress.Replay;
import dev.headroom.compress.ReplayMemory;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The replay memory of a fleet, in Redis: one proxy compresses a block, any other replays it. Key
 * {@code headroom:replay:<scope>:<key>}, written once ({@code SET … NX}: the first compression of a
 * block stays) and kept {@code ttl} past its last use (each recall renews what it found). An
 * in-process memory in front answers what this proxy has seen lately without a round trip: entries
 * never change once written, so a local copy is never stale.
 *
 * <p>Reads wait for Redis (one {@code MGET} a request, bounded by {@link RedisLink#TIMEOUT}), from
 * workers only; writes and renewals do not wait. While Redis is down the local memory alone
 * answers, and a block it does not know goes as its original, as for any lost entry.
 */
final class RedisReplayMemory implements ReplayMemory {

  private final RedisLink redis;
  private final ReplayMemory local;
  private final long ttlMillis;
  private final CcrMetrics metrics;

  RedisReplayMemory(RedisLink redis, ReplayMemory local, Duration ttl, CcrMetrics metrics) {
    this.redis = redis;
    this.local = local;
    this.ttlMillis = ttl.toMillis();
    this.metrics = metrics;
  }

  @Override
  public Map<String, Replay> recall(String scope, Collection<String> keys) {
    Map<String, Replay> found = new HashMap<>(local.recall(scope, keys));
    List<String> remote = new ArrayList<>();
    for (String key : keys) {
      if (!found.containsKey(key)) {
        remote.add(key);
      }
    }
    if (!remote.isEmpty() && !redis.down()) {
      Request get = Request.cmd(Command.MGET);
      remote.forEach(key -> get.arg(key(scope, key)));
      try {
        Response values = redis.call(get);
        for (int i = 0; i < remote.size() && values != null; i++) {
          Response value = values.get(i);
          Replay replay = value == null ? null : decode(value.toBuffer());
          if (replay != null) {
            found.put(remote.get(i), replay);
            local.remember(scope, remote.get(i), replay);
          }
        }
      } catch (RuntimeException unavailable) {
        metrics.replayErrors.incrementAndGet();
      }
    }
    // Each use renews the shared entry, as the local one was renewed by its recall.
    found
        .keySet()
        .forEach(
            key ->
                redis.send(
                    Request.cmd(Command.PEXPIRE).arg(key(scope, key)).arg(ttlMillis),
                    metrics.replayErrors::incrementAndGet));
    return found;
  }

  @Override
  public void remember(String scope, String key, Replay replay) {
    local.remember(scope, key, replay);
    redis.send(
        Request.cmd(Command.SET)
            .arg(key(scope, key))
            .arg(encode(replay))
            .arg("NX")
            .arg("PX")
            .arg(ttlMillis),
        metrics.replayErrors::incrementAndGet);
  }

  static String key(String scope, String key) {
    return "headroom:replay:" + scope + ":" + key;
  }

  /** A header line of the decision, then the JSON bytes as they were sent. */
  static Buffer encode(Replay replay) {
    String head =
        replay.contentType().tag()
            + ' '
            + replay.strategy().replace(' ', '_')
            + ' '
            + replay.bytesBefore()
            + ' '
            + replay.tokensBefore()
            + ' '
            + replay.tokensAfter()
            + '\n';
    return Buffer.buffer(head.getBytes(StandardCharsets.UTF_8)).appendBytes(replay.json());
  }

  /** The replay, or {@code null} when the value is not one this class wrote. */
  static Replay decode(Buffer value) {
    byte[] bytes = value.getBytes();
    int newline = 0;
    while (newline < bytes.length && bytes[newline] != '\n') {
      newline++;
    }
    if (newline >= bytes.length) {
      return null;
    }
    String[] head = new String(bytes, 0, newline, StandardCharsets.UTF_8).split(" ");
    if (head.length != 5) {
      return null;
    }
    try {
      ContentType type = ContentType.valueOf(head[0].toUpperCase(Locale.ROOT));
      byte[] json = new byte[bytes.length - newline - 1];
      System.arraycopy(bytes, newline + 1, json, 0, json.length);
      return new Replay(
          json,
          type,
          head[1],
          Integer.parseInt(head[2]),
          Integer.parseInt(head[3]),
          Integer.parseInt(head[4]));
    } catch (IllegalArgumentException corrupt) {
      return null;
    }
  }
}
