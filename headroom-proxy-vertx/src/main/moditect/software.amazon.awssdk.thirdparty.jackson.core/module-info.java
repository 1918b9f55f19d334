// third-party-jackson-core 2.59.1 (AWS SDK for Java v2) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info (every package exported, as the SDK reaches into its own internal
// packages across jars); only java.base is used.
module software.amazon.awssdk.thirdparty.jackson.core {
  exports software.amazon.awssdk.thirdparty.jackson.core;
  exports software.amazon.awssdk.thirdparty.jackson.core.async;
  exports software.amazon.awssdk.thirdparty.jackson.core.base;
  exports software.amazon.awssdk.thirdparty.jackson.core.exc;
  exports software.amazon.awssdk.thirdparty.jackson.core.filter;
  exports software.amazon.awssdk.thirdparty.jackson.core.format;
  exports software.amazon.awssdk.thirdparty.jackson.core.internal.shaded.fdp.v2_21_8;
  exports software.amazon.awssdk.thirdparty.jackson.core.internal.shaded.fdp.v2_21_8.bte;
  exports software.amazon.awssdk.thirdparty.jackson.core.internal.shaded.fdp.v2_21_8.chr;
  exports software.amazon.awssdk.thirdparty.jackson.core.io;
  exports software.amazon.awssdk.thirdparty.jackson.core.io.schubfach;
  exports software.amazon.awssdk.thirdparty.jackson.core.json;
  exports software.amazon.awssdk.thirdparty.jackson.core.json.async;
  exports software.amazon.awssdk.thirdparty.jackson.core.sym;
  exports software.amazon.awssdk.thirdparty.jackson.core.type;
  exports software.amazon.awssdk.thirdparty.jackson.core.util;

  provides software.amazon.awssdk.thirdparty.jackson.core.JsonFactory with
      software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;

}
