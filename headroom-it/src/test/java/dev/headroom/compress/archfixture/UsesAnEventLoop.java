package dev.headroom.compress.archfixture;

import io.vertx.archfixture.EventLoop;

/** Violates compress_never_depends_on_vertx_or_netty. */
final class UsesAnEventLoop {
  void compress(EventLoop loop) {
    loop.run(() -> {});
  }
}
