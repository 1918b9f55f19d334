// io.opentelemetry.exporter.internal 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.exporter.internal {
    requires java.logging;
    requires jdk.unsupported;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.common;
    requires transitive io.opentelemetry.context;
    requires transitive io.opentelemetry.sdk.common;
    requires transitive io.opentelemetry.sdk.metrics;
    exports io.opentelemetry.exporter.internal;
    exports io.opentelemetry.exporter.internal.grpc;
    exports io.opentelemetry.exporter.internal.marshal;
    exports io.opentelemetry.exporter.internal.metrics;
}
