package dev.headroom.client.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import org.apiguardian.api.API;

/** A copy of a response body for the response stages, dropped once it grows past a cap. */
@API(status = INTERNAL, since = "0.1")
public final class BoundedCopy {

  /** The most bytes of a response kept for the response stages. */
  public static final int MAX_COPY = 8 << 20;

  private ByteArrayOutputStream copy = new ByteArrayOutputStream();

  /**
   * @param bytes a buffer
   * @param offset where the bytes to keep start
   * @param length how many
   */
  public void add(byte[] bytes, int offset, int length) {
    if (copy != null && copy.size() + length > MAX_COPY) {
      copy = null;
    }
    if (copy != null) {
      copy.write(bytes, offset, length);
    }
  }

  /**
   * @return the bytes kept, or {@code null} when the body outgrew the cap
   */
  public byte[] bytes() {
    return copy == null ? null : copy.toByteArray();
  }
}
