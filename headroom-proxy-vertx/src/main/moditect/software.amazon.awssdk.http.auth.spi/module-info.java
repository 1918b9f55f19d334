// http-auth-spi 2.59.1 (AWS SDK for Java v2) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info (every package exported, as the SDK reaches into its own internal
// packages across jars); only java.base is used.
module software.amazon.awssdk.http.auth.spi {
  requires org.reactivestreams;

  requires transitive software.amazon.awssdk.checksums.spi;
  requires transitive software.amazon.awssdk.http;
  requires transitive software.amazon.awssdk.identity.spi;
  requires transitive software.amazon.awssdk.utils;

  exports software.amazon.awssdk.http.auth.spi.internal.scheme;
  exports software.amazon.awssdk.http.auth.spi.internal.signer;
  exports software.amazon.awssdk.http.auth.spi.scheme;
  exports software.amazon.awssdk.http.auth.spi.signer;

}
