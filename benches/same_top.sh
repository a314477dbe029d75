#!/usr/bin/env bash
# Whether two `search` binaries rank alike: for each query below, the top results (rank,
# article id, passage, score to four places, number of listed copies) of OLD and NEW on
# one index, "same" or the diff. For a change to ranking that must keep today's top 10.
#
#   benches/same_top.sh OLD_BINARY NEW_BINARY INDEX
#
# Needs python3; the queries suit the Reuters collection and its 10× replica.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: benches/same_top.sh OLD_BINARY NEW_BINARY INDEX" >&2; exit 2; }
OLD=$1 NEW=$2 INDEX=$3
top() {
    "$1" --index "$INDEX" query "${@:2}" --json | python3 -c '
import json, sys
for line in sys.stdin:
    o = json.loads(line)
    if "rank" in o:
        print(o["rank"], o["article_id"], o["passage_index"], round(o["score"], 4), len(o["copies"]))'
}
while IFS= read -r line; do
    eval "set -- $line"
    if diff <(top "$OLD" "$@") <(top "$NEW" "$@"); then echo "same: $line"; else echo "DIFF: $line"; fi
done <<'QUERIES'
"oil prices opec"
"oil prices opec" --facets
'"crude oil" -opec' --since 1987-06
"oil prices opec" --sort date
"oil prices opec" --facets day
'oil prices fell'
'oil prices fell' --all-copies
'oil prices fell' --per-article 0 -n 30 --all-copies
'bank interest rates cut' --all-copies -n 20
'wheat exports soviet union'
'coffee quota talks' -n 20
QUERIES
