package dev.headroom.api.archfixture;

import dev.headroom.it.fixture.Outside;

/** Violates api_depends_only_on_the_jdk_and_annotations. */
final class LeaksBeyondTheJdk {
  String name() {
    return Outside.name();
  }
}
