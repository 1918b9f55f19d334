package dev.headroom.proxy.internal.stats;

import dev.headroom.proxy.internal.ccr.RedisLink;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fleet's statistics in Redis: every proxy adds what it counted since its last flush with
 * {@code HINCRBY} (one round trip a second, however busy it is) and {@code /stats} reads the sums.
 * Hashes under {@code headroom:stats:v1:}: {@code total}; {@code model}, {@code route}, {@code
 * credential} with fields {@code <name>|<counter>}; {@code m:<epoch minute>} (kept two hours) and
 * {@code h:<epoch hour>} (kept eight days).
 */
final class RedisStats {

  static final String PREFIX = "headroom:stats:v1:";
  private static final long MINUTE_TTL_SECONDS = 2 * 3600;
  private static final long HOUR_TTL_SECONDS = 8 * 24 * 3600;

  private final RedisLink redis;

  RedisStats(RedisLink redis) {
    this.redis = redis;
  }

  /**
   * @param delta what this proxy counted since its last flush
   * @return completes when Redis has added it
   */
  Future<Void> add(Slices delta) {
    List<Request> requests = new ArrayList<>();
    increments(requests, PREFIX + "total", "", delta.total);
    delta.byModel.forEach((name, t) -> increments(requests, PREFIX + "model", name + '|', t));
    delta.byRoute.forEach((name, t) -> increments(requests, PREFIX + "route", name + '|', t));
    delta.byCredential.forEach(
        (name, t) -> increments(requests, PREFIX + "credential", name + '|', t));
    delta.minutes.forEach(
        (minute, t) -> {
          String key = PREFIX + "m:" + minute;
          if (increments(requests, key, "", t)) {
            requests.add(Request.cmd(Command.EXPIRE).arg(key).arg(MINUTE_TTL_SECONDS));
          }
        });
    delta.hours.forEach(
        (hour, t) -> {
          String key = PREFIX + "h:" + hour;
          if (increments(requests, key, "", t)) {
            requests.add(Request.cmd(Command.EXPIRE).arg(key).arg(HOUR_TTL_SECONDS));
          }
        });
    return requests.isEmpty() ? Future.succeededFuture() : redis.batch(requests).mapEmpty();
  }

  private static boolean increments(
      List<Request> requests, String key, String fieldPrefix, Tally tally) {
    boolean any = false;
    for (int i = 0; i < Tally.FIELDS.size(); i++) {
      long value = tally.get(i);
      if (value != 0) {
        requests.add(
            Request.cmd(Command.HINCRBY)
                .arg(key)
                .arg(fieldPrefix + Tally.FIELDS.get(i))
                .arg(value));
        any = true;
      }
    }
    return any;
  }

  /**
   * @param epochMinute the current minute since the epoch
   * @return the fleet's sums, with the last hour's minutes and the last days' hours
   */
  Future<Slices> read(long epochMinute) {
    List<Request> requests = new ArrayList<>();
    for (String hash : List.of("total", "model", "route", "credential")) {
      requests.add(Request.cmd(Command.HGETALL).arg(PREFIX + hash));
    }
    long firstMinute = epochMinute - Slices.MINUTES + 1;
    for (long m = firstMinute; m <= epochMinute; m++) {
      requests.add(Request.cmd(Command.HGETALL).arg(PREFIX + "m:" + m));
    }
    long hour = epochMinute / 60;
    long firstHour = hour - Slices.HOURS + 1;
    for (long h = firstHour; h <= hour; h++) {
      requests.add(Request.cmd(Command.HGETALL).arg(PREFIX + "h:" + h));
    }
    return redis
        .batch(requests)
        .map(
            answers -> {
              Slices read = new Slices();
              fill(read.total, entries(answers.get(0)));
              named(read.byModel, entries(answers.get(1)));
              named(read.byRoute, entries(answers.get(2)));
              named(read.byCredential, entries(answers.get(3)));
              int at = 4;
              for (long m = firstMinute; m <= epochMinute; m++, at++) {
                Tally t = new Tally();
                fill(t, entries(answers.get(at)));
                if (!t.isEmpty()) {
                  read.minutes.put(m, t);
                }
              }
              for (long h = firstHour; h <= hour; h++, at++) {
                Tally t = new Tally();
                fill(t, entries(answers.get(at)));
                if (!t.isEmpty()) {
                  read.hours.put(h, t);
                }
              }
              return read;
            });
  }

  private static void fill(Tally tally, Map<String, Long> fields) {
    fields.forEach(
        (field, value) -> {
          int index = Tally.FIELDS.indexOf(field);
          if (index >= 0) {
            tally.values[index] = value;
          }
        });
  }

  private static void named(Map<String, Tally> dimension, Map<String, Long> fields) {
    fields.forEach(
        (field, value) -> {
          int bar = field.lastIndexOf('|');
          int index = bar < 0 ? -1 : Tally.FIELDS.indexOf(field.substring(bar + 1));
          if (index >= 0) {
            dimension.computeIfAbsent(field.substring(0, bar), n -> new Tally()).values[index] =
                value;
          }
        });
  }

  /** A hash's fields, whether Redis answered in RESP3 (a map) or RESP2 (a flat array). */
  private static Map<String, Long> entries(Response hash) {
    Map<String, Long> entries = new java.util.HashMap<>();
    if (hash == null) {
      return entries;
    }
    Set<String> keys = hash.getKeys();
    if (keys != null && !keys.isEmpty()) {
      for (String key : keys) {
        entries.put(key, hash.get(key).toLong());
      }
      return entries;
    }
    for (int i = 0; i + 1 < hash.size(); i += 2) {
      entries.put(hash.get(i).toString(), hash.get(i + 1).toLong());
    }
    return entries;
  }
}
