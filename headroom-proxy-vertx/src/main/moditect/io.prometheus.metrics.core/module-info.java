module io.prometheus.metrics.core {
    requires transitive io.prometheus.metrics.config;
    requires transitive io.prometheus.metrics.model;
    requires transitive io.prometheus.metrics.tracer.common;

    exports io.prometheus.metrics.core.datapoints;
    exports io.prometheus.metrics.core.exemplars;
    exports io.prometheus.metrics.core.metrics;
    exports io.prometheus.metrics.core.util;

}
