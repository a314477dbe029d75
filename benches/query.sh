#!/usr/bin/env bash
# End-to-end query latency: whole `search query` processes (start, open the index, search,
# render 10 results to a pipe) over the Reuters collection at 1× (19,043 articles) and a
# 10× replica under new ids (190,430 articles, ~189 MB), next to `rg -i` scanning the same
# JSON Lines text. Reports the median and 90th percentile of RUNS runs (default 21) after
# one warm-up run, with the page cache warm, as a user's second query would be.
#
#   benches/query.sh                 # 1× and 10×
#   SIZES=10 RUNS=51 benches/query.sh
#
# Needs ../shared/data beside the crate, python3, and ripgrep (`rg`; skipped if missing).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=$ROOT/../shared/data/reuters.jsonl
RUNS=${RUNS:-21}
SIZES=${SIZES:-1 10}
SEARCH=$ROOT/target/release/search
[ -f "$DATA" ] || { echo "query.sh: $DATA is missing (see ../shared/README.md)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "query.sh: python3 is needed" >&2; exit 2; }

(cd "$ROOT" && cargo build --release --locked --quiet)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Median and 90th percentile (ms) of a command's wall time over RUNS runs.
measure() {
    "$@" >/dev/null 2>&1 || true
    local times=()
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | python3 -c '
import sys
t = sorted(int(x) / 1000 for x in sys.stdin)
print(f"{t[len(t) // 2]:.1f} | {t[min(len(t) - 1, int(len(t) * 0.9))]:.1f}")'
}

echo "| corpus | command | median ms | p90 ms |"
echo "|---|---|--:|--:|"
for size in $SIZES; do
    corpus=$TMP/reuters-x$size.jsonl
    python3 - "$DATA" "$size" "$corpus" <<'PY'
import json, sys
src, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
records = [json.loads(line) for line in open(src, encoding="utf-8") if line.strip()]
with open(out, "w", encoding="utf-8") as f:
    for k in range(copies):
        for rec in records:
            f.write(json.dumps(dict(rec, id=f"{rec['id']}-r{k}" if k else rec["id"]), ensure_ascii=False) + "\n")
PY
    index=$TMP/index-x$size
    "$SEARCH" --index "$index" index --quiet "$corpus"
    echo "| ${size}× | \`search query \"oil prices opec\"\` | $(measure "$SEARCH" --index "$index" query "oil prices opec") |"
    echo "| ${size}× | \`search query \"oil prices fell\"\` | $(measure "$SEARCH" --index "$index" query "oil prices fell") |"
    echo "| ${size}× | \`search query \"oil prices fell\" --exact-count\` | $(measure "$SEARCH" --index "$index" query "oil prices fell" --exact-count) |"
    echo "| ${size}× | \`search query \"oil prices opec\" --facets\` | $(measure "$SEARCH" --index "$index" query "oil prices opec" --facets) |"
    echo "| ${size}× | \`search query '\"crude oil\" -opec' --since 1987-06\` | $(measure "$SEARCH" --index "$index" query '"crude oil" -opec' --since 1987-06) |"
    echo "| ${size}× | \`search query \"oil prices opec\" --sort date\` | $(measure "$SEARCH" --index "$index" query "oil prices opec" --sort date) |"
    echo "| ${size}× | \`search query \"oil prices opec\" --facets day\` | $(measure "$SEARCH" --index "$index" query "oil prices opec" --facets day) |"
    if command -v rg >/dev/null; then
        echo "| ${size}× | \`rg -i \"oil prices\"\` | $(measure rg -i "oil prices" "$corpus") |"
    fi
done
