package dev.headroom.alpha.internal;

/** An internal class of the fixture module "alpha". */
public final class Secret {
  public static int value() {
    return 42;
  }
}
