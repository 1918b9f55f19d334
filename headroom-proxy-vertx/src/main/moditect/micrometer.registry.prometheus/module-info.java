module micrometer.registry.prometheus {
    requires io.prometheus.metrics.config;
    requires io.prometheus.metrics.core;
    requires io.prometheus.writer.text;

    requires transitive io.prometheus.metrics.model;
    requires transitive io.prometheus.metrics.tracer.common;
    requires transitive micrometer.commons;
    requires transitive micrometer.core;

    exports io.micrometer.prometheusmetrics;

}
