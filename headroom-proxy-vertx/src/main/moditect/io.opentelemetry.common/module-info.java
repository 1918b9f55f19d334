// io.opentelemetry.common 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.common {
    requires java.logging;
    exports io.opentelemetry.common;
    exports io.opentelemetry.common.impl;
}
