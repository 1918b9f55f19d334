// retries 2.59.1 (AWS SDK for Java v2) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info (every package exported, as the SDK reaches into its own internal
// packages across jars); only java.base is used.
module software.amazon.awssdk.retries {
  requires transitive software.amazon.awssdk.retries.api;
  requires transitive software.amazon.awssdk.utils;

  exports software.amazon.awssdk.retries;
  exports software.amazon.awssdk.retries.internal;
  exports software.amazon.awssdk.retries.internal.circuitbreaker;
  exports software.amazon.awssdk.retries.internal.ratelimiter;

}
