// io.opentelemetry.sdk.logs 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.sdk.logs {
    requires java.logging;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;
    requires transitive io.opentelemetry.sdk.common;
    exports io.opentelemetry.sdk.logs;
    exports io.opentelemetry.sdk.logs.data;
    exports io.opentelemetry.sdk.logs.export;
    exports io.opentelemetry.sdk.logs.internal;
}
