package dev.headroom.proxy.internal.limits;

import dev.headroom.proxy.internal.ccr.RedisLink;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The fleet's counters in Redis: one script per request counts it and reads the tokens used, one
 * per finished request adds its tokens — each atomic, each key expiring with its window. Keys
 * {@code headroom:limits:v1:{credential}:r|t:<minute>} and {@code …:d:<day>}; the credential in
 * braces keeps a caller's keys in one Redis Cluster slot.
 */
final class RedisCounters implements Counters {

  private static final String PREFIX = "headroom:limits:v1:{";

  private static final String ADMIT =
      "local n = redis.call('INCR', KEYS[1]) "
          + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
          + "local t = redis.call('GET', KEYS[2]) "
          + "local d = redis.call('GET', KEYS[3]) "
          + "return {n, tonumber(t or '0'), tonumber(d or '0')}";

  private static final String CHARGE =
      "if tonumber(ARGV[1]) > 0 then "
          + "redis.call('INCRBY', KEYS[1], ARGV[1]) redis.call('PEXPIRE', KEYS[1], ARGV[3]) end "
          + "if tonumber(ARGV[2]) > 0 then "
          + "redis.call('INCRBY', KEYS[2], ARGV[2]) redis.call('PEXPIRE', KEYS[2], ARGV[4]) end "
          + "return 1";

  /** A minute's keys outlive it a little, so a late charge still lands in its own window. */
  private static final long MINUTE_TTL_MILLIS = 120_000;

  private static final long DAY_TTL_MILLIS = 2 * 24 * 3600_000L;

  private final RedisLink redis;

  RedisCounters(RedisLink redis) {
    this.redis = redis;
  }

  @Override
  public Future<Usage> admit(String credential, long minute, long day) {
    String base = PREFIX + credential + "}:";
    return redis
        .ask(
            Request.cmd(Command.EVAL)
                .arg(ADMIT)
                .arg(3)
                .arg(base + "r:" + minute)
                .arg(base + "t:" + minute)
                .arg(base + "d:" + day)
                .arg(MINUTE_TTL_MILLIS))
        .map(RedisCounters::usage);
  }

  private static Usage usage(Response answer) {
    return new Usage(answer.get(0).toLong(), answer.get(1).toLong(), answer.get(2).toLong());
  }

  @Override
  public Future<Void> charge(
      String credential, long minute, long day, long inputTokens, long allTokens) {
    String base = PREFIX + credential + "}:";
    return redis
        .ask(
            Request.cmd(Command.EVAL)
                .arg(CHARGE)
                .arg(2)
                .arg(base + "t:" + minute)
                .arg(base + "d:" + day)
                .arg(inputTokens)
                .arg(allTokens)
                .arg(MINUTE_TTL_MILLIS)
                .arg(DAY_TTL_MILLIS))
        .mapEmpty();
  }
}
