// io.opentelemetry.sdk.metrics 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.sdk.metrics {
    requires io.opentelemetry.common;
    requires java.logging;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;
    requires transitive io.opentelemetry.sdk.common;
    exports io.opentelemetry.sdk.metrics;
    exports io.opentelemetry.sdk.metrics.data;
    exports io.opentelemetry.sdk.metrics.export;
    exports io.opentelemetry.sdk.metrics.internal;
    exports io.opentelemetry.sdk.metrics.internal.aggregator;
    exports io.opentelemetry.sdk.metrics.internal.concurrent;
    exports io.opentelemetry.sdk.metrics.internal.data;
    exports io.opentelemetry.sdk.metrics.internal.debug;
    exports io.opentelemetry.sdk.metrics.internal.descriptor;
    exports io.opentelemetry.sdk.metrics.internal.exemplar;
    exports io.opentelemetry.sdk.metrics.internal.export;
    exports io.opentelemetry.sdk.metrics.internal.state;
    exports io.opentelemetry.sdk.metrics.internal.view;
}
