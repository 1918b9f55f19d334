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

  /** The fingerprint of a request whose first user message could not be told: it may be any. */
  long UNKNOWN_FIRST_USER = Long.MIN_VALUE;

  /**
   * The fingerprint of a request whose conversation its session header names: its key is made
   * without reading the body, so it is always asked for, and its later turns carry the same name.
   */
  long NAMED_SESSION = Long.MIN_VALUE + 1;

  /**
   * Whether a request may belong to a conversation with the tool, told from a fingerprint of its
   * first user message (retrieval's {@code ConversationKeys.firstUser}, which every request of a
   * conversation shares): false only when no conversation given the tool had it, so the request's
   * key need not be made. {@link #UNKNOWN_FIRST_USER} always may; and while a conversation given
   * the tool under that fingerprint is remembered, every request may (its later turns may be told).
   *
   * @param firstUser the request's fingerprint
   * @return false when {@link #contains} is certain to be false for the request's key
   */
  boolean mayContain(long firstUser);

  /**
   * @param key a conversation key that now has the tool
   * @param firstUser the fingerprint of the request it was made from (see {@link #mayContain})
   */
  void add(String key, long firstUser);

  /**
   * @param capacity how many conversations are remembered, at least 1
   * @return conversations kept in this proxy's memory, the least recently seen forgotten first
   */
  static Conversations inMemory(int capacity) {
    return new LocalConversations(capacity);
  }
}
