package dev.headroom.compress.internal.ccr;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.headroom.compress.CcrEntry;
import dev.headroom.compress.CcrReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Collects what one compression drops and writes the markers for it. Nothing reaches a store until
 * the caller accepts the result, so a candidate the token gate rejects leaves no trace.
 */
@API(status = INTERNAL, since = "0.1")
public final class CcrSink {

  /** Hex digits of SHA-256 in a marker: 64 bits, short in tokens and ample within one scope. */
  static final int HASH_HEX = 16;

  /** The name of the tool that returns an original by hash (the proxy adds it to requests). */
  public static final String RETRIEVE_TOOL = "headroom_retrieve";

  private final String scope;
  private final List<CcrEntry> entries = new ArrayList<>();
  private final List<CcrReference> references = new ArrayList<>();

  /**
   * @param scope the owner of the originals
   */
  public CcrSink(String scope) {
    this.scope = scope;
  }

  /**
   * Records dropped content and returns its marker.
   *
   * @param content what was dropped
   * @param description what the marker stands for, e.g. {@code 412 rows omitted}
   * @return {@code <<ccr:HASH description; headroom_retrieve>>}
   */
  public String drop(String content, String description) {
    // Encoded once: the bytes give both the hash and the size the reference reports.
    byte[] utf8 = content.getBytes(StandardCharsets.UTF_8);
    String hash = hash(utf8);
    entries.add(new CcrEntry(hash, scope, content, description));
    references.add(new CcrReference(hash, description, utf8.length));
    return marker(hash, description);
  }

  /**
   * The marker wording: the hash first, what was dropped, and the tool that brings it back. The
   * tool's own description says to pass the hash, so four words here are enough for the model.
   *
   * @param hash the entry's hash
   * @param description what was dropped
   * @return {@code <<ccr:HASH description; headroom_retrieve>>}
   */
  public static String marker(String hash, String description) {
    return "<<ccr:" + hash + " " + description + "; " + RETRIEVE_TOOL + ">>";
  }

  /**
   * @return the entries recorded so far
   */
  public List<CcrEntry> entries() {
    return entries;
  }

  /**
   * @return a reference per entry, for the result
   */
  public List<CcrReference> references() {
    return List.copyOf(references);
  }

  /**
   * @param utf8 a text's UTF-8 bytes
   * @return the first {@value #HASH_HEX} hex digits of their SHA-256
   */
  private static String hash(byte[] utf8) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /**
   * @param s any text
   * @return its UTF-8 length without encoding it
   */
  public static int utf8Length(String s) {
    int length = s.length();
    int i = 0;
    // The ASCII start (often the whole text) in a loop of its own: with the rest of the rules in
    // the
    // same loop, the JIT compiled it about ten times slower once it had seen texts of both kinds.
    while (i < length && s.charAt(i) < 0x80) {
      i++;
    }
    int n = i;
    for (; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
