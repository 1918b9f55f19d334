/** Command-line reports over a corpus directory given on the command line. */
package dev.headroom.bench.internal.cli;
