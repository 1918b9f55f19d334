package io.vertx.archfixture;

/** Stands in for a Vert.x type, so the fixture needs no Vert.x on the test class path. */
public final class EventLoop {
  public void run(Runnable task) {
    task.run();
  }
}
