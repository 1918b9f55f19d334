// io.opentelemetry.exporter.otlp 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.exporter.otlp {
    requires io.opentelemetry.exporter.internal.otlp;
    requires java.logging;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.common;
    requires transitive io.opentelemetry.exporter.internal;
    requires transitive io.opentelemetry.sdk.common;
    requires transitive io.opentelemetry.sdk.logs;
    requires transitive io.opentelemetry.sdk.metrics;
    requires transitive io.opentelemetry.sdk.trace;
    exports io.opentelemetry.exporter.otlp.all.internal;
    exports io.opentelemetry.exporter.otlp.http.logs;
    exports io.opentelemetry.exporter.otlp.http.metrics;
    exports io.opentelemetry.exporter.otlp.http.trace;
    exports io.opentelemetry.exporter.otlp.internal;
    exports io.opentelemetry.exporter.otlp.logs;
    exports io.opentelemetry.exporter.otlp.metrics;
    exports io.opentelemetry.exporter.otlp.trace;
}
