#!/usr/bin/env bash
# Session harness: an agent session straight to a simulated provider and through Headroom, billed
# with prompt caching (docs/prompt-caching.md). Reads ../shared/corpus when it exists: the tool
# outputs come from its generate.py, written to a temporary directory.
# Usage: headroom-bench/run-session-bench.sh [TURNS] [--proxy-command CMD...]
#        CORPUS=DIR headroom-bench/run-session-bench.sh ...   (any directory of corpus case files)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl headroom-bench -am)
CORPUS="${CORPUS:-}"
if [ -z "$CORPUS" ]; then
  GENERATOR="$ROOT/../shared/corpus/generate.py"
  if [ ! -f "$GENERATOR" ]; then
    echo "no CORPUS given and no $GENERATOR: set CORPUS to a directory of corpus case files" >&2
    exit 2
  fi
  CORPUS="$(mktemp -d)"
  python3 "$GENERATOR" "$CORPUS" >/dev/null
fi
exec java ${BENCH_JAVA_OPTS:-} \
  -Djava.util.logging.config.file="$ROOT/headroom-bench/bench-logging.properties" \
  -cp "$ROOT/headroom-bench/target/classes:$ROOT/headroom-bench/target/lib/*" \
  dev.headroom.bench.session.SessionHarness "$CORPUS" "$@"
