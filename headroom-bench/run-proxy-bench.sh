#!/usr/bin/env bash
# Proxy load harness: added latency (proxy minus direct) and 64-connection throughput, all on 127.0.0.1.
# Usage: headroom-bench/run-proxy-bench.sh [rounds] [requestsPerRound] [throughputSeconds]
#        [pass|prose|compress|session|replay] [--proxy-command CMD...]  (modes: see ProxyLoadHarness)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl headroom-bench -am)
# The access log is silenced (level WARNING) so the numbers measure forwarding, not console I/O.
exec java ${BENCH_JAVA_OPTS:-} ${BENCH_HEAP_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC} \
  -Djava.util.logging.config.file="$ROOT/headroom-bench/bench-logging.properties" \
  -cp "$ROOT/headroom-bench/target/classes:$ROOT/headroom-bench/target/lib/*" \
  dev.headroom.bench.proxy.ProxyLoadHarness "$@"
