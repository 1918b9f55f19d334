// io.opentelemetry.exporter.sender.jdk.internal 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.exporter.sender.jdk.internal {
    requires io.opentelemetry.api;
    requires io.opentelemetry.exporter.internal;
    requires java.logging;
    requires java.net.http;
    requires transitive io.opentelemetry.sdk.common;
    exports io.opentelemetry.exporter.sender.jdk.internal;
    provides io.opentelemetry.sdk.common.export.HttpSenderProvider with
        io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
}
