// http-auth 2.59.1 (AWS SDK for Java v2) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info (every package exported, as the SDK reaches into its own internal
// packages across jars); only java.base is used.
module software.amazon.awssdk.http.auth {
  requires org.reactivestreams;
  requires software.amazon.awssdk.http;
  requires software.amazon.awssdk.utils;

  requires transitive software.amazon.awssdk.http.auth.spi;
  requires transitive software.amazon.awssdk.identity.spi;

  exports software.amazon.awssdk.http.auth.internal.scheme;
  exports software.amazon.awssdk.http.auth.internal.signer;
  exports software.amazon.awssdk.http.auth.scheme;
  exports software.amazon.awssdk.http.auth.signer;

}
