// utils 2.59.1 (AWS SDK for Java v2) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info (every package exported, as the SDK reaches into its own internal
// packages across jars); only java.base is used.
module software.amazon.awssdk.utils {
  requires transitive org.reactivestreams;
  requires transitive org.slf4j;

  exports software.amazon.awssdk.utils;
  exports software.amazon.awssdk.utils.async;
  exports software.amazon.awssdk.utils.builder;
  exports software.amazon.awssdk.utils.cache;
  exports software.amazon.awssdk.utils.cache.bounded;
  exports software.amazon.awssdk.utils.cache.lru;
  exports software.amazon.awssdk.utils.http;
  exports software.amazon.awssdk.utils.internal;
  exports software.amazon.awssdk.utils.internal.async;
  exports software.amazon.awssdk.utils.internal.proxy;
  exports software.amazon.awssdk.utils.io;
  exports software.amazon.awssdk.utils.uri;
  exports software.amazon.awssdk.utils.uri.internal;

}
