/**
 * Content detection, deterministic compressors, token counting and the reversible-compression (CCR)
 * store of Headroom: pure, synchronous code with no event loop, usable as a library. The proxy, the
 * in-process client and the {@code headroom compress} command (in the proxy module) all call it
 * through the exported API.
 *
 * <p>Entry points: {@link
 * dev.headroom.compress.Compressor#create(dev.headroom.compress.CompressOptions)}, {@link
 * dev.headroom.compress.ContentDetector#detect(String)}, {@link
 * dev.headroom.compress.TokenCounter#forModel(String)} and {@link
 * dev.headroom.compress.CcrStore#inMemory(int, long, java.time.Duration)}.
 *
 * <p>This module reads no system properties, environment variables or configuration keys: every
 * setting arrives through {@link dev.headroom.compress.CompressOptions} and {@link
 * dev.headroom.compress.CompressContext}.
 */
module dev.headroom.compress {
  // HeadroomException appears in our exported signatures (CompressionException extends it).
  requires transitive dev.headroom.api;
  requires com.fasterxml.jackson.core;
  // Automatic module (no descriptor in the jar); the name is derived from the file name.
  requires jtokkit;
  requires org.jsoup;
  // Annotation-only: @API marks stability and is not needed at run time.
  requires static transitive org.apiguardian.api;

  exports dev.headroom.compress;
}
