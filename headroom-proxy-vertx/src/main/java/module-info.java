/**
 * The Headroom gateway on Vert.x 5: routes OpenAI and Anthropic traffic, forwards bodies byte for
 * byte unless something changes them, relays streams and WebSockets, runs pipeline extensions, and
 * exposes health and Prometheus metrics.
 *
 * <p>Configuration (command line, see {@code docs/configuration.md}): {@code --host} ({@code
 * HEADROOM_HOST}), {@code --port} ({@code HEADROOM_PORT}), {@code --openai-api-url} ({@code
 * OPENAI_TARGET_API_URL}), {@code --anthropic-api-url} ({@code ANTHROPIC_TARGET_API_URL}), {@code
 * --extensions-dir} ({@code HEADROOM_EXTENSIONS_DIR}), {@code --max-body-bytes}, {@code
 * --connect-timeout}, {@code --request-timeout}, {@code --shutdown-timeout}, {@code --compression},
 * {@code --compression-budget}, {@code --protect-tools} ({@code HEADROOM_PROTECT_TOOLS}), {@code
 * --ccr-store} ({@code HEADROOM_CCR_STORE}), {@code --ccr-conversation-ttl} ({@code
 * HEADROOM_CCR_CONVERSATION_TTL}), {@code --bedrock-api-url} ({@code BEDROCK_TARGET_API_URL}),
 * {@code --bedrock-region} ({@code HEADROOM_BEDROCK_REGION}), {@code --bedrock-resign} ({@code
 * HEADROOM_BEDROCK_RESIGN}), {@code --pricing-file}, {@code --rate-limit-rpm}, {@code
 * --rate-limit-tpm}, {@code --daily-token-budget}, {@code --otlp-endpoint} (each with its {@code
 * HEADROOM_*} variable). No system properties are read by the gateway itself (with {@code
 * --otlp-endpoint} it sets OpenTelemetry's {@code io.opentelemetry.context.contextStorageProvider}
 * to {@code default} unless set); with {@code --bedrock-resign on} the AWS SDK's default
 * credentials chain reads its own ({@code AWS_ACCESS_KEY_ID}, {@code AWS_PROFILE}, {@code
 * aws.accessKeyId}, …).
 *
 * <p>The module also holds the command line: {@code headroom proxy} and {@code headroom compress}
 * (which calls {@code dev.headroom.compress} through its exported API only).
 */
module dev.headroom.proxy {
  requires transitive dev.headroom.api;
  requires transitive io.vertx.core;
  // A received body goes upstream as a buffer over its own array (BodyReader.wrap), not a copy.
  requires io.netty.buffer;
  // ProxyOptions.Builder#bedrockCredentials takes the AWS SDK's AwsCredentialsProvider.
  requires transitive software.amazon.awssdk.auth;
  requires com.fasterxml.jackson.databind;
  requires dev.headroom.compress;
  requires dev.headroom.pipeline;
  requires com.github.luben.zstd_jni;
  requires com.aayushatharva.brotli4j;
  requires info.picocli;
  requires java.logging;
  requires io.vertx.redis.client;
  // Automatic modules on Maven Central; the jlink image uses patched explicit copies
  // (src/main/moditect, same names).
  requires micrometer.core;
  requires micrometer.registry.prometheus;
  // Micrometer's collector-pause meter reads the JDK's GC notifications (com.sun.management), which
  // it requires only statically: named here so the module (and the jlink image) has them.
  requires jdk.management;
  // Bedrock re-signing: the SDK's SigV4 signer and the types it takes (automatic modules too,
  // patched the same way for the image).
  requires software.amazon.awssdk.http.auth.aws;
  requires software.amazon.awssdk.http.auth.spi;
  requires software.amazon.awssdk.http;
  requires software.amazon.awssdk.identity.spi;
  // Traces (automatic modules too, patched the same way for the image). ProxyOptions.Builder takes
  // an OpenTelemetry TracerProvider.
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;
  requires io.opentelemetry.common;
  requires io.opentelemetry.sdk.common;
  requires io.opentelemetry.sdk.trace;
  requires io.opentelemetry.exporter.otlp;
  requires io.opentelemetry.exporter.sender.jdk.internal;

  // Annotation-only.
  requires static org.apiguardian.api;

  exports dev.headroom.proxy;

  // picocli reads the command's annotated fields reflectively.
  opens dev.headroom.proxy.internal.cli to
      info.picocli;

  uses dev.headroom.api.PipelineExtension;
}
