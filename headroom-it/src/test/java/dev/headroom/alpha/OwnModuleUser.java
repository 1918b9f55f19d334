package dev.headroom.alpha;

import dev.headroom.alpha.internal.Secret;

/** Allowed: a module may use its own internal packages. */
final class OwnModuleUser {
  int value() {
    return Secret.value();
  }
}
