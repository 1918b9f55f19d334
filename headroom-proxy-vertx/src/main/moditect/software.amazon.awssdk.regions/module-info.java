// regions 2.59.1 (AWS SDK for Java v2) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info (every package exported, as the SDK reaches into its own internal
// packages across jars); only java.base is used.
module software.amazon.awssdk.regions {
  requires org.slf4j;
  requires software.amazon.awssdk.protocols.jsoncore;

  requires transitive software.amazon.awssdk.core;
  requires transitive software.amazon.awssdk.profiles;
  requires transitive software.amazon.awssdk.utils;

  exports software.amazon.awssdk.regions;
  exports software.amazon.awssdk.regions.internal;
  exports software.amazon.awssdk.regions.internal.util;
  exports software.amazon.awssdk.regions.partitionmetadata;
  exports software.amazon.awssdk.regions.providers;
  exports software.amazon.awssdk.regions.regionmetadata;
  exports software.amazon.awssdk.regions.servicemetadata;
  exports software.amazon.awssdk.regions.util;

}
