// io.opentelemetry.sdk.common 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.sdk.common {
    requires io.opentelemetry.common;
    requires transitive io.opentelemetry.api;
    requires transitive java.logging;
    exports io.opentelemetry.sdk.common;
    exports io.opentelemetry.sdk.common.export;
    exports io.opentelemetry.sdk.common.internal;
    exports io.opentelemetry.sdk.resources;
    exports io.opentelemetry.sdk.resources.internal;
}
