package dev.headroom.proxy.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The conversations that have been given the retrieval tool, so each of their later requests gets
 * it again at the same place (keys from {@link ConversationKeys}). Two kinds: {@link #inMemory(int)
 * one proxy's memory}, or shared by a fleet through Redis ({@link SharedConversations}), so a later
 * turn landing on another proxy keeps the tool too. Thread-safe; may block (call from workers).
 */
@API(status = INTERNAL, since = "0.1")
public interface Conversations {

  /**
   * @return whether some conversation may have the tool; when not, nothing needs to be looked up
   *     and requests too small to compress need not be rewritten at all
   */
  boolean anyMayHaveTool();

  /**
   * @param key a conversation key
   * @return whether that conversation has been given the tool (as far as can be known in time)
   */
  boolean contains(String key);

  /**
   * @param key a conversation key that now has the tool
   */
  void add(String key);

  /**
   * @param capacity how many conversations are remembered, at least 1
   * @return conversations kept in this proxy's memory, the least recently seen forgotten first
   */
  static Conversations inMemory(int capacity) {
    return new LocalConversations(capacity);
  }
}
