package dev.headroom.spring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrStore;
import dev.headroom.spring.HeadroomAutoConfiguration;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code headroom.ccr-store=redis://…} against a real Redis on 127.0.0.1. */
class RedisCcrStoreTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(HeadroomAutoConfiguration.class));

  @Test
  void originalsAreKeptInTheGatewaysLayoutAndReadBackOnlyInTheirScope() throws Exception {
    try (RedisServer redis = RedisServer.start();
        RedisCcrStore store = new RedisCcrStore(redis.uri(), Duration.ofMinutes(5));
        RedisClient raw = RedisClient.create(redis.uri());
        StatefulRedisConnection<String, String> connection = raw.connect()) {
      store.put(new CcrEntry("abc123", "key-1", "the original rows", "297 rows omitted"));

      assertEquals(
          Optional.of(new CcrEntry("abc123", "key-1", "the original rows", "297 rows omitted")),
          store.get("abc123", "key-1"));
      assertEquals(Optional.empty(), store.get("abc123", "key-2"), "another scope reads nothing");
      JsonNode value =
          new ObjectMapper().readTree(connection.sync().get("headroom:ccr:key-1:abc123"));
      assertEquals("the original rows", value.path("content").asText());
      assertEquals("297 rows omitted", value.path("description").asText());
      assertTrue(value.path("expires_at").asLong() > System.currentTimeMillis());
      assertTrue(connection.sync().pttl("headroom:ccr:key-1:abc123") > 0, "Redis expires it");
    }
  }

  @Test
  void aRedisUrlMakesTheStoreARedisOneWhoseHealthFollowsTheServer() throws Exception {
    RedisServer redis = RedisServer.start();
    try {
      runner
          .withPropertyValues("headroom.ccr-store=" + redis.uri())
          .run(
              context -> {
                assertInstanceOf(RedisCcrStore.class, context.getBean(CcrStore.class));
                HealthIndicator health =
                    context.getBean("headroomCcrHealthIndicator", HealthIndicator.class);
                assertEquals(Status.UP, health.health(true).getStatus());
                assertEquals("redis", health.health(true).getDetails().get("store"));

                redis.close();
                assertEquals(Status.DOWN, health.health(true).getStatus());
              });
    } finally {
      redis.close();
    }
  }

  @Test
  void anUnknownStoreStopsTheApplicationWithTheReason() {
    runner
        .withPropertyValues("headroom.ccr-store=mongodb://localhost")
        .run(
            context -> {
              assertTrue(context.getStartupFailure() != null);
              Throwable cause = context.getStartupFailure();
              while (cause.getCause() != null) {
                cause = cause.getCause();
              }
              assertEquals(
                  "headroom.ccr-store must be 'memory' or a redis:// URL, not 'mongodb://localhost'",
                  cause.getMessage());
            });
  }
}
