#!/usr/bin/env bash
# End-to-end indexing benchmark: `search index` against tantivy's own command line
# (`tantivy index` from tantivy-cli) on the Reuters newswire dump, at 1× (19,043
# articles, 18.9 MB) and at a 10× replica (190,430 articles under new ids, ~189 MB).
#
# What it measures, per corpus size and tool: wall time of a full index build into an
# empty folder (median of RUNS runs, the tools interleaved so machine noise hits both
# alike), input MB/s and articles/s at that median, CPU seconds (user + system), peak
# resident memory (max over the runs) and the size of the index on disk. For `search`
# the count of articles comes from its summary line, for tantivy-cli from its
# meta.json. A `search index --no-entities` build runs beside each, so the share of
# time entity extraction takes is measured in the same run. One more row times
# `search index` re-run on the unchanged 10× replica (the incremental no-op). The two do different work: `search` cuts each article into
# passages and indexes one document per passage plus one per article, with facets and
# metadata; tantivy-cli indexes one document per record. The ratio column is what that
# costs end to end.
#
# Run from anywhere (needs ../shared/data next to the crate, python3, and tantivy-cli:
# `cargo install tantivy-cli`, skipped with a note when missing):
#
#   benches/e2e.sh                       # 1× and 10×, 3 runs each
#   RUNS=5 SIZES=10 benches/e2e.sh       # 10× only, 5 runs
#
# Environment: RUNS (default 3), SIZES (replication factors, default "1 10"),
# TANTIVY (the tantivy-cli binary), TANTIVY_ARGS (extra `tantivy index` flags, e.g.
# "-t 2 -m 256000000" to give it search's threads and memory budget; default: its own
# defaults, 1 indexing thread and 1 GB), NO_HYPERFINE=1 (time with /usr/bin/time even
# when hyperfine is installed). Timing uses hyperfine (one run per call, so the tools
# stay interleaved) when present, else /usr/bin/time; peak memory always comes from
# /usr/bin/time. Nothing is installed. Temporary data goes to a `mktemp -d` folder that
# is removed on exit.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=$ROOT/../shared/data/reuters.jsonl
TANTIVY_META=$ROOT/../shared/bench/tantivy-cli-meta.json
RUNS=${RUNS:-3}
SIZES=${SIZES:-1 10}
TANTIVY_ARGS=${TANTIVY_ARGS:-}
SEARCH=$ROOT/target/release/search

die() { echo "e2e: $*" >&2; exit 1; }
note() { echo "e2e: $*" >&2; }

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, not '$RUNS'"
for size in $SIZES; do
    [[ $size =~ ^[1-9][0-9]*$ ]] || die "SIZES must hold positive integers, not '$size'"
done
[[ -r $DATA ]] || die "no $DATA: the benchmark needs ../shared/data next to the crate"
[[ -x /usr/bin/time ]] || die "no /usr/bin/time (GNU time): needed for peak memory"
command -v python3 >/dev/null || die "python3 is needed to build the replicas and the table"

TANTIVY=${TANTIVY:-$(command -v tantivy || true)}
if [[ -z $TANTIVY && -x $HOME/.cargo/bin/tantivy ]]; then
    TANTIVY=$HOME/.cargo/bin/tantivy
fi
if [[ -z $TANTIVY ]]; then
    note "tantivy-cli not found: install it with \`cargo install tantivy-cli\` to compare;"
    note "timing search alone"
elif [[ ! -r $TANTIVY_META ]]; then
    note "no $TANTIVY_META: timing search alone"
    TANTIVY=
fi

HYPERFINE=
if [[ -z ${NO_HYPERFINE:-} ]] && command -v hyperfine >/dev/null; then
    # --input (stdin from a file) arrived in hyperfine 1.17; older ones time by hand.
    if hyperfine --help 2>/dev/null | grep -q -- '--input'; then
        HYPERFINE=$(command -v hyperfine)
    fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/search-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
RESULTS=$WORK/results.tsv
mkdir -p "$WORK/data" "$WORK/runs"

note "building: cargo build --release --locked"
(cd "$ROOT" && cargo build --release --locked --quiet)

# One timed run of "$@" with stdin from $1 and output to $2. Sets WALL (s), CPU (user +
# system s), RSS_KB and RC.
timed() {
    local input=$1 log=$2
    shift 2
    local tf=$WORK/time.txt user sys
    rm -f "$tf"
    if [[ -n $HYPERFINE ]]; then
        local hj=$WORK/hyperfine.json
        "$HYPERFINE" --runs 1 --style none --ignore-failure --input "$input" \
            --output "$log" --export-json "$hj" \
            "$(printf '%q ' /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@")" >/dev/null
        WALL=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$hj")
        read -r _ user sys RSS_KB < <(tail -n 1 "$tf")
        RC=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["exit_codes"][0])' "$hj")
    else
        # GNU time's %e has 10 ms steps, too coarse for the no-op re-run: bash's
        # microsecond clock times the wall instead when there is one (bash 5+).
        local start=${EPOCHREALTIME:-}
        set +e
        /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" <"$input" >"$log" 2>&1
        RC=$?
        set -e
        local end=${EPOCHREALTIME:-}
        read -r WALL user sys RSS_KB < <(tail -n 1 "$tf")
        if [[ -n $start ]]; then
            WALL=$(awk -v a="${start/,/.}" -v b="${end/,/.}" 'BEGIN { printf "%.3f", b - a }')
        fi
    fi
    CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

