package dev.headroom.proxy.internal.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apiguardian.api.API;

/**
 * Decodes a {@code Content-Encoding}d request body for inspection only; what is forwarded stays the
 * received bytes unless something changes the body. gzip and deflate use the JDK, zstd uses
 * zstd-jni, br uses brotli4j (its native library is bundled for Linux x86-64; where it cannot load,
 * a br body passes with no payload for extensions, as an unsupported encoding does).
 */
@API(status = INTERNAL, since = "0.1")
public final class BodyDecoding {

  private BodyDecoding() {}

  /**
   * @param contentEncoding the header value, possibly a comma list applied in order
   * @param body the received bytes
   * @param limit the largest decoded size accepted
   * @return the decoded bytes (the same array when not encoded), or {@code null} when the encoding
   *     is unsupported, the data is corrupt, or it decodes past the limit
   */
  public static byte[] decode(String contentEncoding, byte[] body, long limit) {
    if (contentEncoding == null || contentEncoding.isBlank()) {
      return body;
    }
    String[] codings = contentEncoding.toLowerCase(Locale.ROOT).split(",");
    byte[] current = body;
    for (int i = codings.length - 1; i >= 0 && current != null; i--) {
      current = decodeOne(codings[i].strip(), current, limit);
    }
    return current;
  }

  private static byte[] decodeOne(String coding, byte[] body, long limit) {
    try {
      switch (coding) {
        case "identity", "":
          return body;
        case "gzip", "x-gzip":
          return readAll(new GZIPInputStream(new ByteArrayInputStream(body)), limit);
        case "deflate":
          return readAll(new InflaterInputStream(new ByteArrayInputStream(body)), limit);
        case "zstd", "zstandard":
          return readAll(new ZstdInputStream(new ByteArrayInputStream(body)), limit);
        case "br":
          Brotli4jLoader.ensureAvailability();
          return readAll(new BrotliInputStream(new ByteArrayInputStream(body)), limit);
        default:
          return null;
      }
    } catch (LinkageError noNativeLibrary) {
      return null;
    } catch (IOException corrupt) {
      if (coding.equals("deflate")) {
        try {
          return readAll(
              new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), limit);
        } catch (IOException alsoCorrupt) {
          return null;
        }
      }
      return null;
    }
  }

  private static byte[] readAll(InputStream in, long limit) throws IOException {
    try (in) {
      byte[] all = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      return all.length > limit ? null : all;
    }
  }
}
