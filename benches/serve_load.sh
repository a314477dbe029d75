#!/usr/bin/env bash
# Load on `search serve` over the 10× Reuters replica (190,430 articles, as in
# benches/e2e.sh and benches/query.sh): 16 clients of varied `/api/query`
# (benches/serve_load.rs) — as fast as answered for 30 s and on to 20,000 requests (the
# most the server answers, and its resident memory over them); paced at RATE requests/s
# (default 300) for 30 s (latency at that load); and as fast as answered with
# `facets=1` for 30 s. Requests/s, p50/p90/p99 latency, resident memory. Everything
# stays on 127.0.0.1.
#
#   benches/serve_load.sh                   # builds the replica and its index in a temp folder
#   INDEX=/path/to/index benches/serve_load.sh    # reuses an index of the replica
#
# Environment: INDEX, CLIENTS (16), SECONDS (30), REQUESTS (20000), PACE (300), TASKSET (e.g.
# "taskset -c 0,1" to pin the server to two cores). Needs ../shared/data beside the
# crate and python3 when it builds the replica.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=$ROOT/../shared/data/reuters.jsonl
SEARCH=$ROOT/target/release/search
TMP=$(mktemp -d "${TMPDIR:-/tmp}/search-serve-load.XXXXXX")
SERVER=
cleanup() {
    if [[ -n $SERVER ]]; then kill -INT "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

(cd "$ROOT" && cargo build --release --locked --quiet)
(cd "$ROOT" && cargo bench --locked --no-run --quiet --bench serve_load 2>/dev/null)

INDEX=${INDEX:-}
if [[ -z $INDEX ]]; then
    [ -f "$DATA" ] || { echo "serve_load.sh: $DATA is missing (see ../shared/README.md)" >&2; exit 2; }
    corpus=$TMP/reuters-x10.jsonl
    python3 - "$DATA" 10 "$corpus" <<'PY'
import json, sys
src, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
records = [json.loads(line) for line in open(src, encoding="utf-8") if line.strip()]
with open(out, "w", encoding="utf-8") as f:
    for k in range(copies):
        for rec in records:
            f.write(json.dumps(dict(rec, id=f"{rec['id']}-r{k}" if k else rec["id"]), ensure_ascii=False) + "\n")
PY
    INDEX=$TMP/index
    echo "serve_load.sh: indexing the 10× replica" >&2
    "$SEARCH" --index "$INDEX" index --quiet "$corpus"
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run" >&2
${TASKSET:-} "$SEARCH" --index "$INDEX" serve --listen 127.0.0.1:0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
SERVER=$!
for _ in $(seq 100); do
    grep -q "http://" "$TMP/serve.out" 2>/dev/null && break
    sleep 0.1
done
URL=$(grep -o 'http://[0-9.:]*/' "$TMP/serve.out") || { cat "$TMP/serve.err" >&2; exit 2; }

# load HEADING REQUESTS EXTRA [RATE]: one run of the load client (no RATE: as fast as
# answered).
load() {
    echo "## $1"
    local pace=(env -u RATE)
    [[ -n ${4:-} ]] && pace=(env RATE="$4")
    (cd "$ROOT" && "${pace[@]}" SERVE_URL="$URL" SERVE_PID="$SERVER" REQUESTS="$2" EXTRA="$3" \
        cargo bench --locked --quiet --bench serve_load 2>/dev/null)
    echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
    echo
}
load "/api/query, as fast as answered" "${REQUESTS:-20000}" ""
load "/api/query, paced at ${PACE:-300} requests/s" 0 "" "${PACE:-300}"
load "/api/query?…&facets=1, as fast as answered" 0 "&facets=1"
