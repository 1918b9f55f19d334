package dev.headroom.compress.internal.ccr;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records of bytes kept outside the collected heap, oldest first: a ring over direct segments that
 * are allocated when first written. A write goes where the last one ended and overwrites the oldest
 * records in its way; one that does not fit before the ring's end starts over at its beginning,
 * giving up the rest of the end (and the records there, which are the oldest).
 *
 * <p>Why: a store of originals that lives on the heap has every entry copied by young collections
 * and then promoted, and under steady churn the old generation fills with evicted entries until a
 * full collection stops the gateway for a hundred milliseconds or more. Here only the small record
 * objects live on the heap.
 *
 * <p>Not thread-safe: the owning store calls it under its lock.
 *
 * @param <T> what the owner keeps with each record (given back when the record is overwritten)
 */
final class ByteRing<T> {

  /** The size of one direct segment: small enough that an idle store costs little. */
  static final int SEGMENT = 1 << 20;

  /**
   * How many freed records may wait for the ring to come round to them beyond as many as are live:
   * each is a small object on the heap, and a store that re-puts one small entry again and again
   * would otherwise hold one per put until the ring wraps (millions in a large ring).
   */
  static final int FREED_SLACK = 4096;

  private final long capacity;
  private final int segment;
  private final ByteBuffer[] segments;
  private final ArrayDeque<Record<T>> records = new ArrayDeque<>();
  private long head;
  private int live;

  /**
   * @param capacity the ring's size in bytes, at least 1
   */
  ByteRing(long capacity) {
    this(capacity, SEGMENT);
  }

  /**
   * @param capacity the ring's size in bytes, at least 1
   * @param segment the size of each direct buffer (tests make it small to cross segments)
   */
  ByteRing(long capacity, int segment) {
    if (capacity < 1 || segment < 1) {
      throw new IllegalArgumentException(
          "capacity and segment must be positive: " + capacity + ", " + segment);
    }
    long count = (capacity + segment - 1) / segment;
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("capacity too large: " + capacity);
    }
    this.capacity = capacity;
    this.segment = segment;
    this.segments = new ByteBuffer[(int) count];
  }

  /**
   * @return how many records are live (written, and neither overwritten nor freed)
   */
  int live() {
    return live;
  }

  /**
   * Writes a record, overwriting the oldest records in its way.
   *
   * @param owner what the caller keeps with it
   * @param bytes the record, at most the ring's capacity long
   * @param overwritten told of each live record this write overwrote, oldest first
   * @return the new record
   * @throws OutOfMemoryError when a segment cannot be allocated (direct memory exhausted); nothing
   *     was overwritten then
   */
  Record<T> write(T owner, byte[] bytes, Consumer<T> overwritten) {
    // An empty record still takes a byte, so that every record has a place in the ring's order.
    int length = Math.max(1, bytes.length);
    if (length > capacity) {
      throw new IllegalArgumentException(
          "a record of " + length + " bytes never fits a ring of " + capacity);
    }
    long start = head + length > capacity ? 0 : head;
    allocate(start, length);
    if (start == 0 && head != 0) {
      // The end of the ring is given up: the records there are the oldest, so they go first.
      while (!records.isEmpty() && records.peekFirst().start >= head) {
        drop(overwritten);
      }
    }
    while (!records.isEmpty()
        && records.peekFirst().start >= start
        && records.peekFirst().start < start + length) {
      drop(overwritten);
    }
    copy(start, bytes, true);
    Record<T> record = new Record<>(owner, start, bytes.length);
    records.addLast(record);
    live++;
    head = start + length;
    // Too many freed records waiting: the oldest go now, live ones among them too (as a full ring
    // would take them), never the one just written.
    while (records.size() > 2L * live + FREED_SLACK && records.peekFirst() != record) {
      drop(overwritten);
    }
    return record;
  }

  /**
   * @return how many records the ring keeps track of, freed ones included (for tests)
   */
  int tracked() {
    return records.size();
  }

  /**
   * @return the owners of the live records, oldest first: the order they will be overwritten in
   */
  List<T> liveOwners() {
    List<T> owners = new ArrayList<>();
    for (Record<T> record : records) {
      if (record.live) {
        owners.add(record.owner);
      }
    }
    return owners;
  }

  /**
   * Overwrites the oldest live record now (and any freed ones before it).
   *
   * @param overwritten told of the live record dropped
   * @return whether there was one
   */
  boolean dropOldest(Consumer<T> overwritten) {
    while (!records.isEmpty()) {
      if (drop(overwritten)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param record a live record of this ring
   * @return its bytes
   */
  byte[] read(Record<T> record) {
    if (!record.live) {
      throw new IllegalStateException("record no longer live");
    }
    byte[] bytes = new byte[record.length];
    copy(record.start, bytes, false);
    return bytes;
  }

  /**
   * Frees a record: its bytes stay where they are until overwritten, but it is no longer live.
   *
   * @param record a record of this ring
   */
  void free(Record<T> record) {
    if (record.live) {
      record.live = false;
      live--;
    }
  }

  /** Drops the oldest record; {@return whether it was live} */
  private boolean drop(Consumer<T> overwritten) {
    Record<T> oldest = records.removeFirst();
    if (!oldest.live) {
      return false;
    }
    oldest.live = false;
    live--;
    overwritten.accept(oldest.owner);
    return true;
  }

  /** Allocates the segments that {@code [start, start + length)} touches, before any change. */
  private void allocate(long start, int length) {
    int last = (int) ((start + length - 1) / segment);
    for (int i = (int) (start / segment); i <= last; i++) {
      if (segments[i] == null) {
        segments[i] =
            ByteBuffer.allocateDirect((int) Math.min(segment, capacity - (long) i * segment));
      }
    }
  }

  private void copy(long position, byte[] bytes, boolean write) {
    int done = 0;
    while (done < bytes.length) {
      long at = position + done;
      ByteBuffer buffer = segments[(int) (at / segment)];
      int offset = (int) (at % segment);
      int n = Math.min(bytes.length - done, buffer.capacity() - offset);
      if (write) {
        buffer.put(offset, bytes, done, n);
      } else {
        buffer.get(offset, bytes, done, n);
      }
      done += n;
    }
  }

  /**
   * One record: where it lies and whether it is still live.
   *
   * @param <T> the owner's type
   */
  static final class Record<T> {
    private final T owner;
    private final long start;
    private final int length;
    private boolean live = true;

    private Record(T owner, long start, int length) {
      this.owner = owner;
      this.start = start;
      this.length = length;
    }

    /**
     * @return the record's length in bytes
     */
    int length() {
      return length;
    }
  }
}
