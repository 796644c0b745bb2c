#!/usr/bin/env bash
# Single-request latency of the database path: median and min of N sequential curl calls per URL (anonymous).
# usage: bench/timings.sh [BASE_URL] [N] [PATH...]   (default http://127.0.0.1:18080, 20, the paths below)
# A request over 60 s counts as a timeout, and that path gets no more calls.
# H2 answers an identical query from its previous result while no table changed (bench/README, finding 5), so with
# BUST=user:password set, an editor creates a topic before each timed call (untimed): every call runs its queries.
# Against the app started on a database of bench/run.sh --load-only; not a load test (one request at a time).
set -euo pipefail
base=${1:-http://127.0.0.1:18080}
n=${2:-20}
shift $(( $# < 2 ? $# : 2 ))
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(
  "/api/v1/articles"
  "/api/v1/articles?page=499"   # the deepest numbered page at size 20 (deeper: the next links' cursors)
  "/api/v1/articles?topic=topic-7"
  "/api/v1/articles?outlet=outlet-17"
  "/api/v1/articles?from=1989-06-01&to=1989-08-30"
  "/api/v1/articles?q=uranium"
  "/api/v1/feeds/articles.atom"
)
printf '| request | median ms | min ms | status |\n| --- | ---: | ---: | --- |\n'
for p in "${paths[@]}"; do
  if ! curl -s -f -o /dev/null --max-time 60 "$base$p"; then   # warm-up
    printf '| `%s` | over 60,000 (timeout) | | |\n' "$p"
    continue
  fi
  times=() status=""
  for _ in $(seq "$n"); do
    if [ -n "${BUST:-}" ]; then
      curl -s -o /dev/null -u "$BUST" -H 'Content-Type: application/json' \
        -d "{\"name\": \"timing $(date +%s%N)\"}" "$base/api/v1/topics"
    fi
    out=$(curl -s -o /dev/null --max-time 60 -w '%{http_code} %{time_total}' "$base$p" || true)
    status=${out% *}
    times+=("${out#* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v p="$p" -v s="$status" '
    { t[NR] = $1 * 1000 }
    END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
          printf "| `%s` | %.1f | %.1f | %s |\n", p, m, t[1], s }'
done
