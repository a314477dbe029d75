#!/usr/bin/env python3
"""Paraphrase recall: how often `search quote` finds the source of a heavily reworded
quotation in its top 10, and how often it answers for a sentence no article holds.

Usage: benches/paraphrase_eval.py [--search BIN] [--data DIR] [--index DIR]
                                  [--min-similarity F ...] [--show-misses N] [--split SPLIT]

The set is tests/fixtures/paraphrase (its README says how it was written): 120 BBC
passages reworded by hand, about half of each one's words changed (split tune /
held_out), and 120 Reuters control sentences that no BBC article holds. The script
expands the set with the fixture's build.py, indexes BBC (or takes --index DIR, kept
and reused), and runs `search quote --json -n 10 [--min-similarity F] -- QUOTE` once
per threshold given (default: the binary's own default only):

- a paraphrase is found when its source article, or a byte-identical copy, is one of
  the matches (or one of their listed copies);
- a control is a false match when `search quote` returns any match at all.

Figures are printed per split and per band of words changed. Python 3, standard
library only; builds nothing (uses target/release/search).
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "paraphrase"


def expand(data):
    out = subprocess.run([sys.executable, str(FIXTURE / "build.py"), str(data), "-o", "-"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"paraphrase_eval: build.py failed:\n{out.stderr.strip()}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def quote(search, index, text, threshold):
    cmd = [search, "--index", str(index), "quote", "--json", "-n", "10"]
    if threshold is not None:
        cmd += ["--min-similarity", str(threshold)]
    out = subprocess.run(cmd + ["--", text], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"paraphrase_eval: search quote failed: {out.stderr.strip()}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def holds(match, wanted):
    paths = [match["path"]] + [c["path"] for c in match.get("copies", [])]
    return any(p.endswith(w) for p in paths for w in wanted)


def band(changed):
    return f"{int(changed * 20) * 5}–{int(changed * 20) * 5 + 4}%"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--search", default=str(ROOT / "target" / "release" / "search"))
    parser.add_argument("--data", default=str(ROOT / ".." / "shared" / "data"))
    parser.add_argument("--index", metavar="DIR", help="index BBC into DIR (kept), or reuse it")
    parser.add_argument("--min-similarity", type=float, action="append", metavar="F")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    parser.add_argument("--split", default="tune", help="the split whose misses are shown")
    args = parser.parse_args()
    data = Path(args.data).resolve()
    if not (data / "bbc").is_dir():
        raise SystemExit(f"paraphrase_eval: no data at {data}")
    rows = expand(data)
    index = Path(args.index) if args.index else Path(tempfile.mkdtemp(prefix="search-para.")) / "bbc"
    if not index.is_dir():
        subprocess.run([args.search, "--index", str(index), "index", "-q", str(data / "bbc")],
                       check=True, capture_output=True)

    print(f"Command: benches/paraphrase_eval.py --search {args.search}"
          + "".join(f" --min-similarity {t}" for t in args.min_similarity or []))
    print()
    print("| threshold | set | n | found in top 10 | recall@10 | top 1 | false matches | median similarity |")
    print("|---|---|--:|--:|--:|--:|--:|--:|")
    for threshold in args.min_similarity or [None]:
        found = defaultdict(list)
        top1 = defaultdict(int)
        sims = defaultdict(list)
        misses = []
        for row in rows:
            matches = quote(args.search, index, row["quote"], threshold)
            split = row["split"]
            if split == "control":
                found[split].append(bool(matches))
                continue
            wanted = ["/bbc/" + d for d in [row["doc"]] + row.get("copies", [])]
            rank = next((i for i, m in enumerate(matches) if holds(m, wanted)), None)
            for group in (split, f"{split} {band(row['changed'])}"):
                found[group].append(rank is not None)
                top1[group] += rank == 0
                if rank is not None:
                    sims[group].append(matches[rank]["similarity"])
            if rank is None and split == args.split:
                misses.append((row["id"], row["changed"], row["quote"],
                               matches[0]["similarity"] if matches else None))
        label = "default" if threshold is None else str(threshold)
        for group in sorted(found, key=lambda g: (g.split()[0] != "tune", g)):
            hits = found[group]
            n = len(hits)
            if group == "control":
                print(f"| {label} | control | {n} | | | | {sum(hits)} ({sum(hits) / n:.1%}) | |")
                continue
            med = f"{statistics.median(sims[group]):.2f}" if sims[group] else "—"
            print(f"| {label} | {group} | {n} | {sum(hits)} | {sum(hits) / n:.3f} | "
                  f"{top1[group]} | | {med} |")
        for item in misses[: args.show_misses]:
            print("miss: %s (%.0f%% changed) %s  [best other: %s]" % (item[0], item[1] * 100, item[2], item[3]))


if __name__ == "__main__":
    main()
