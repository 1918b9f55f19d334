package dev.headroom.proxy.internal.ccr;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Conversations} in one proxy's memory: bounded, the least recently seen conversations are
 * forgotten first. Also the local positive cache in front of Redis ({@link SharedConversations}),
 * remembering when each conversation was last written there.
 */
final class LocalConversations implements Conversations {

  private final int capacity;

  /** Conversation key to the {@link System#nanoTime()} it was last written to the shared store. */
  private final Map<String, Long> withTool;

  LocalConversations(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.withTool =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > LocalConversations.this.capacity;
          }
        };
  }

  @Override
  public synchronized boolean anyMayHaveTool() {
    return !withTool.isEmpty();
  }

  @Override
  public synchronized boolean contains(String key) {
    return withTool.get(key) != null;
  }

  @Override
  public void add(String key) {
    put(key, System.nanoTime());
  }

  /**
   * @return when the conversation was last written to the shared store, or {@code null} when
   *     unknown
   */
  synchronized Long writtenAt(String key) {
    return withTool.get(key);
  }

  synchronized void put(String key, long writtenAt) {
    withTool.put(key, writtenAt);
  }
}
