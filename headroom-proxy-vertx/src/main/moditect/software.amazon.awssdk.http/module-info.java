// http-client-spi 2.59.1 (AWS SDK for Java v2) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info (every package exported, as the SDK reaches into its own internal
// packages across jars); only java.base is used.
module software.amazon.awssdk.http {
  requires software.amazon.awssdk.annotations;

  requires transitive org.reactivestreams;
  requires transitive software.amazon.awssdk.metrics;
  requires transitive software.amazon.awssdk.utils;

  exports software.amazon.awssdk.http;
  exports software.amazon.awssdk.http.async;
  exports software.amazon.awssdk.internal.http;

}
