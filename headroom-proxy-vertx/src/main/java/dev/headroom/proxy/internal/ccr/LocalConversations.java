package dev.headroom.proxy.internal.ccr;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Conversations} in one proxy's memory: bounded, the least recently seen conversations are
 * forgotten first. Also the local positive cache in front of Redis ({@link SharedConversations}),
 * remembering when each conversation was last written there.
 */
final class LocalConversations implements Conversations {

  /** When a conversation was last written to the shared store, and its first-user fingerprint. */
  private record Entry(long writtenAt, long firstUser) {}

  private final int capacity;

  /** Conversation key to its {@link Entry}, the least recently seen first. */
  private final Map<String, Entry> withTool;

  /** How many of the remembered conversations have each first-user fingerprint. */
  private final Map<Long, Integer> firstUsers = new HashMap<>();

  LocalConversations(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.withTool =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            if (size() <= LocalConversations.this.capacity) {
              return false;
            }
            forget(eldest.getValue().firstUser());
            return true;
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
  public synchronized boolean mayContain(long firstUser) {
    return firstUser == UNKNOWN_FIRST_USER
        || firstUser == NAMED_SESSION
        || firstUsers.containsKey(firstUser)
        || firstUsers.containsKey(UNKNOWN_FIRST_USER);
  }

  @Override
  public void add(String key, long firstUser) {
    put(key, System.nanoTime(), firstUser);
  }

  /**
   * @return when the conversation was last written to the shared store, or {@code null} when
   *     unknown
   */
  synchronized Long writtenAt(String key) {
    Entry entry = withTool.get(key);
    return entry == null ? null : entry.writtenAt();
  }

  synchronized void put(String key, long writtenAt, long firstUser) {
    Entry before = withTool.put(key, new Entry(writtenAt, firstUser));
    if (before != null) {
      forget(before.firstUser());
    }
    firstUsers.merge(firstUser, 1, Integer::sum);
  }

  /** A conversation's time written, its fingerprint kept. */
  synchronized void written(String key, long writtenAt) {
    withTool.computeIfPresent(key, (k, entry) -> new Entry(writtenAt, entry.firstUser()));
  }

  private void forget(long firstUser) {
    firstUsers.computeIfPresent(firstUser, (k, n) -> n == 1 ? null : n - 1);
  }
}
