module io.prometheus.metrics.tracer.common {
    exports io.prometheus.metrics.tracer.common;

}
