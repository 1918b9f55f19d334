// io.opentelemetry.api 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.api {
    requires io.opentelemetry.common;
    requires java.logging;
    requires transitive io.opentelemetry.context;
    exports io.opentelemetry.api;
    exports io.opentelemetry.api.baggage;
    exports io.opentelemetry.api.baggage.propagation;
    exports io.opentelemetry.api.common;
    exports io.opentelemetry.api.impl;
    exports io.opentelemetry.api.internal;
    exports io.opentelemetry.api.logs;
    exports io.opentelemetry.api.metrics;
    exports io.opentelemetry.api.trace;
    exports io.opentelemetry.api.trace.propagation;
    exports io.opentelemetry.api.trace.propagation.internal;
}
