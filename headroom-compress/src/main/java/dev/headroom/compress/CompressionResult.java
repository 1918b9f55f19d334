package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What {@link Compressor#compress(String, CompressContext)} made of a text. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface CompressionResult permits Compressed, Unchanged {

  /**
   * @return the text to send on: the compressed text, or the original when unchanged
   */
  String text();

  /**
   * @return what the detector classified the text as
   */
  ContentType contentType();
}
