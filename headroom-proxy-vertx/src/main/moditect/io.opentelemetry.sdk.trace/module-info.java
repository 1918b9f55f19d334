// io.opentelemetry.sdk.trace 1.68.0 (OpenTelemetry Java) ships no descriptor, only its automatic name: generated with
// jdeps --generate-module-info --ignore-missing-deps (its javax.annotation use is compile-time only).
module io.opentelemetry.sdk.trace {
    requires java.logging;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;
    requires transitive io.opentelemetry.sdk.common;
    exports io.opentelemetry.sdk.trace;
    exports io.opentelemetry.sdk.trace.data;
    exports io.opentelemetry.sdk.trace.export;
    exports io.opentelemetry.sdk.trace.internal;
    exports io.opentelemetry.sdk.trace.internal.shaded.jctools.counters;
    exports io.opentelemetry.sdk.trace.internal.shaded.jctools.maps;
    exports io.opentelemetry.sdk.trace.internal.shaded.jctools.queues;
    exports io.opentelemetry.sdk.trace.internal.shaded.jctools.queues.atomic;
    exports io.opentelemetry.sdk.trace.internal.shaded.jctools.queues.atomic.unpadded;
    exports io.opentelemetry.sdk.trace.internal.shaded.jctools.queues.unpadded;
    exports io.opentelemetry.sdk.trace.internal.shaded.jctools.util;
    exports io.opentelemetry.sdk.trace.samplers;
}
