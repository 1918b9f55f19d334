module micrometer.commons {
    requires java.logging;

    exports io.micrometer.common;
    exports io.micrometer.common.annotation;
    exports io.micrometer.common.docs;
    exports io.micrometer.common.lang;
    exports io.micrometer.common.util;
    exports io.micrometer.common.util.internal.logging;

}
