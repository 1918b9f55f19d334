/** JMH benchmarks of the compressors; not deployed. */
package dev.headroom.bench;
