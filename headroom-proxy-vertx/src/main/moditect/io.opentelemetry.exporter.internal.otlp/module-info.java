// io.opentelemetry.exporter.internal.otlp 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.exporter.internal.otlp {
    requires io.opentelemetry.context;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.exporter.internal;
    requires transitive io.opentelemetry.sdk.common;
    requires transitive io.opentelemetry.sdk.logs;
    requires transitive io.opentelemetry.sdk.metrics;
    requires transitive io.opentelemetry.sdk.trace;
    exports io.opentelemetry.exporter.internal.otlp;
    exports io.opentelemetry.exporter.internal.otlp.logs;
    exports io.opentelemetry.exporter.internal.otlp.metrics;
    exports io.opentelemetry.exporter.internal.otlp.traces;
    exports io.opentelemetry.proto.collector.logs.v1.internal;
    exports io.opentelemetry.proto.collector.metrics.v1.internal;
    exports io.opentelemetry.proto.collector.profiles.v1development.internal;
    exports io.opentelemetry.proto.collector.trace.v1.internal;
    exports io.opentelemetry.proto.common.v1.internal;
    exports io.opentelemetry.proto.logs.v1.internal;
    exports io.opentelemetry.proto.metrics.v1.internal;
    exports io.opentelemetry.proto.profiles.v1development.internal;
    exports io.opentelemetry.proto.resource.v1.internal;
    exports io.opentelemetry.proto.trace.v1.internal;
}
