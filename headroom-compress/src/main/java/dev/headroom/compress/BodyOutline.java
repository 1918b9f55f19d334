package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where the parts of a rewritten request body lie: each top-level member's value and each item of
 * the conversation array, as byte offsets into {@link LiveZoneResult#body()}, read by the rewrite's
 * own scan of the body. A caller that keys, inspects or splices the body reads these instead of
 * parsing it again: on a long session's later turns the body is mostly earlier tool outputs, and
 * every further pass over it costs about as much as the scan itself.
 *
 * @param members the top-level members, in body order (a name given twice is listed twice)
 * @param conversation the index in {@code members} of the conversation array ({@code messages},
 *     {@code input} or {@code contents}, by the request format) whose items are {@code items}, or
 *     {@code -1} when the body has no such array or has it more than once
 * @param items the conversation array's items in order, each named by its role (the last string
 *     given for its {@code role}, else {@code ""}); empty when {@code conversation} is {@code -1}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BodyOutline(List<Part> members, int conversation, List<Part> items) {

  /** Checks the components and freezes the lists. */
  public BodyOutline {
    members = List.copyOf(members);
    items = List.copyOf(items);
    if (conversation < -1 || conversation >= members.size()) {
      throw new IllegalArgumentException("conversation must be -1 or an index of members");
    }
  }

  /**
   * One part of the body.
   *
   * @param name a member's name as decoded, or an item's role
   * @param start the offset of the value's first byte
   * @param end the offset just past its last byte
   * @param rewritten whether the rewrite replaced anything inside it: only a part that was not
   *     holds the client's own bytes
   */
  public record Part(String name, int start, int end, boolean rewritten) {

    /** Checks the components. */
    public Part {
      Objects.requireNonNull(name, "name must not be null");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("a part must have 0 <= start <= end");
      }
    }
  }
}
