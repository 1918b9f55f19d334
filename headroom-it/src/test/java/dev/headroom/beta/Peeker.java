package dev.headroom.beta;

import dev.headroom.alpha.internal.Secret;

/** Violates internal_packages_are_used_only_inside_their_module. */
final class Peeker {
  int peek() {
    return Secret.value();
  }
}
