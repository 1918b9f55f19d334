// http-auth-aws 2.59.1 (AWS SDK for Java v2) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info (every package exported, as the SDK reaches into its own internal
// packages across jars); only java.base is used.
module software.amazon.awssdk.http.auth.aws {
  requires software.amazon.awssdk.eventstream;

  requires transitive org.reactivestreams;
  requires transitive software.amazon.awssdk.checksums;
  requires transitive software.amazon.awssdk.checksums.spi;
  requires transitive software.amazon.awssdk.http;
  requires transitive software.amazon.awssdk.http.auth.spi;
  requires transitive software.amazon.awssdk.identity.spi;
  requires transitive software.amazon.awssdk.utils;

  exports software.amazon.awssdk.http.auth.aws.crt.internal.io;
  exports software.amazon.awssdk.http.auth.aws.crt.internal.signer;
  exports software.amazon.awssdk.http.auth.aws.crt.internal.util;
  exports software.amazon.awssdk.http.auth.aws.eventstream.internal.io;
  exports software.amazon.awssdk.http.auth.aws.eventstream.internal.signer;
  exports software.amazon.awssdk.http.auth.aws.internal.scheme;
  exports software.amazon.awssdk.http.auth.aws.internal.signer;
  exports software.amazon.awssdk.http.auth.aws.internal.signer.checksums;
  exports software.amazon.awssdk.http.auth.aws.internal.signer.chunkedencoding;
  exports software.amazon.awssdk.http.auth.aws.internal.signer.io;
  exports software.amazon.awssdk.http.auth.aws.internal.signer.util;
  exports software.amazon.awssdk.http.auth.aws.scheme;
  exports software.amazon.awssdk.http.auth.aws.signer;

}
