module LatencyUtils {
    requires transitive HdrHistogram;

    exports org.LatencyUtils;

}
