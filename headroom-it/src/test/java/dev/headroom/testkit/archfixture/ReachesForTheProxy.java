package dev.headroom.testkit.archfixture;

import io.vertx.archfixture.EventLoop;

/** Violates only_the_testkit_harness_uses_the_proxy. */
final class ReachesForTheProxy {
  void run(EventLoop loop) {
    loop.run(() -> {});
  }
}
