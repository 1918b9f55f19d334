// eventstream 2.59.1 (AWS SDK for Java v2) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info (every package exported, as the SDK reaches into its own internal
// packages across jars); only java.base is used.
module software.amazon.awssdk.eventstream {
  exports software.amazon.awssdk.eventstream;
  exports software.amazon.awssdk.eventstream.internal;

}
