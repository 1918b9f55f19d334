// io.opentelemetry.context 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.context {
    requires io.opentelemetry.common;
    requires java.logging;
    exports io.opentelemetry.context;
    exports io.opentelemetry.context.internal.shaded;
    exports io.opentelemetry.context.propagation;
    exports io.opentelemetry.context.propagation.internal;
}
