package dev.headroom.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code --admin-port}: the operational routes move to a loopback port of their own, where no
 * access token is asked for; the traffic port keeps only the liveness probe.
 */
class AdminPortTest {

  @Test
  void metricsAndTheUpstreamCheckMoveToTheAdminPort() {
    try (ProxyFixture fx =
        ProxyFixture.start(b -> b.adminPort(0).authToken("hr-admin-test-token-1"))) {
      int admin = fx.proxy.adminPort();
      assertTrue(admin > 0 && admin != fx.port, "an admin port of its own: " + admin);

      Tests.Reply metrics =
          Tests.call(fx.client, admin, HttpMethod.GET, "/metrics", Tests.headers(), null);
      assertEquals(200, metrics.status());
      assertTrue(new String(metrics.body(), StandardCharsets.UTF_8).contains("headroom_"));
      assertEquals(
          200,
          Tests.call(fx.client, admin, HttpMethod.GET, "/healthz", Tests.headers(), null).status());
      assertEquals(
          404,
          Tests.call(fx.client, admin, HttpMethod.GET, "/v1/models", Tests.headers(), null)
              .status());

      assertEquals(404, fx.get("/metrics", "x-headroom-token", "hr-admin-test-token-1").status());
      assertEquals(200, fx.get("/healthz").status());
      assertTrue(fx.openai.nothingRecorded(), "nothing of it reached the provider");
    }
  }
}
