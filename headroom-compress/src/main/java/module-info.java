/**
 * Content detection, deterministic compressors, token counting and the reversible-compression (CCR)
 * store of Headroom: pure, synchronous code with no event loop, usable as a library, from the proxy
 * and from the {@code ./headroom compress} command line.
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
  // Only the CLI entry point (internal.cli) uses it.
  requires info.picocli;
  // Annotation-only: @API marks stability and is not needed at run time.
  requires static transitive org.apiguardian.api;

  exports dev.headroom.compress;

  // picocli reflects over the command class to bind options.
  opens dev.headroom.compress.internal.cli to
      info.picocli;
}
