#!/usr/bin/env bash
# One command: bench/run.sh [--articles N] [--duration S] [--warmup S] [--conns 1,32] [--keep] [--out FILE] [--load-only]
# Installs wrk and nginx if missing, builds the packaged app if missing, generates and loads the data,
# runs wrk against the service (127.0.0.1:18080) and against nginx serving the same bytes (127.0.0.1:18081),
# and prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
load_only=false
for arg in "$@"; do
  case "$arg" in --load-only) load_only=true ;; esac
done
if ! $load_only && { ! command -v wrk >/dev/null || ! { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }; }; then
  apt-get update && apt-get install -y wrk nginx
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q -DskipTests package
fi
exec python3 bench/bench.py "$@"
