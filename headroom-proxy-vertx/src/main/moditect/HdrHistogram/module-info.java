module HdrHistogram {
    exports org.HdrHistogram;
    exports org.HdrHistogram.packedarray;

}
