#!/usr/bin/env bash
# A list of 1,000 quotes checked in one `search quote --file` process over the 10× Reuters
# replica (190,430 articles under new ids, as benches/query.sh builds it). The list, drawn
# with a fixed seed: 700 20-word windows of articles' paragraphs as they are, 200 with one
# word replaced, 100 made of words from different articles (expected `none`). Reports the
# median wall time of RUNS runs (default 3) after one warm-up run, and the verdict counts.
#
#   benches/quote_list.sh                       # builds the replica and its index
#   INDEX=/path/to/index benches/quote_list.sh  # reuses an index of the replica
#
# Needs ../shared/data beside the crate and python3.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=$ROOT/../shared/data/reuters.jsonl
RUNS=${RUNS:-3}
SEARCH=${SEARCH:-$ROOT/target/release/search}
[ -f "$DATA" ] || { echo "quote_list.sh: $DATA is missing (see ../shared/README.md)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "quote_list.sh: python3 is needed" >&2; exit 2; }

[ -n "${SKIP_BUILD:-}" ] || (cd "$ROOT" && cargo build --release --locked --quiet)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 - "$DATA" 10 "$TMP/reuters-x10.jsonl" "$TMP/quotes.txt" <<'PY'
import json, random, sys
src, copies, out, quotes = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
records = [json.loads(line) for line in open(src, encoding="utf-8") if line.strip()]
with open(out, "w", encoding="utf-8") as f:
    for k in range(copies):
        for rec in records:
            f.write(json.dumps(dict(rec, id=f"{rec['id']}-r{k}" if k else rec["id"]), ensure_ascii=False) + "\n")
rng = random.Random(14)
paragraphs = [p.split() for r in records for p in r.get("body", "").split("\n\n")]
paragraphs = [p for p in paragraphs if len(p) >= 24]
lines = []
for n in range(900):
    words = rng.choice(paragraphs)
    start = rng.randrange(len(words) - 20)
    window = words[start:start + 20]
    if n >= 700:
        window[rng.randrange(20)] = rng.choice(["blue", "seven", "quietly", "harbour", "violin"])
    lines.append(" ".join(window))
for _ in range(100):
    lines.append(" ".join(rng.choice(rng.choice(paragraphs)) for _ in range(20)))
rng.shuffle(lines)
open(quotes, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY

index=${INDEX:-$TMP/index-x10}
[ -n "${INDEX:-}" ] || "$SEARCH" --index "$index" index --quiet "$TMP/reuters-x10.jsonl"

run() { "$SEARCH" --index "$index" quote --file "$TMP/quotes.txt" --format csv; }
run >"$TMP/report.csv"
times=()
for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    run >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{t[NR]=$1} END {print t[int((NR+1)/2)]}')
echo "1,000 quotes, 190,430 articles, one process: median $(awk "BEGIN {printf \"%.1f\", $median / 1000}") s over $RUNS runs (${times[*]} ms)"
python3 - "$TMP/report.csv" <<'PY'
import collections, csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
counts = collections.Counter(r["verdict"] for r in rows)
print(f"{len(rows)} rows: " + ", ".join(f"{counts[v]} {v}" for v in ("exact", "changed", "paraphrase", "none")))
PY