# Appends one result line: size tool run wall cpu rss_kb input_bytes articles index_bytes.
record() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"
}

# Replicates the dump $1 times: copy k > 0 gets ids `<id>-r<k>`. Writes the search
# input and the tantivy-cli one (null dates as "", since its schema has `date` as a
# string); copy 0 is byte-identical to the original.
replicate() {
    python3 - "$DATA" "$1" "$2" "$3" <<'PY'
import json, sys
src, copies, out_search, out_tantivy = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
records = [json.loads(line) for line in open(src, encoding="utf-8") if line.strip()]
with open(out_search, "w", encoding="utf-8") as s, open(out_tantivy, "w", encoding="utf-8") as t:
    for k in range(copies):
        for rec in records:
            rec = dict(rec, id=f"{rec['id']}-r{k}" if k else rec["id"])
            s.write(json.dumps(rec, ensure_ascii=False) + "\n")
            t.write(json.dumps(dict(rec, date=rec["date"] or ""), ensure_ascii=False) + "\n")
PY
}

# An empty tantivy-cli index: its meta.json with the schema but no segments. The shipped
# file lists the segment it was made with; kept, every run would carry that phantom
# segment (19,042 docs whose files are missing) into its own meta.json, and the index
# could not be opened afterwards.
tantivy_index_dir() {
    mkdir -p "$1"
    python3 - "$TANTIVY_META" "$1/meta.json" <<'PY'
import json, sys
meta = json.load(open(sys.argv[1]))
meta["segments"], meta["opstamp"] = [], 0
json.dump(meta, open(sys.argv[2], "w"), indent=2)
PY
}

tantivy_docs() {
    python3 -c 'import json,sys; print(sum(s["max_doc"] for s in json.load(open(sys.argv[1]))["segments"]))' "$1/meta.json"
}

dir_bytes() { du -sb "$1" | cut -f1; }

search_articles() {
    sed -n 's/^indexed \([0-9]*\) articles.*/\1/p' "$1" | tail -n 1
}

for size in $SIZES; do
    corpus=$WORK/data/reuters-x$size.jsonl
    tcorpus=$WORK/data/reuters-x$size-tantivy.jsonl
    note "${size}×: writing the replica"
    replicate "$size" "$corpus" "$tcorpus"
    bytes=$(stat -c %s "$corpus")
    tbytes=$(stat -c %s "$tcorpus")
    note "${size}×: $(wc -l <"$corpus") records, $bytes bytes"
    last_search=
    for run in $(seq 1 "$RUNS"); do
        dir=$WORK/runs/search-x$size-$run
        mkdir -p "$dir"
        log=$WORK/runs/search-x$size-$run.log
        timed /dev/null "$log" "$SEARCH" --index "$dir" --color never index --rebuild "$corpus"
        if [[ $RC -ne 0 ]]; then
            cat "$log" >&2
            [[ $RC -eq 3 ]] || die "search index failed (exit $RC)"
            note "search index skipped some records (exit 3), see above"
        fi
        articles=$(search_articles "$log")
        record "$size" search "$run" "$WALL" "$CPU" "$RSS_KB" "$bytes" "$articles" "$(dir_bytes "$dir")"
        note "${size}× run $run/$RUNS  search : ${WALL} s wall, ${CPU} s CPU, $((RSS_KB / 1024)) MiB, $articles articles"
        if [[ -n $last_search ]]; then rm -rf "$last_search"; fi
        last_search=$dir

        # The same build without entity extraction, to show what extraction costs.
        dir=$WORK/runs/search-noent-x$size-$run
        mkdir -p "$dir"
        log=$WORK/runs/search-noent-x$size-$run.log
        timed /dev/null "$log" "$SEARCH" --index "$dir" --color never index --rebuild --no-entities "$corpus"
        [[ $RC -eq 0 || $RC -eq 3 ]] || { cat "$log" >&2; die "search index --no-entities failed (exit $RC)"; }
        record "$size" search-noent "$run" "$WALL" "$CPU" "$RSS_KB" "$bytes" "$(search_articles "$log")" "$(dir_bytes "$dir")"
        note "${size}× run $run/$RUNS  search --no-entities: ${WALL} s wall, ${CPU} s CPU"
        rm -rf "$dir"

        if [[ -n $TANTIVY ]]; then
            dir=$WORK/runs/tantivy-x$size-$run
            tantivy_index_dir "$dir"
            log=$WORK/runs/tantivy-x$size-$run.log
            # shellcheck disable=SC2086 # TANTIVY_ARGS is a list of flags
            timed "$tcorpus" "$log" "$TANTIVY" index -i "$dir" $TANTIVY_ARGS
            if [[ $RC -ne 0 ]]; then
                cat "$log" >&2
                die "tantivy index failed (exit $RC)"
            fi
            failed=$(grep -c '^Failed to add document' "$log" || true)
            [[ $failed -eq 0 ]] || note "tantivy-cli refused $failed records"
            docs=$(tantivy_docs "$dir")
            record "$size" tantivy "$run" "$WALL" "$CPU" "$RSS_KB" "$tbytes" "$docs" "$(dir_bytes "$dir")"
            note "${size}× run $run/$RUNS  tantivy: ${WALL} s wall, ${CPU} s CPU, $((RSS_KB / 1024)) MiB, $docs docs"
            rm -rf "$dir"
        fi
    done

    stats=$("$SEARCH" --index "$last_search" stats --json)
    echo "${size}× search stats --json: $stats"
    got=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["articles"])' "$stats")
    want=$((19043 * size))
    if [[ $got -ne $want ]]; then
        die "${size}×: the index holds $got articles, expected $want"
    fi
    echo "${size}×: $got articles indexed, as expected"

    if [[ $size -eq 10 ]]; then
        # The incremental no-op: same files, same index, nothing to do.
        for run in $(seq 1 "$RUNS"); do
            log=$WORK/runs/search-noop-$run.log
            timed /dev/null "$log" "$SEARCH" --index "$last_search" --color never index "$corpus"
            [[ $RC -eq 0 ]] || { cat "$log" >&2; die "search index (no-op) failed (exit $RC)"; }
            record "$size" search-noop "$run" "$WALL" "$CPU" "$RSS_KB" "$bytes" 0 "$(dir_bytes "$last_search")"
            note "${size}× run $run/$RUNS  search (no-op re-run): ${WALL} s wall, $((RSS_KB / 1024)) MiB"
        done
    fi
    rm -rf "$last_search" "$corpus" "$tcorpus"
done

echo
echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1);" \
    "RUNS=$RUNS; timer: ${HYPERFINE:+hyperfine + }/usr/bin/time;" \
    "search $("$SEARCH" --version | cut -d' ' -f2)${TANTIVY:+, $("$TANTIVY" --version 2>/dev/null | tr -d '\n')}${TANTIVY_ARGS:+ (index $TANTIVY_ARGS)}"
echo
python3 - "$RESULTS" <<'PY'
import statistics, sys
from collections import defaultdict

runs = defaultdict(list)
for line in open(sys.argv[1]):
    size, tool, _, wall, cpu, rss, nbytes, articles, index = line.rstrip("\n").split("\t")
    runs[int(size), tool].append(
        (float(wall), float(cpu), int(rss), int(nbytes), int(articles or 0), int(index))
    )

def row(size, tool):
    rs = runs[size, tool]
    wall = statistics.median(r[0] for r in rs)
    return {
        "wall": wall,
        "cpu": statistics.median(r[1] for r in rs),
        "rss": max(r[2] for r in rs) / 1024,
        "mbs": rs[0][3] / 1e6 / wall if wall else 0.0,
        "aps": rs[0][4] / wall if wall else 0.0,
        "index": rs[-1][5] / 1e6,
        "n": len(rs),
    }

print("| corpus | tool | runs | median wall (s) | CPU (s) | MB/s | articles/s "
      "| peak RSS (MiB) | index (MB) | search/tantivy throughput |")
print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
for size in sorted({s for s, _ in runs}):
    tools = {t: row(size, t) for s, t in runs if s == size}
    for tool in ("search", "tantivy"):
        if tool not in tools:
            continue
        r = tools[tool]
        ratio = "—"
        if tool == "search" and "tantivy" in tools:
            ratio = f"{r['mbs'] / tools['tantivy']['mbs']:.2f}×"
        name = "search" if tool == "search" else "tantivy-cli"
        print(f"| {size}× | {name} | {r['n']} | {r['wall']:.2f} | {r['cpu']:.1f} | "
              f"{r['mbs']:.1f} | {r['aps']:,.0f} | {r['rss']:.0f} | {r['index']:.0f} | {ratio} |")
    if "search-noent" in tools:
        r = tools["search-noent"]
        share = 1 - r["wall"] / tools["search"]["wall"] if "search" in tools else 0.0
        print(f"| {size}× | search --no-entities (extraction: {share:.0%} of search's time) | "
              f"{r['n']} | {r['wall']:.2f} | {r['cpu']:.1f} | {r['mbs']:.1f} | {r['aps']:,.0f} | "
              f"{r['rss']:.0f} | {r['index']:.0f} | — |")
    if "search-noop" in tools:
        r = tools["search-noop"]
        print(f"| {size}× | search, re-run on unchanged corpus | {r['n']} | {r['wall']:.3f} | "
              f"{r['cpu']:.1f} | — | — | {r['rss']:.0f} | {r['index']:.0f} | — |")
PY
